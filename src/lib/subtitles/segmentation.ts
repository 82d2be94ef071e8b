import type { Cue, WordTiming } from './cue.ts';

export interface SegmentationOptions {
  /** A subtitle longer than this is hard to read: start a new one. */
  readonly maxSeconds?: number;
  /** About two lines of 42 characters, the usual broadcast limit. */
  readonly maxChars?: number;
  /** A pause this long between words ends a subtitle. */
  readonly pauseSeconds?: number;
}

const DEFAULTS = { maxSeconds: 7, maxChars: 84, pauseSeconds: 0.8 } as const;
/** Sentence ends in Latin and CJK punctuation. */
const SENTENCE_END = /[.!?。！？…]["'」』）)]*$/;

/**
 * Groups timed words into subtitles: a new one after a sentence end, a long pause, or when the
 * current one would get too long. Each cue keeps its words; times come from the words. Pure.
 *
 * @example
 * segmentWords([{ start: 0, end: 0.4, text: ' Hello.' }, { start: 1.5, end: 2, text: ' Again' }]);
 * // → [{ start: 0, end: 0.4, text: 'Hello.', words: [...] }, { start: 1.5, end: 2, text: 'Again', words: [...] }]
 */
export function segmentWords(words: readonly WordTiming[], options: SegmentationOptions = {}): Cue[] {
  const { maxSeconds, maxChars, pauseSeconds } = { ...DEFAULTS, ...options };
  const cues: Cue[] = [];
  let group: WordTiming[] = [];
  const flush = () => {
    const first = group[0];
    const last = group.at(-1);
    if (first && last) cues.push({ start: first.start, end: last.end, text: joinWords(group), words: group });
    group = [];
  };
  for (const word of words) {
    const first = group[0];
    const last = group.at(-1);
    const tooLong = first !== undefined && (word.end - first.start > maxSeconds || joinWords([...group, word]).length > maxChars);
    const paused = last !== undefined && word.start - last.end >= pauseSeconds;
    if (tooLong || paused) flush();
    group.push(word);
    if (SENTENCE_END.test(word.text.trim())) flush();
  }
  flush();
  return cues;
}

/** Whisper's word texts carry their own leading spaces (none in CJK): join as they are. */
function joinWords(words: readonly WordTiming[]): string {
  return words.map((w) => w.text).join('').trim();
}
