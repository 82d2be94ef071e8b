import type { Cue, WordTiming } from '../../subtitles/cue.ts';
import { COMPRESSION_RATIO_THRESHOLD, compressionRatio } from './compression.ts';
import { findLoop, joinUnits, removeLoops, textUnits, type LoopOptions, type TextUnit } from './loops.ts';

/**
 * Whisper, on silence, music or noise, can get stuck repeating itself ("the the the…", "Thank you."
 * forty times). These functions find such loops and take them out of the subtitles. Pure.
 *
 * Policy: a loop inside a cue is trimmed to one copy (the speech before and after it stays); a
 * cue that still compresses like a loop (OpenAI's test: zlib ratio > 2.4) is dropped; and where
 * three or more cues in a row say the same thing, only the first is kept. Trimming rather than
 * dropping keeps real words that led into the loop; the compression test catches repetition that
 * is not back to back ("I'm going to… I'm going to…").
 */

export interface RepetitionOptions extends LoopOptions {
  /** Above this, text is a loop (OpenAI Whisper's `compression_ratio_threshold`). */
  readonly compressionThreshold?: number;
  /** Cues in a row with the same text that count as a loop. */
  readonly minRepeatedCues?: number;
}

/** What `cleanRepetitions` did, for the UI ("3 repeated lines removed"). */
export interface RepetitionCleanup {
  readonly cues: Cue[];
  /** Cues whose text lost a loop but kept the rest. */
  readonly trimmed: number;
  /** Cues removed entirely. */
  readonly dropped: number;
}

/**
 * Whether text is a repetition loop: a phrase repeated back to back (words; characters in Chinese,
 * Japanese, Thai…) or text that compresses more than Whisper allows.
 *
 * @example
 * isRepetitionLoop(' the'.repeat(60)); // true
 * isRepetitionLoop('谢谢。'.repeat(5)); // true
 * isRepetitionLoop('No, no, no, that is not what I said.'); // false
 */
export function isRepetitionLoop(text: string, options: RepetitionOptions = {}): boolean {
  if (findLoop(textUnits(text), options)) return true;
  return compressionRatio(text) > (options.compressionThreshold ?? COMPRESSION_RATIO_THRESHOLD);
}

/**
 * Takes loops out of one window's cues (see the policy above); times are kept, except that a
 * trimmed cue with word timings ends with its last kept word.
 *
 * @example
 * cleanRepetitions([{ start: 0, end: 6, text: 'Well, the the the the the the the the the the' }]).cues;
 * // → [{ start: 0, end: 6, text: 'Well, the' }]
 */
export function cleanRepetitions(cues: readonly Cue[], options: RepetitionOptions = {}): RepetitionCleanup {
  const threshold = options.compressionThreshold ?? COMPRESSION_RATIO_THRESHOLD;
  const kept: Cue[] = [];
  let trimmed = 0;
  for (const cue of cues) {
    const units = textUnits(cue.text);
    const left = removeLoops(units, options);
    const text = left.length === units.length ? cue.text.trim() : joinUnits(cue.text, left);
    if (!text || compressionRatio(text) > threshold) continue;
    if (left.length === units.length) kept.push(cue);
    else {
      trimmed++;
      kept.push(trimmedCue(cue, text, left));
    }
  }
  const deduplicated = dropRepeatedCues(kept, options.minRepeatedCues ?? 3);
  return { cues: deduplicated, trimmed, dropped: cues.length - deduplicated.length };
}

/** Text with every loop cut down to one copy. */
export function trimLoops(text: string, options: LoopOptions = {}): string {
  return joinUnits(text, removeLoops(textUnits(text), options));
}

/**
 * The cue with its loop cut out. Its words are matched, in order, to the original text; those in
 * a removed copy go, and the cue then ends with its last word. Words that cannot be matched to the
 * text (they should always match) make the timings untrustworthy: the cue then keeps none.
 */
function trimmedCue(cue: Cue, text: string, left: readonly TextUnit[]): Cue {
  const plain: Cue = { start: cue.start, end: cue.end, text };
  if (!cue.words) return plain;
  const spans = wordSpans(cue.words, cue.text);
  if (!spans) return plain;
  const keptChars = new Uint8Array(cue.text.length);
  for (const unit of left) keptChars.fill(1, unit.start, unit.end);
  const words = cue.words.filter((_, i) => keptChars[spans[i]?.[0] ?? -1] === 1);
  const last = words.at(-1);
  return last ? { ...plain, words, end: Math.max(cue.start, Math.min(cue.end, last.end)) } : plain;
}

/** Where each word's text sits in the cue's text, in order; undefined when one is missing. */
function wordSpans(words: readonly WordTiming[], text: string): [number, number][] | undefined {
  const spans: [number, number][] = [];
  let cursor = 0;
  for (const word of words) {
    const needle = word.text.trim();
    const at = text.indexOf(needle, cursor);
    if (at < 0) return undefined;
    spans.push([at, at + needle.length]);
    cursor = at + needle.length;
  }
  return spans;
}

/** Keeps the first of `min` or more consecutive cues with the same text. */
function dropRepeatedCues(cues: readonly Cue[], min: number): Cue[] {
  const out: Cue[] = [];
  for (let i = 0; i < cues.length; ) {
    let j = i + 1;
    const key = normalized(cues[i]?.text ?? '');
    while (j < cues.length && normalized(cues[j]?.text ?? '') === key) j++;
    const run = cues.slice(i, j);
    out.push(...(run.length >= min ? run.slice(0, 1) : run));
    i = j;
  }
  return out;
}

function normalized(text: string): string {
  return text.toLowerCase().replace(/[\p{P}\s]+/gu, ' ').trim();
}
