import { describe, expect, it } from 'vitest';
import { en } from './messages/en.ts';
import { zhCN } from './messages/zh-CN.ts';
import { format, localeFromLanguages } from './i18n.svelte.ts';

describe('i18n', () => {
  it('follows the browser language', () => {
    expect(localeFromLanguages(['zh-TW', 'en'])).toBe('zh-CN');
    expect(localeFromLanguages(['en-GB'])).toBe('en');
    expect(localeFromLanguages(['fr-FR', 'zh'])).toBe('zh-CN');
    expect(localeFromLanguages(['fr-FR'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Done: {count} subtitles', { count: 3 })).toBe('Done: 3 subtitles');
    expect(format('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });

  it('has every string translated, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zhCN[key], key).toBeTruthy();
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });
});
