import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FACES_PER_GROUP, parseUnicodeRange, planAssFonts } from './ass-fonts.ts';
import { parseFontSubsets } from './font-faces.ts';

const SUBSETS = [
  { file: 'f-latin-700-normal.woff2', unicodeRange: 'U+0000-00ff' },
  ...Array.from({ length: 20 }, (_, i) => ({ file: `f-${i}-700-normal.woff2`, unicodeRange: `U+${(0x4e00 + i * 16).toString(16)}-${(0x4e00 + i * 16 + 15).toString(16)}` })),
];

describe('parseUnicodeRange', () => {
  it('reads single code points, ranges and wildcards', () => {
    expect(parseUnicodeRange('U+4e00-4e2f, U+4e31,U+3??')).toEqual([[0x4e00, 0x4e2f], [0x4e31, 0x4e31], [0x300, 0x3ff]]);
    expect(parseUnicodeRange('nonsense')).toEqual([]);
  });
});

describe('planAssFonts', () => {
  it('takes the Latin subset and only the subsets the texts use, as WOFF', () => {
    const plan = planAssFonts(SUBSETS, ['\u4e00 \u4e01', '\u4e10']);
    expect(plan.files).toEqual(['f-latin-700-normal.woff', 'f-0-700-normal.woff', 'f-1-700-normal.woff']);
    expect(plan.groupOf('\u4e10')).toBe(0);
    expect(plan.groupOf('\u9fff')).toBeUndefined();
  });

  it('puts at most FACES_PER_GROUP subsets in a group (libass opens 10 faces per font)', () => {
    const text = Array.from({ length: 20 }, (_, i) => String.fromCodePoint(0x4e00 + i * 16)).join('');
    const plan = planAssFonts(SUBSETS, [text]);
    expect(plan.files.length).toBe(21);
    const groups = [...text].map((char) => plan.groupOf(char) ?? -1);
    for (let g = 0; g <= Math.max(...groups); g++) {
      // The Latin subset counts in group 0.
      expect(groups.filter((x) => x === g).length + (g === 0 ? 1 : 0)).toBeLessThanOrEqual(FACES_PER_GROUP);
    }
    expect(Math.max(...groups)).toBe(2);
  });

  it('finds every ideograph of a Chinese sentence in the installed font', async () => {
    const css = await readFile('node_modules/@fontsource/noto-sans-sc/700.css', 'utf8');
    const plan = planAssFonts(parseFontSubsets(css), ['我们今天讨论一下字幕的显示效果']);
    for (const char of '我们今天讨论一下字幕的显示效果') expect(plan.groupOf(char)).toBeDefined();
    expect(plan.files.every((file) => file.endsWith('-700-normal.woff'))).toBe(true);
    // Basic Latin comes first, whichever subset holds it (the most common ideographs' slice here).
    expect(plan.groupOf('A')).toBe(0);
    expect(plan.files.length).toBeLessThanOrEqual(FACES_PER_GROUP);
  });
});
