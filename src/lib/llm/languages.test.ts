import { describe, expect, it } from 'vitest';
import { OUTPUT_LANGUAGES, languageLabel, languageSuggestions, outputLanguage } from './languages.ts';

describe('outputLanguage', () => {
  it('follows the interface language unless the user chose one', () => {
    expect(outputLanguage('', 'en')).toBe('English');
    expect(outputLanguage('  ', 'zh-CN')).toBe('Simplified Chinese');
    expect(outputLanguage(' Klingon ', 'zh-CN')).toBe('Klingon');
  });

  it('gives prompts the English name of a language chosen by its Chinese or native name', () => {
    expect(outputLanguage('日语', 'zh-CN')).toBe('Japanese');
    expect(outputLanguage('简体中文', 'en')).toBe('Simplified Chinese');
    expect(outputLanguage('繁體中文', 'zh-CN')).toBe('Traditional Chinese');
    expect(outputLanguage('français', 'en')).toBe('French');
    expect(outputLanguage('german', 'en')).toBe('German');
  });

  it('suggests each language once', () => {
    expect(new Set(OUTPUT_LANGUAGES.map((l) => l.name)).size).toBe(OUTPUT_LANGUAGES.length);
  });
});

describe('languageLabel', () => {
  it('names languages in Chinese in the Chinese UI', () => {
    expect(languageLabel('Simplified Chinese', 'zh-CN')).toBe('简体中文');
    expect(languageLabel('Traditional Chinese', 'zh-CN')).toBe('繁体中文');
    expect(languageLabel('English', 'zh-CN')).toBe('英语');
    expect(languageLabel('French', 'zh-CN')).toBe('法语');
  });

  it('keeps English names in the English UI, and unknown names as typed', () => {
    expect(languageLabel('Simplified Chinese', 'en')).toBe('Simplified Chinese');
    expect(languageLabel('日语', 'en')).toBe('Japanese');
    expect(languageLabel(' Klingon ', 'zh-CN')).toBe('Klingon');
  });

  it('has a Chinese label for every suggestion, and every label reads back as its language', () => {
    for (const { value } of languageSuggestions('zh-CN')) expect(value).toMatch(/^[\p{Script=Han}]+$/u);
    for (const entry of OUTPUT_LANGUAGES) expect(outputLanguage(languageLabel(entry.name, 'zh-CN'), 'zh-CN')).toBe(entry.name);
    expect(languageSuggestions('zh-CN')[3]).toEqual({ value: '日语', label: '日本語' });
    expect(languageSuggestions('zh-CN')[0]).toEqual({ value: '简体中文', label: '' });
    expect(languageSuggestions('en')[2]).toEqual({ value: 'English', label: '' });
  });
});
