import type { Cue, WordTiming } from '../cue.ts';
import { normalizeCues } from '../normalize.ts';
import { indexOfCue, refused, toEditable, withTimes, type EditableCue, type EditResult, type IdFactory } from './editable-cue.ts';

/**
 * Appends newly recognised cues (already given ids) after the last one. Recognition runs in
 * order, so a new cue that starts before the last cue does is a window's overlap and is dropped
 * (what is there may have been edited already); the last cue is cut short where the first new
 * one starts, as normalizeCues would. Gives back `cues` when nothing was added.
 *
 * @example
 * appendCues(project.cues, normalizeCues(batch).map((cue) => toEditable(cue, ids)));
 */
export function appendCues(cues: readonly EditableCue[], fresh: readonly EditableCue[]): readonly EditableCue[] {
  const last = cues.at(-1);
  const kept = last ? fresh.filter((cue) => cue.start > last.start) : fresh;
  const first = kept[0];
  if (!first) return cues;
  if (!last) return [...kept];
  const tail = first.start < last.end ? withTimes(last, last.start, first.start) : last;
  return [...cues.slice(0, -1), tail, ...kept];
}

/**
 * Replaces the cues from the first to the last of `ids` (all cues when `ids` is undefined) with
 * `replacement`, normalized: a re-segmentation "fix" over a selection. A new cue with the same
 * text as a replaced one (matched in order) keeps that cue's id and revision, so its translation
 * still applies; the others get new ids. The new cues must fit between the range's neighbours.
 *
 * @example
 * replaceRange(cues, ['c4', 'c9'], resegment(cues.slice(3, 9)), ids);
 */
export function replaceRange(
  cues: readonly EditableCue[],
  ids: readonly string[] | undefined,
  replacement: readonly Cue[],
  idFactory: IdFactory,
): EditResult {
  const indices = (ids ?? []).map((id) => indexOfCue(cues, id)).filter((index) => index >= 0);
  if (ids && indices.length === 0) return refused('unknown-cue', ids.join(' '));
  const low = ids ? Math.min(...indices) : 0;
  const high = ids ? Math.max(...indices) : cues.length - 1;
  const fresh = normalizeCues(replacement);
  const previous = cues[low - 1];
  const next = cues[high + 1];
  const first = fresh[0];
  const last = fresh.at(-1);
  if ((previous && first && first.start < previous.end) || (next && last && last.end > next.start)) {
    return refused('overlaps-neighbour');
  }
  const old = cues.slice(low, high + 1);
  const placed = reuseIds(old, fresh, idFactory);
  const same = placed.length === old.length && placed.every((cue, i) => cue === old[i]);
  return { ok: true, cues: same ? cues : cues.toSpliced(low, old.length, ...placed) };
}

function reuseIds(old: readonly EditableCue[], fresh: readonly Cue[], ids: IdFactory): EditableCue[] {
  const byText = new Map<string, EditableCue[]>();
  for (const cue of old) {
    const list = byText.get(cue.text);
    if (list) list.push(cue);
    else byText.set(cue.text, [cue]);
  }
  return fresh.map((cue) => {
    const match = byText.get(cue.text)?.shift();
    if (!match) return toEditable(cue, ids);
    if (match.start === cue.start && match.end === cue.end && sameWords(match.words, cue.words)) return match;
    const base = { id: match.id, revision: match.revision, start: cue.start, end: cue.end, text: cue.text };
    return cue.words ? { ...base, words: cue.words } : base;
  });
}

function sameWords(a: readonly WordTiming[] | undefined, b: readonly WordTiming[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((w, i) => w.start === b[i]?.start && w.end === b[i]?.end && w.text === b[i]?.text);
}
