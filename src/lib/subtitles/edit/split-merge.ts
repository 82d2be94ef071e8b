import type { WordTiming } from '../cue.ts';
import { clampWords } from '../normalize.ts';
import { indexOfCue, refused, toWholeMilliseconds, type EditableCue, type EditResult, type IdFactory } from './editable-cue.ts';
import { joinTexts, nearestBoundary, wordSpans } from './text.ts';

/** Where a cue's text is cut, and its words for each side (none when they can't be divided). */
interface Division {
  readonly offset: number;
  readonly firstWords?: readonly WordTiming[];
  readonly secondWords?: readonly WordTiming[];
}

/**
 * Splits a cue in two at `atSeconds`. The text is cut at `caret` (a character offset) when
 * given, else at the word boundary nearest the split time: between the words whose timings
 * straddle it when the cue has word timings that match its text, else at the time's share of
 * the text. The first part keeps the id (revision + 1: its text changed); the second gets a new
 * id and revision 0 (a new cue, which no translation can refer to yet). Words go with their part.
 *
 * @example
 * split([{ id: 'c1', revision: 0, start: 0, end: 4, text: 'one two' }], 'c1', 2, createIdFactory('c', 2));
 * // { ok: true, cues: [{ id: 'c1', revision: 1, start: 0, end: 2, text: 'one' },
 * //                    { id: 'c2', revision: 0, start: 2, end: 4, text: 'two' }] }
 */
export function split(cues: readonly EditableCue[], id: string, atSeconds: number, ids: IdFactory, caret?: number): EditResult {
  const index = indexOfCue(cues, id);
  const cue = cues[index];
  if (!cue) return refused('unknown-cue', id);
  const at = toWholeMilliseconds(atSeconds);
  if (!(at > cue.start && at < cue.end)) return refused('split-outside-cue', id);
  const division = caret === undefined ? divideAtTime(cue, at) : divideAtCaret(cue, caret);
  const firstText = division ? cue.text.slice(0, division.offset).trimEnd() : '';
  const secondText = division ? cue.text.slice(division.offset).trimStart() : '';
  if (!division || firstText === '' || secondText === '') return refused('no-split-point', id);
  const first = withOptionalWords(
    { id: cue.id, revision: cue.revision + 1, start: cue.start, end: at, text: firstText },
    division.firstWords,
  );
  const second = withOptionalWords({ id: ids.next(), revision: 0, start: at, end: cue.end, text: secondText }, division.secondWords);
  return { ok: true, cues: cues.toSpliced(index, 1, first, second) };
}

/**
 * Merges two adjacent cues (in either order) into one that keeps the earlier one's id, with
 * revision + 1, the texts joined (see joinTexts) and, when both have them, the words of both.
 *
 * @example
 * merge(cues, 'c1', 'c2'); // { ok: true, cues: [{ id: 'c1', revision: 1, text: 'one two', … }] }
 */
export function merge(cues: readonly EditableCue[], firstId: string, secondId: string): EditResult {
  const a = indexOfCue(cues, firstId);
  const b = indexOfCue(cues, secondId);
  if (a < 0) return refused('unknown-cue', firstId);
  if (b < 0) return refused('unknown-cue', secondId);
  const low = Math.min(a, b);
  const first = cues[low];
  const second = cues[low + 1];
  if (Math.abs(a - b) !== 1 || !first || !second) return refused('not-adjacent', `${firstId} ${secondId}`);
  // A cue with words shows them instead of its text, so half a word list would hide text.
  const words = first.words && second.words ? [...first.words, ...second.words] : undefined;
  const merged = withOptionalWords(
    {
      id: first.id,
      revision: first.revision + 1,
      start: first.start,
      end: Math.max(first.end, second.end),
      text: joinTexts(first.text, second.text),
    },
    words,
  );
  return { ok: true, cues: cues.toSpliced(low, 2, merged) };
}

function divideAtTime(cue: EditableCue, at: number): Division | undefined {
  const spans = cue.words && cue.words.length > 1 ? wordSpans(cue.words, cue.text) : undefined;
  if (cue.words && spans) {
    const words = cue.words;
    const k = nearestWordBoundary(words, at);
    const offset = spans[k]?.[0];
    if (offset !== undefined) return { offset, firstWords: words.slice(0, k), secondWords: words.slice(k) };
  }
  const offset = nearestBoundary(cue.text, (at - cue.start) / (cue.end - cue.start));
  return offset === undefined ? undefined : { offset };
}

/** The index k (1..n-1) of the first word after the gap whose middle is nearest `at`. */
function nearestWordBoundary(words: readonly WordTiming[], at: number): number {
  let best = 1;
  let bestDistance = Infinity;
  for (let k = 1; k < words.length; k++) {
    const previous = words[k - 1];
    const next = words[k];
    if (!previous || !next) continue;
    const distance = Math.abs((previous.end + next.start) / 2 - at);
    if (distance < bestDistance) [best, bestDistance] = [k, distance];
  }
  return best;
}

function divideAtCaret(cue: EditableCue, caret: number): Division | undefined {
  if (!Number.isInteger(caret) || caret <= 0 || caret >= cue.text.length) return undefined;
  const spans = cue.words ? wordSpans(cue.words, cue.text) : undefined;
  // A caret inside a word leaves that word's timing describing neither part: keep no words.
  if (!cue.words || !spans || spans.some(([start, end]) => start < caret && end > caret)) return { offset: caret };
  const k = spans.findIndex(([start]) => start >= caret);
  const cut = k < 0 ? cue.words.length : k;
  return { offset: caret, firstWords: cue.words.slice(0, cut), secondWords: cue.words.slice(cut) };
}

function withOptionalWords(cue: EditableCue, words: readonly WordTiming[] | undefined): EditableCue {
  const kept = words ? clampWords(words, cue.start, cue.end) : [];
  return kept.length > 0 ? { ...cue, words: kept } : cue;
}
