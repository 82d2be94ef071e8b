import type { Cue, WordTiming } from '../cue.ts';
import type { WidthOf } from './line-layout.ts';
import type { Token } from './tokens.ts';

/** When each token is spoken, and the cue's words placed in the text when they spell it. */
export interface TokenTiming {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Set when the times come from the words; then the gaps between tokens are real pauses. */
  readonly words: readonly PlacedWord[] | undefined;
}

/** A word with its times made ordered and kept inside the cue, and its place in the text. */
export interface PlacedWord {
  readonly word: WordTiming;
  readonly start: number;
  readonly end: number;
  /** Its first non-whitespace code unit among the cue text's, and how many it has. */
  readonly offset: number;
  readonly length: number;
}

/**
 * Token times from the cue's words when their text is the cue's text (spaces aside); a token
 * that starts or ends inside a word gets a time in proportion to the characters before it.
 * Undefined when the cue has no words or they no longer match its text (an edited cue).
 */
export function timeFromWords(cue: Cue, tokens: readonly Token[]): TokenTiming | undefined {
  const placed = placeWords(cue);
  if (!placed || placed.text !== cue.text.replace(/\s+/g, '')) return undefined;
  const starts = new Array<number>(tokens.length).fill(0);
  const ends = new Array<number>(tokens.length).fill(0);
  let cursor = 0;
  for (const [index, token] of tokens.entries()) {
    const last = token.offset + token.text.length - 1;
    while (cursor < placed.words.length - 1 && wordEnd(placed.words[cursor]) <= token.offset) cursor++;
    starts[index] = timeAt(placed.words[cursor], token.offset, 0);
    let wordIndex = cursor;
    while (wordIndex < placed.words.length - 1 && wordEnd(placed.words[wordIndex]) <= last) wordIndex++;
    ends[index] = timeAt(placed.words[wordIndex], last, 1);
  }
  return { starts, ends, words: placed.words };
}

/** Token times shared out over the cue by display width: the fallback without usable words. */
export function timeByWidth(cue: Cue, tokens: readonly Token[], width: WidthOf): TokenTiming {
  const total = width(0, tokens.length);
  const duration = Math.max(0, cue.end - cue.start);
  const at = (position: number) => cue.start + (total > 0 ? (duration * position) / total : 0);
  const starts = new Array<number>(tokens.length).fill(0);
  const ends = new Array<number>(tokens.length).fill(0);
  for (const [index, token] of tokens.entries()) {
    const through = width(0, index + 1);
    // A token starts after the space before it: proportional times leave a small gap there.
    starts[index] = at(through - token.width);
    ends[index] = at(through);
  }
  return { starts, ends, words: undefined };
}

/**
 * The words of the text between non-whitespace offsets [from, to), times kept inside
 * [start, end]; a word the range cuts through is split, its time shared by characters.
 */
export function wordsBetween(words: readonly PlacedWord[], from: number, to: number, start: number, end: number): WordTiming[] {
  const out: WordTiming[] = [];
  for (const placed of words) {
    const wordFrom = Math.max(from, placed.offset);
    const wordTo = Math.min(to, placed.offset + placed.length);
    if (wordFrom >= wordTo) continue;
    const whole = wordFrom === placed.offset && wordTo === placed.offset + placed.length;
    const text = whole ? placed.word.text : sliceNonSpace(placed.word.text, wordFrom - placed.offset, wordTo - placed.offset);
    const wordStart = clamp(timeAt(placed, wordFrom, 0), start, end);
    const wordEnd = clamp(timeAt(placed, wordTo - 1, 1), wordStart, end);
    out.push({ start: wordStart, end: wordEnd, text });
  }
  return out;
}

/** Words whose middle falls in [from, to), times kept inside [start, end]: for words that no longer match the text. */
export function wordsByTime(words: readonly WordTiming[], from: number, to: number, start: number, end: number): WordTiming[] {
  const out: WordTiming[] = [];
  let floor = start;
  for (const word of words) {
    const middle = (word.start + word.end) / 2;
    if (!(middle >= from && middle < to)) continue;
    const wordStart = clamp(word.start, floor, end);
    const wordEnd = clamp(word.end, wordStart, end);
    out.push({ start: wordStart, end: wordEnd, text: word.text });
    floor = wordEnd;
  }
  return out;
}

function placeWords(cue: Cue): { words: PlacedWord[]; text: string } | undefined {
  if (!cue.words || cue.words.length === 0) return undefined;
  const words: PlacedWord[] = [];
  const letters: string[] = [];
  let offset = 0;
  let floor = cue.start;
  for (const word of cue.words) {
    const wordLetters = word.text.replace(/\s+/g, '');
    if (wordLetters === '') continue;
    // Models emit times out of order or past the cue; keep them monotonic and inside it.
    const start = clamp(Number.isFinite(word.start) ? word.start : floor, floor, cue.end);
    const end = clamp(Number.isFinite(word.end) ? word.end : start, start, cue.end);
    words.push({ word, start, end, offset, length: wordLetters.length });
    letters.push(wordLetters);
    offset += wordLetters.length;
    floor = end;
  }
  return words.length > 0 ? { words, text: letters.join('') } : undefined;
}

/** The time a character of a word starts (`side` 0) or ends (1), by its share of the word. */
function timeAt(word: PlacedWord | undefined, offset: number, side: 0 | 1): number {
  if (!word) return 0;
  const share = Math.min(1, Math.max(0, (offset - word.offset + side) / word.length));
  return word.start + (word.end - word.start) * share;
}

function wordEnd(word: PlacedWord | undefined): number {
  return word ? word.offset + word.length : Infinity;
}

/** The text from the `from`-th to the `to`-th non-whitespace code unit; a leading space stays with the first part. */
function sliceNonSpace(text: string, from: number, to: number): string {
  let seen = 0;
  let begin = from === 0 ? 0 : -1;
  for (let index = 0; index < text.length; index++) {
    if (/\s/.test(text.charAt(index))) continue;
    if (seen === from && begin < 0) begin = index;
    seen += 1;
    if (seen === to) return text.slice(begin, index + 1);
  }
  return text.slice(Math.max(0, begin));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
