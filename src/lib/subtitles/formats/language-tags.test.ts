import { describe, expect, it } from 'vitest';
import { cjkScript, cjkScriptOfText, languageTag } from './language-tags.ts';

describe('languageTag', () => {
  it('canonicalizes codes and knows the names the translation panel suggests', () => {
    expect(languageTag('zh-cn')).toBe('zh-CN');
    expect(languageTag(' en ')).toBe('en');
    expect(languageTag('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(languageTag('Simplified Chinese')).toBe('zh-CN');
    expect(languageTag('繁體中文')).toBe('zh-TW');
    expect(languageTag('japanese')).toBe('ja');
    expect(languageTag('Tiếng Việt')).toBe('vi');
  });

  it('gives undefined for unknown names and nothing', () => {
    expect(languageTag('Klingon')).toBeUndefined();
    expect(languageTag('English please')).toBeUndefined();
    expect(languageTag('')).toBeUndefined();
    expect(languageTag(undefined)).toBeUndefined();
    expect(languageTag('en-x')).toBeUndefined();
  });
});

describe('cjkScript', () => {
  it('picks the font family for Chinese, Japanese and Korean', () => {
    expect(cjkScript('zh')).toBe('SC');
    expect(cjkScript('Simplified Chinese')).toBe('SC');
    expect(cjkScript('zh-TW')).toBe('TC');
    expect(cjkScript('zh-Hant')).toBe('TC');
    expect(cjkScript('zh-HK')).toBe('TC');
    expect(cjkScript('Cantonese')).toBe('TC');
    expect(cjkScript('ja-JP')).toBe('JP');
    expect(cjkScript('한국어')).toBe('KR');
  });

  it('gives undefined for other and unknown languages', () => {
    expect(cjkScript('en')).toBeUndefined();
    expect(cjkScript('French')).toBeUndefined();
    expect(cjkScript('Klingon')).toBeUndefined();
  });
});

describe('cjkScriptOfText', () => {
  it('recognises text mostly in Han, kana or Hangul', () => {
    expect(cjkScriptOfText(['你好，世界！', 'OK'])).toBe('SC');
    expect(cjkScriptOfText(['字幕テスト'])).toBe('JP');
    expect(cjkScriptOfText(['한국어 자막'])).toBe('KR');
  });

  it('gives undefined for Latin text with a few CJK characters, and for no letters', () => {
    expect(cjkScriptOfText(['The word 你 means you'])).toBeUndefined();
    expect(cjkScriptOfText(['123 !?'])).toBeUndefined();
    expect(cjkScriptOfText([])).toBeUndefined();
  });
});
