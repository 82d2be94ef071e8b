import type { FontSubset } from './font-faces.ts';

/**
 * Subset files one libass font may draw from. libass keeps at most 10 faces per font
 * (ASS_FONT_MAX_FACES in libass/ass_font.h): a glyph found in none of them is drawn as a box
 * however many files the fonts folder holds. One slot goes to the face picked before any glyph
 * is asked for, and one is kept spare.
 */
export const FACES_PER_GROUP = 8;

/** The code point every plan includes: the subset with basic Latin (digits, punctuation) is always there. */
const BASE_CODE_POINT = 0x41;

/** Which subset files libass needs for some texts, and which font group draws each character. */
export interface AssFontPlan {
  /** The WOFF files to write into the fonts folder (Fontsource's WOFF beside each WOFF2). */
  readonly files: readonly string[];
  /**
   * The group a character's subset belongs to (0, 1, …; see {@link FACES_PER_GROUP}); undefined
   * for a character no subset covers. Each group is its own libass font (a bold weight of its
   * own: 700, 701, …), so no font needs more than its 10 faces.
   */
  readonly groupOf: (char: string) => number | undefined;
}

/**
 * Parses a CSS unicode-range (`U+4e00-4e2f,U+4e31,U+3??`) into inclusive code point ranges. Pure.
 *
 * @example
 * parseUnicodeRange('U+4e00-4e2f,U+4e31'); // [[0x4e00, 0x4e2f], [0x4e31, 0x4e31]]
 */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').flatMap((part): [number, number][] => {
    const match = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/iu.exec(part);
    if (!match?.[1]) return [];
    const low = parseInt(match[1].replaceAll('?', '0'), 16);
    const high = parseInt(match[2] ?? match[1].replaceAll('?', 'f'), 16);
    return Number.isNaN(low) || Number.isNaN(high) ? [] : [[low, high]];
  });
}

/**
 * Plans the fonts folder for burning `texts` in with libass: only the subsets their characters
 * need (and the one with basic Latin), in groups of {@link FACES_PER_GROUP}. Pure.
 *
 * @example
 * const plan = planAssFonts(parseFontSubsets(css), ['你好', 'Hello']);
 * plan.files; // ['noto-sans-sc-latin-700-normal.woff', 'noto-sans-sc-118-700-normal.woff', …]
 */
export function planAssFonts(subsets: readonly FontSubset[], texts: readonly string[]): AssFontPlan {
  const ranges = subsets.map((subset) => parseUnicodeRange(subset.unicodeRange));
  const subsetOf = (codePoint: number): number => ranges.findIndex((list) => list.some(([low, high]) => codePoint >= low && codePoint <= high));
  const order: number[] = [];
  // Each character's subset, looked up once (a film's cues repeat the same few thousand).
  const subsetOfChar = new Map<string, number>();
  const add = (char: string) => {
    const index = subsetOf(char.codePointAt(0) ?? 0);
    subsetOfChar.set(char, index);
    if (index >= 0 && !order.includes(index)) order.push(index);
  };
  add(String.fromCodePoint(BASE_CODE_POINT));
  for (const char of new Set([...texts.join('')])) {
    if (!/\s/u.test(char)) add(char);
  }
  const groups = new Map(order.map((index, position) => [index, Math.floor(position / FACES_PER_GROUP)]));
  return {
    files: order.map((index) => (subsets[index]?.file ?? '').replace(/\.woff2$/u, '.woff')),
    groupOf: (char) => groups.get(subsetOfChar.get(char) ?? subsetOf(char.codePointAt(0) ?? 0)),
  };
}
