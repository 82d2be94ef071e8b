import {
  indexOfCue,
  refused,
  toWholeMilliseconds,
  withText,
  withTimes,
  type EditableCue,
  type EditResult,
  type IdFactory,
} from './editable-cue.ts';

/**
 * Sets a cue's text (revision + 1, word timings dropped). The same text changes nothing and
 * gives back the same array.
 *
 * @example
 * setText(cues, 'c3', 'Fixed typo'); // { ok: true, cues: [...with c3 at revision 1] }
 */
export function setText(cues: readonly EditableCue[], id: string, text: string): EditResult {
  const index = indexOfCue(cues, id);
  const cue = cues[index];
  if (!cue) return refused('unknown-cue', id);
  return { ok: true, cues: cue.text === text ? cues : cues.with(index, withText(cue, text)) };
}

/** The times a cue may take without overlapping its neighbours (for a drag UI to clamp to). */
export function timeBounds(cues: readonly EditableCue[], id: string): { readonly min: number; readonly max: number } | undefined {
  const index = indexOfCue(cues, id);
  if (index < 0) return undefined;
  return { min: cues[index - 1]?.end ?? 0, max: cues[index + 1]?.start ?? Infinity };
}

/**
 * Sets a cue's times (rounded to milliseconds; revision kept). Times that would overlap a
 * neighbour are refused with `overlaps-neighbour` rather than clamped: a typed-in time that
 * silently became another would be a surprise, and a drag UI can clamp with `timeBounds` first.
 *
 * @example
 * setTimes(cues, 'c3', 10.5, 12); // { ok: true, … } or { ok: false, error: { code: 'overlaps-neighbour' } }
 */
export function setTimes(cues: readonly EditableCue[], id: string, start: number, end: number): EditResult {
  const index = indexOfCue(cues, id);
  const cue = cues[index];
  if (!cue) return refused('unknown-cue', id);
  const times = checkedTimes(cues[index - 1], cues[index + 1], start, end);
  if (!times.ok) return times;
  if (times.start === cue.start && times.end === cue.end) return { ok: true, cues };
  return { ok: true, cues: cues.with(index, withTimes(cue, times.start, times.end)) };
}

/**
 * Inserts a new cue (new id, revision 0) after the cue `after`, or first when `after` is null.
 * It must fit between its neighbours.
 *
 * @example
 * insert(cues, 'c3', 12, 13.5, 'New line', ids); // { ok: true, cues: [..., c3, c101, c4, ...] }
 */
export function insert(
  cues: readonly EditableCue[],
  after: string | null,
  start: number,
  end: number,
  text: string,
  ids: IdFactory,
): EditResult {
  const index = after === null ? 0 : indexOfCue(cues, after) + 1;
  if (index === 0 && after !== null) return refused('unknown-cue', after);
  const times = checkedTimes(cues[index - 1], cues[index], start, end);
  if (!times.ok) return times;
  const cue: EditableCue = { id: ids.next(), revision: 0, start: times.start, end: times.end, text };
  return { ok: true, cues: cues.toSpliced(index, 0, cue) };
}

/**
 * Removes the cues with these ids (unknown ones are ignored).
 *
 * @example
 * deleteCues(cues, ['c2', 'c5']);
 */
export function deleteCues(cues: readonly EditableCue[], ids: readonly string[]): readonly EditableCue[] {
  const gone = new Set(ids);
  const kept = cues.filter((cue) => !gone.has(cue.id));
  return kept.length === cues.length ? cues : kept;
}

/**
 * Moves every cue, or the cue `from` and all after it, by `delta` seconds, keeping their order
 * and lengths. An earlier shift is cut short where the first moved cue would pass 0 or the end
 * of the cue before it, so nothing overlaps and no cue is squashed. Revisions are kept.
 *
 * @example
 * shift(cues, -1.5);        // everything 1.5 s earlier (at most back to 0)
 * shift(cues, 2, 'c40');    // c40 and what follows, 2 s later
 */
export function shift(cues: readonly EditableCue[], delta: number, from?: string): EditResult {
  const index = from === undefined ? 0 : indexOfCue(cues, from);
  if (index < 0) return refused('unknown-cue', from);
  const first = cues[index];
  if (!first || !Number.isFinite(delta)) return { ok: true, cues };
  const floor = cues[index - 1]?.end ?? 0;
  const applied = Math.round(Math.max(delta, floor - first.start) * 1000) / 1000;
  if (applied === 0) return { ok: true, cues };
  const moved = cues.slice(index).map((cue) => shifted(cue, applied));
  return { ok: true, cues: [...cues.slice(0, index), ...moved] };
}

function shifted(cue: EditableCue, delta: number): EditableCue {
  const start = toWholeMilliseconds(cue.start + delta);
  const end = toWholeMilliseconds(cue.end + delta);
  if (!cue.words) return { ...cue, start, end };
  const words = cue.words.map((word) => ({
    start: toWholeMilliseconds(word.start + delta),
    end: toWholeMilliseconds(word.end + delta),
    text: word.text,
  }));
  return { ...cue, start, end, words };
}

type CheckedTimes = { readonly ok: true; readonly start: number; readonly end: number } | Extract<EditResult, { ok: false }>;

/** Rounded times, when they are a real interval that fits between `previous` and `next`. */
function checkedTimes(previous: EditableCue | undefined, next: EditableCue | undefined, start: number, end: number): CheckedTimes {
  if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0) return { ok: false, error: { code: 'invalid-times' } };
  const s = toWholeMilliseconds(start);
  const e = toWholeMilliseconds(end);
  if (e <= s) return { ok: false, error: { code: 'invalid-times' } };
  if ((previous && s < previous.end) || (next && e > next.start)) return { ok: false, error: { code: 'overlaps-neighbour' } };
  return { ok: true, start: s, end: e };
}
