import { describe, expect, it } from 'vitest';
import { WHISPER_LANGUAGE_CODES, languageCodeOf, languageName, languageOptions, languagesOf } from './whisper-languages.ts';

describe('WHISPER_LANGUAGE_CODES', () => {
  it("lists Whisper's 99 languages once each, in token order", () => {
    expect(WHISPER_LANGUAGE_CODES).toHaveLength(99);
    expect(new Set(WHISPER_LANGUAGE_CODES).size).toBe(99);
    expect(WHISPER_LANGUAGE_CODES.slice(0, 3)).toEqual(['en', 'zh', 'de']);
    expect(WHISPER_LANGUAGE_CODES.indexOf('fr')).toBe(50265 - 50259);
    expect(WHISPER_LANGUAGE_CODES.at(-1)).toBe('su');
  });
});

describe('languageName', () => {
  it('names languages in English and Chinese', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('fr', 'zh-CN')).toBe('法语');
    expect(languageName('zh', 'zh-CN')).toBe('中文');
    expect(languageName('yue', 'en')).toBe('Cantonese');
    expect(languageName('haw', 'en')).toBe('Hawaiian');
  });

  it("maps Whisper's own codes to the ones Intl knows", () => {
    expect(languageName('jw', 'en')).toBe('Javanese');
  });

  it('falls back to the code', () => {
    expect(languageName('xx', 'en')).toBe('xx');
    expect(languageName('not a code!', 'en')).toBe('not a code!');
  });

  it('has a name for every Whisper language in both UI languages', () => {
    for (const locale of ['en', 'zh-CN']) {
      for (const code of WHISPER_LANGUAGE_CODES) expect(languageName(code, locale), `${code} in ${locale}`).not.toBe(code);
    }
  });
});

describe('languageOptions', () => {
  it('sorts by name in the UI language', () => {
    const en = languageOptions('en');
    expect(en).toHaveLength(99);
    expect(en[0]).toEqual({ code: 'af', name: 'Afrikaans' });
    expect(en.map((o) => o.name)).toEqual([...en.map((o) => o.name)].sort(new Intl.Collator('en').compare));
    const zh = languageOptions('zh-CN', ['fr', 'en', 'zh', 'ja']).map((o) => o.name);
    expect(zh).toEqual(['法语', '日语', '英语', '中文']);
  });
});

describe('languagesOf', () => {
  it("reads a model's languages from lang_to_id in id order, yue included", () => {
    expect(languagesOf({ '<|su|>': 50357, '<|en|>': 50259, '<|yue|>': 50358, '<|zh|>': 50260 })).toEqual(['en', 'zh', 'su', 'yue']);
    expect(languagesOf({ '<|translate|>': 1, nonsense: 2 })).toEqual([]);
  });

  it('parses language tokens', () => {
    expect(languageCodeOf('<|fr|>')).toBe('fr');
    expect(languageCodeOf('<|haw|>')).toBe('haw');
    expect(languageCodeOf('<|transcribe|>')).toBeUndefined();
  });
});
