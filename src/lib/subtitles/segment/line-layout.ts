import type { ReadabilityProfile } from './profiles.ts';
import type { Token } from './tokens.ts';

/** Width of tokens [from, to) set on one line, spaces between them included. */
export type WidthOf = (from: number, to: number) => number;

// Line-break costs: a line ends best after a sentence, then a clause, then any word; it should
// not end on an article or preposition, nor leave one word alone on a line.
const LINE_END_COST = { sentence: 0, clause: 0.5, word: 2 } as const;
const LEANING_END_COST = 3;
const ORPHAN_COST = 2;
const IMBALANCE_WEIGHT = 10;
const OVERFLOW_COST = 1000;

/** Prefix sums of token widths, so the width of any run of tokens is two lookups. */
export function measureTokens(tokens: readonly Token[], profile: ReadabilityProfile): WidthOf {
  const space = profile.halfWidthWeight;
  const prefix = [0];
  let sum = 0;
  for (const token of tokens) {
    sum += token.width + (token.spaced ? space : 0);
    prefix.push(sum);
  }
  // The first token of a line drops the space before it.
  return (from, to) => (prefix[to] ?? 0) - (prefix[from] ?? 0) - (tokens[from]?.spaced ? space : 0);
}

/** The fewest lines tokens [from, to) fill when each line takes as many as fit (a too-wide token gets its own). */
export function linesNeeded(width: WidthOf, from: number, to: number, maxWidth: number): number {
  let lines = from < to ? 1 : 0;
  let lineStart = from;
  for (let index = from + 1; index < to; index++) {
    if (width(lineStart, index + 1) > maxWidth) {
      lines += 1;
      lineStart = index;
    }
  }
  return lines;
}

/** True when tokens [from, to) fit the profile's lines without any line running over. */
export function fitsLines(width: WidthOf, from: number, to: number, profile: ReadabilityProfile): boolean {
  // Quick answers first: this runs for every candidate subtitle while choosing cuts.
  const total = width(from, to);
  if (total > profile.maxCharsPerLine * profile.maxLines) return false;
  if (total <= profile.maxCharsPerLine) return true;
  for (let index = from; index < to; index++) {
    if (width(index, index + 1) > profile.maxCharsPerLine) return false;
  }
  return linesNeeded(width, from, to, profile.maxCharsPerLine) <= profile.maxLines;
}

/** The tokens' text on one line: a space where the source had whitespace. */
export function joinTokens(tokens: readonly Token[], from = 0, to = tokens.length): string {
  let text = '';
  for (let index = from; index < to; index++) {
    const token = tokens[index];
    if (token) text += index > from && token.spaced ? ` ${token.text}` : token.text;
  }
  return text;
}

/**
 * Sets tokens as subtitle text: one line when it fits, otherwise the fewest lines the profile
 * allows, balanced to similar widths and broken at the best places. Pure.
 *
 * @example
 * layoutLines(tokenize('Nobody could have guessed, after all these years, what was in the box.', en), en);
 * // 'Nobody could have guessed, after all\nthese years, what was in the box.'
 */
export function layoutLines(tokens: readonly Token[], profile: ReadabilityProfile): string {
  return setLines(tokens, measureTokens(tokens, profile), 0, tokens.length, profile);
}

/** `layoutLines` for tokens [from, to) of a cue already measured. */
export function setLines(tokens: readonly Token[], width: WidthOf, from: number, to: number, profile: ReadabilityProfile): string {
  const lineCount = Math.min(linesNeeded(width, from, to, profile.maxCharsPerLine), profile.maxLines);
  if (lineCount <= 1) return joinTokens(tokens, from, to);
  const starts = balancedLineStarts({ tokens, width, from, to }, lineCount, profile);
  return starts.map((start, index) => joinTokens(tokens, start, starts[index + 1] ?? to)).join('\n');
}

interface TokenRun {
  readonly tokens: readonly Token[];
  readonly width: WidthOf;
  readonly from: number;
  readonly to: number;
}

/** Where each of `lineCount` lines starts, by dynamic programming over every break. */
function balancedLineStarts({ tokens, width, from, to }: TokenRun, lineCount: number, profile: ReadabilityProfile): number[] {
  const target = width(from, to) / lineCount;
  const lineCost = (start: number, end: number): number => {
    const lineWidth = width(start, end);
    const overflow = Math.max(0, lineWidth - profile.maxCharsPerLine);
    const imbalance = (lineWidth - target) / profile.maxCharsPerLine;
    const orphan = end - start === 1 && to - from > lineCount ? ORPHAN_COST : 0;
    return overflow * OVERFLOW_COST + imbalance * imbalance * IMBALANCE_WEIGHT + orphan + endCost(tokens[end - 1], end < to);
  };
  // Row k, column x: the best way to set tokens [from, from + x) as k + 1 lines, and where its
  // last line starts. Flat arrays: this runs for every subtitle of a transcript.
  const columns = to - from + 1;
  const cost = new Array<number>(lineCount * columns).fill(Infinity);
  const lastStart = new Array<number>(lineCount * columns).fill(from);
  for (let x = 1; x < columns; x++) cost[x] = lineCost(from, from + x);
  for (let k = 1; k < lineCount; k++) {
    // The last line must end with the text: only that column of the last row is needed.
    for (let x = k === lineCount - 1 ? columns - 1 : k + 1; x < columns; x++) {
      const cell = k * columns + x;
      for (let start = k; start < x; start++) {
        const candidate = (cost[(k - 1) * columns + start] ?? Infinity) + lineCost(from + start, from + x);
        if (candidate < (cost[cell] ?? Infinity)) {
          cost[cell] = candidate;
          lastStart[cell] = from + start;
        }
      }
    }
  }
  const starts = [from];
  for (let k = lineCount - 1, x = columns - 1; k > 0; k--) {
    const start = lastStart[k * columns + x] ?? from;
    starts.splice(1, 0, start);
    x = start - from;
  }
  return starts;
}

/** What ending a line after `last` costs: nothing at the end of the text. */
function endCost(last: Token | undefined, breaks: boolean): number {
  if (!last || !breaks) return 0;
  return LINE_END_COST[last.boundary] + (last.leansForward ? LEANING_END_COST : 0);
}
