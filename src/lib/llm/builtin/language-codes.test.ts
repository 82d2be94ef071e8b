import { describe, expect, it } from 'vitest';
import { OUTPUT_LANGUAGES } from '../languages.ts';
import { languageCode, primaryLanguage, sameLanguage } from './language-codes.ts';

describe('language names → BCP 47 tags for the built-in AI', () => {
  it('maps Chinese to zh (Simplified) and zh-Hant (Traditional), as Chrome’s Translator names them', () => {
    expect(languageCode('Simplified Chinese')).toBe('zh');
    expect(languageCode('Traditional Chinese')).toBe('zh-Hant');
    expect(languageCode(' english ')).toBe('en');
    expect(languageCode('日本語')).toBe('ja');
  });

  it('maps every suggested output language, by English and by native name', () => {
    for (const language of OUTPUT_LANGUAGES) {
      expect(languageCode(language.name), language.name).toMatch(/^[a-z]{2}(-Hant)?$/);
      expect(languageCode(language.native), language.native).toBe(languageCode(language.name));
    }
  });

  it('takes a typed tag as is, canonicalised', () => {
    expect(languageCode('pt-br')).toBe('pt-BR');
    expect(languageCode('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(languageCode('de')).toBe('de');
  });

  it('knows nothing of other names', () => {
    expect(languageCode('Klingon')).toBeUndefined();
    expect(languageCode('')).toBeUndefined();
    expect(languageCode('Hindustani')).toBeUndefined();
  });

  it('tells when two tags are the same language for translation', () => {
    expect(sameLanguage('en', 'EN')).toBe(true);
    expect(sameLanguage('en', 'en-GB')).toBe(true);
    expect(sameLanguage('zh', 'zh-Hant')).toBe(false);
    expect(sameLanguage('zh-Hant', 'zh-hant')).toBe(true);
    expect(sameLanguage('ja', 'ko')).toBe(false);
    expect(primaryLanguage('zh-Hant-TW')).toBe('zh');
  });
});
