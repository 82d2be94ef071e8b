/**
 * Finds Whisper's repetition loops in text: the same run of words ("the the the…", "Thank you.
 * Thank you. …") or, in scripts written without spaces, of characters ("谢谢。谢谢。…") repeated
 * back to back. Pure.
 */

/** One word, or one character of a script without spaces, with where it sits in the text. */
export interface TextUnit {
  /** Lower-cased, for comparison. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** The white space before it in the text, to join units back into text. */
  readonly space: string;
}

/** `count` back-to-back copies of the `size` units from unit index `first`. */
export interface Loop {
  readonly first: number;
  readonly size: number;
  readonly count: number;
}

export interface LoopOptions {
  /** Fewest copies that make a loop; people do say "no, no, no". */
  readonly minCopies?: number;
  /**
   * Fewest units the copies must cover together, so a short phrase needs more copies than a
   * sentence: 10 makes "the" ×10, "thank you." ×5 and a 4-word sentence ×3 loops, and keeps
   * "哈哈哈", "谢谢" and "bye bye" as speech.
   */
  readonly minUnits?: number;
  /** Longest repeated phrase looked for, in units. */
  readonly maxSize?: number;
}

const DEFAULTS = { minCopies: 3, minUnits: 10, maxSize: 40 } as const;

/**
 * Scripts written without spaces between words: each character is a unit. Punctuation and Latin
 * runs between them are units of their own, so "谢谢。" is three units.
 */
const UNSPACED = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}\\p{sc=Tibetan}';
const UNIT = new RegExp(`(\\s*)([${UNSPACED}]|[^\\s${UNSPACED}]+)`, 'gu');

/** Splits text into comparable units (words; characters of unspaced scripts); white space is in none. */
export function textUnits(text: string): TextUnit[] {
  return Array.from(text.matchAll(UNIT), (m) => {
    const space = m[1] ?? '';
    const unit = m[2] ?? '';
    const start = m.index + space.length;
    return { key: unit.toLowerCase(), start, end: start + unit.length, space };
  });
}

/**
 * The loop covering the most units (the shortest phrase on a tie, so "the the the…" is one
 * "the" repeated, not "the the"), or undefined.
 *
 * @example
 * findLoop(textUnits('the '.repeat(12))); // → { first: 0, size: 1, count: 12 }
 */
export function findLoop(units: readonly TextUnit[], options: LoopOptions = {}): Loop | undefined {
  const { minCopies, minUnits, maxSize } = { ...DEFAULTS, ...options };
  let best: Loop | undefined;
  const maxN = Math.min(maxSize, Math.floor(units.length / minCopies));
  for (let size = 1; size <= maxN; size++) {
    const loop = longestRun(units, size);
    if (!loop || loop.count < minCopies || loop.count * size < minUnits) continue;
    if (!best || loop.count * size > best.count * best.size) best = loop;
  }
  return best;
}

/** The most back-to-back copies of any `size`-unit phrase: a run of units equal to the unit `size` later. */
function longestRun(units: readonly TextUnit[], size: number): Loop | undefined {
  let best: Loop | undefined;
  let runStart = 0;
  for (let i = 0; i + size <= units.length; i++) {
    const same = i + size < units.length && units[i]?.key === units[i + size]?.key;
    if (same) continue;
    // units[runStart … i + size) repeats with period `size`
    const count = Math.floor((i - runStart) / size) + 1;
    if (count > 1 && (!best || count > best.count)) best = { first: runStart, size, count };
    runStart = i + 1;
  }
  return best;
}

/**
 * The units left once every loop is cut down to its first copy, longest loop first.
 *
 * @example
 * removeLoops(textUnits('Hi the the the the the the the the the the bye')).map((u) => u.key); // → ['hi', 'the', 'bye']
 */
export function removeLoops(units: readonly TextUnit[], options: LoopOptions = {}): TextUnit[] {
  const kept = [...units];
  // Each pass removes at least one unit, so this ends.
  for (let loop = findLoop(kept, options); loop; loop = findLoop(kept, options)) {
    kept.splice(loop.first + loop.size, (loop.count - 1) * loop.size);
  }
  return kept;
}

/** Text made of `units` taken from `text`, each after its original white space. */
export function joinUnits(text: string, units: readonly TextUnit[]): string {
  return units
    .map((u) => u.space + text.slice(u.start, u.end))
    .join('')
    .trim();
}
