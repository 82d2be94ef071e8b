import { describe, expect, it } from 'vitest';
import { en } from './messages/en.ts';
import { zhCN } from './messages/zh-CN.ts';
import { format, joinList, placeholderNames } from './format.ts';
import { localeFromLanguages } from './i18n.svelte.ts';

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
      expect(placeholderNames(zhCN[key]), key).toEqual(placeholderNames(en[key]));
    }
  });
});

describe('plurals', () => {
  const tracks = '{format} · {count, plural, one {# audio track} other {# audio tracks}}';

  it('picks the English form by Intl.PluralRules', () => {
    expect(format(tracks, { format: 'mkv', count: 1 })).toBe('mkv · 1 audio track');
    expect(format(tracks, { format: 'mkv', count: 2 })).toBe('mkv · 2 audio tracks');
    expect(format(tracks, { format: 'mkv', count: 0 })).toBe('mkv · 0 audio tracks');
  });

  it('handles two plurals in one message and exact matches', () => {
    const found = '{count, plural, one {# match} other {# matches}} in {cues, plural, one {# subtitle} other {# subtitles}}';
    expect(format(found, { count: 1, cues: 1 })).toBe('1 match in 1 subtitle');
    expect(format(found, { count: 5, cues: 2 })).toBe('5 matches in 2 subtitles');
    expect(format('{n, plural, =0 {none} one {# item} other {# items}}', { n: 0 })).toBe('none');
  });

  it('fills placeholders inside a branch, and never shows the raw syntax', () => {
    expect(format('{count, plural, one {# file in {dir}} other {# files in {dir}}}', { count: 2, dir: 'onnx' })).toBe('2 files in onnx');
    expect(format('{count, plural, one {# line} other {# lines}}', { count: '1' })).toBe('1 line');
    expect(format('{count, plural, one {# line} other {# lines}}', {})).toBe(' lines');
  });

  it('uses the Chinese rules (one form) when the locale is Chinese', () => {
    expect(format('{count, plural, other {# 条音轨}}', { count: 1 }, 'zh-CN')).toBe('1 条音轨');
  });

  it('names plural arguments as placeholders', () => {
    expect(placeholderNames(tracks)).toEqual(['count', 'format']);
    expect(placeholderNames('{format} · {count} 条音轨')).toEqual(['count', 'format']);
  });

  it('shows every plural message of the English catalog with a real plural', () => {
    expect(format(en['media.streams'], { format: 'matroska', count: 1 })).toBe('matroska · 1 audio track');
    expect(format(en['job.loops'], { count: 2 })).toBe('Removed 2 repeated lines where the model got stuck.');
    expect(format(en['studio.find.replaced'], { count: 1 })).toBe('Replaced in 1 subtitle.');
  });
});

describe('joinList', () => {
  it('uses the enumeration comma in Chinese', () => {
    expect(joinList(['最快', '最小'], 'zh-CN')).toBe('最快、最小');
    expect(joinList(['fastest', 'smallest'], 'en')).toBe('fastest, smallest');
  });
});
