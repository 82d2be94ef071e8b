import type { Cue, WordTiming } from './cue.ts';

/**
 * Cleans cues for display and export: tidy text, whole milliseconds, sorted, no overlaps.
 *
 * Text: each line is trimmed and its whitespace runs become one space; empty lines go.
 * Times: rounded to whole milliseconds (what SRT and WebVTT can carry, so exporting and
 * re-importing gives back the same cues), negative starts become 0. Cues without text,
 * with a non-finite time or without a positive duration are dropped. When a cue starts
 * before the previous one ends, the previous one is cut short.
 *
 * @example
 * normalizeCues([
 *   { start: 2, end: 4, text: ' world ' },
 *   { start: 0, end: 3, text: 'hello   there' },
 * ]);
 * // [{ start: 0, end: 2, text: 'hello there' }, { start: 2, end: 4, text: 'world' }]
 */
export function normalizeCues(cues: readonly Cue[]): Cue[] {
  const cleaned: Cue[] = [];
  for (const cue of cues) {
    const tidy = tidyCue(cue);
    if (tidy) cleaned.push(tidy);
  }
  // Array.prototype.sort is stable (ES2019), so cues with equal starts keep their order.
  cleaned.sort((a, b) => a.start - b.start);
  return removeOverlaps(cleaned);
}

/** True when cues are sorted by start, each lasts longer than zero and none overlaps the next. */
export function sortedNonOverlapping(cues: readonly Cue[]): boolean {
  let previousEnd = -Infinity;
  for (const cue of cues) {
    if (!(cue.start >= previousEnd && cue.end > cue.start)) return false;
    previousEnd = cue.end;
  }
  return true;
}

function normalizeText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function tidyCue(cue: Cue): Cue | undefined {
  if (!Number.isFinite(cue.start) || !Number.isFinite(cue.end)) return undefined;
  const text = normalizeText(cue.text);
  // Math.max turns a rounded -0 into +0 as well as clamping real negatives.
  const start = Math.max(0, toWholeMilliseconds(cue.start));
  const end = toWholeMilliseconds(cue.end);
  // Drop empty-duration cues before trimming overlaps, so a broken cue cannot cut short
  // the valid one before it.
  if (text === '' || end <= start) return undefined;
  return cue.words ? { start, end, text, words: clampWords(cue.words, start, end) } : { start, end, text };
}

/** Keeps word times inside their cue and in order (models emit times past a cue's end). */
export function clampWords(words: readonly WordTiming[], start: number, end: number): WordTiming[] {
  const out: WordTiming[] = [];
  let floor = start;
  for (const word of words) {
    if (!Number.isFinite(word.start) || !Number.isFinite(word.end) || word.text.trim() === '') continue;
    const wordStart = Math.min(end, Math.max(floor, toWholeMilliseconds(word.start)));
    const wordEnd = Math.min(end, Math.max(wordStart, toWholeMilliseconds(word.end)));
    out.push({ start: wordStart, end: wordEnd, text: word.text });
    floor = wordEnd;
  }
  return out;
}

function removeOverlaps(sorted: readonly Cue[]): Cue[] {
  const result: Cue[] = [];
  for (const [index, cue] of sorted.entries()) {
    const next = sorted[index + 1];
    const end = next && next.start < cue.end ? next.start : cue.end;
    // A cue that starts with the next one is left with nothing to show.
    if (end > cue.start) result.push(end === cue.end ? cue : withEnd(cue, end));
  }
  return result;
}

function withEnd(cue: Cue, end: number): Cue {
  return cue.words ? { ...cue, end, words: clampWords(cue.words, cue.start, end) } : { ...cue, end };
}

function toWholeMilliseconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/**
 * Keeps cues inside the media: decoded audio can run a few milliseconds past the duration the
 * container announces (codec padding), and a subtitle must not outlast the video. Callers pass
 * no duration when the announced one is wrong (see `effectiveDuration`). Pure.
 */
export function clampToDuration(cues: readonly Cue[], duration: number | undefined): Cue[] {
  if (duration === undefined || !Number.isFinite(duration)) return [...cues];
  return cues.filter((cue) => cue.start < duration).map((cue) => (cue.end > duration ? withEnd(cue, duration) : cue));
}

/**
 * The duration cues must stay within: the container's, unless the audio actually decoded runs
 * well past it (a VBR MP3 without a header, a WAV with a wrong size), when the header is wrong
 * and the audio is the truth. Undefined: don't clamp. Pure.
 */
export function effectiveDuration(announced: number | undefined, decodedSeconds: number): number | undefined {
  if (announced === undefined || decodedSeconds > announced + 1) return undefined;
  return announced;
}
