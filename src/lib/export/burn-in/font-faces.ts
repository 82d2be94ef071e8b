/** One subset of a web font, as a Fontsource stylesheet declares it. */
export interface FontSubset {
  /** The WOFF2 file's name (`noto-sans-sc-4-700-normal.woff2`). */
  readonly file: string;
  /** The CSS unicode-range it covers, e.g. `U+4e00-4e2f,U+4e31`. */
  readonly unicodeRange: string;
}

/**
 * The WOFF2 subsets of a Fontsource stylesheet with their unicode ranges, so each can become a
 * FontFace that the browser fetches only when text needs it. Pure.
 *
 * @example
 * parseFontSubsets("@font-face { src: url(./files/a-0-700-normal.woff2) format('woff2'); unicode-range: U+4e00-4e2f; }");
 * // [{ file: 'a-0-700-normal.woff2', unicodeRange: 'U+4e00-4e2f' }]
 */
export function parseFontSubsets(css: string): FontSubset[] {
  const subsets: FontSubset[] = [];
  for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/gu)) {
    const body = block[1] ?? '';
    const file = /url\((?:\.\/)?(?:files\/)?([^)'"\s]+\.woff2)\)/u.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/u.exec(body)?.[1]?.trim();
    if (file && range) subsets.push({ file, unicodeRange: range });
  }
  return subsets;
}
