import { describe, expect, it } from 'vitest';
import { parseFontSubsets } from './font-faces.ts';

const CSS = `/* noto-sans-sc-[4]-700-normal */
@font-face {
  font-family: 'Noto Sans SC';
  font-weight: 700;
  src: url(./files/noto-sans-sc-4-700-normal.woff2) format('woff2'), url(./files/noto-sans-sc-4-700-normal.woff) format('woff');
  unicode-range: U+1f1e9-1f1f5,U+1f21a;
}
@font-face {
  font-family: 'Noto Sans SC';
  src: url(./files/noto-sans-sc-chinese-simplified-700-normal.woff2) format('woff2');
  unicode-range: U+4e00-4e2f;
}
@font-face { src: url(./files/no-range.woff2); }`;

describe('parseFontSubsets', () => {
  it('reads each WOFF2 subset with its unicode range, skipping the WOFF fallbacks', () => {
    expect(parseFontSubsets(CSS)).toEqual([
      { file: 'noto-sans-sc-4-700-normal.woff2', unicodeRange: 'U+1f1e9-1f1f5,U+1f21a' },
      { file: 'noto-sans-sc-chinese-simplified-700-normal.woff2', unicodeRange: 'U+4e00-4e2f' },
    ]);
  });

  it('reads the installed Fontsource stylesheet (the font the app serves)', async () => {
    const { readFile } = await import('node:fs/promises');
    const css = await readFile('node_modules/@fontsource/noto-sans-sc/700.css', 'utf8');
    const subsets = parseFontSubsets(css);
    expect(subsets.length).toBeGreaterThan(50);
    // The common ideographs (中文) are covered by some subset.
    expect(subsets.some((subset) => /U\+4e2d|U\+4e[0-2][0-9a-f]-/iu.test(subset.unicodeRange))).toBe(true);
  });
});
