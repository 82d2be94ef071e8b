import { describe, expect, it } from 'vitest';
import { OUTPUT_LANGUAGES, outputLanguage } from './languages.ts';

describe('outputLanguage', () => {
  it('follows the interface language unless the user chose one', () => {
    expect(outputLanguage('', 'en')).toBe('English');
    expect(outputLanguage('  ', 'zh-CN')).toBe('Simplified Chinese');
    expect(outputLanguage(' Klingon ', 'zh-CN')).toBe('Klingon');
  });

  it('suggests each language once', () => {
    expect(new Set(OUTPUT_LANGUAGES.map((l) => l.name)).size).toBe(OUTPUT_LANGUAGES.length);
  });
});
