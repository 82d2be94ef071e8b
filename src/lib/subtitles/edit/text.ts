import type { WordTiming } from '../cue.ts';

// Scripts written without spaces between words. Hangul is left out on purpose: Korean puts
// spaces between words. U+30FC (the long-vowel mark ー) is in the Common script, so it is named.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc\\u3000-\\u303f\\uff00-\\uffef';
const CJK_AT_END = new RegExp(`[${CJK}]$`, 'u');
const CJK_AT_START = new RegExp(`^[${CJK}]`, 'u');
const CJK_CHAR = new RegExp(`^[${CJK}]$`, 'u');
const SPACE = /\s/;
const PUNCTUATION = /\p{P}/u;

/**
 * Joins two cue texts as one: with a space, or with none between two CJK characters.
 *
 * @example
 * joinTexts('Hello', 'world'); // 'Hello world'
 * joinTexts('你好，', '世界'); // '你好，世界'
 */
export function joinTexts(first: string, second: string): string {
  const a = first.trimEnd();
  const b = second.trimStart();
  if (a === '' || b === '') return a + b;
  return CJK_AT_END.test(a) && CJK_AT_START.test(b) ? a + b : `${a} ${b}`;
}

/** Where each word's text sits in `text`, in order; undefined when one cannot be found. */
export function wordSpans(words: readonly WordTiming[], text: string): readonly (readonly [number, number])[] | undefined {
  const spans: (readonly [number, number])[] = [];
  let cursor = 0;
  for (const word of words) {
    const needle = word.text.trim();
    const at = text.indexOf(needle, cursor);
    if (needle === '' || at < 0) return undefined;
    spans.push([at, at + needle.length]);
    cursor = at + needle.length;
  }
  return spans;
}

/**
 * The word boundary nearest to `share` (0..1) of the text: the start of a word after a space,
 * or any place next to a CJK character (those scripts have no spaces), never before punctuation
 * (a part should not open with the comma that closes the other). Undefined when there is none.
 */
export function nearestBoundary(text: string, share: number): number | undefined {
  const target = share * text.length;
  let best: number | undefined;
  for (let i = 1; i < text.length; i++) {
    if (!isBoundary(text, i)) continue;
    if (best === undefined || Math.abs(i - target) < Math.abs(best - target)) best = i;
  }
  return best;
}

function isBoundary(text: string, i: number): boolean {
  const before = text[i - 1] ?? '';
  const at = text[i] ?? '';
  if (SPACE.test(at) || PUNCTUATION.test(at)) return false;
  return SPACE.test(before) || CJK_CHAR.test(before) || CJK_CHAR.test(at);
}
