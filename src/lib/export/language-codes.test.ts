import { describe, expect, it } from 'vitest';
import { WHISPER_LANGUAGE_CODES } from '../transcription/recognition/whisper-languages.ts';
import { iso639_2, languageTitle } from './language-codes.ts';

describe('iso639_2', () => {
  it('writes Chinese as zho for MP4 and chi for Matroska, from a tag or a name', () => {
    for (const language of ['zh', 'zh-CN', 'zh-Hant-TW', 'Simplified Chinese', '中文', 'Traditional Chinese']) {
      expect(iso639_2(language, 'T'), language).toBe('zho');
      expect(iso639_2(language, 'B'), language).toBe('chi');
    }
  });

  it('gives the same code in both forms where ISO 639-2 has one', () => {
    expect(iso639_2('en', 'T')).toBe('eng');
    expect(iso639_2('English', 'B')).toBe('eng');
    expect(iso639_2('ja', 'B')).toBe('jpn');
  });

  it('converts three-letter codes between the forms and keeps others as they are', () => {
    expect(iso639_2('fre', 'T')).toBe('fra');
    expect(iso639_2('fra', 'B')).toBe('fre');
    expect(iso639_2('yue', 'B')).toBe('yue');
    expect(iso639_2('haw', 'T')).toBe('haw');
  });

  it('knows every Whisper language, Javanese under its Whisper code too', () => {
    for (const code of WHISPER_LANGUAGE_CODES) {
      expect(iso639_2(code, 'T'), code).toMatch(/^[a-z]{3}$/);
      expect(iso639_2(code, 'T'), code).not.toBe('und');
    }
    expect(iso639_2('jw', 'B')).toBe('jav');
  });

  it('says und for what it cannot tell', () => {
    expect(iso639_2(undefined, 'T')).toBe('und');
    expect(iso639_2('', 'B')).toBe('und');
    expect(iso639_2('Klingon', 'T')).toBe('und');
    expect(iso639_2('xx', 'T')).toBe('und');
  });
});

describe('languageTitle', () => {
  it('names a language in itself', () => {
    expect(languageTitle('en', 'Original')).toBe('English');
    expect(languageTitle('Simplified Chinese', 'Translation')).toMatch(/^中文/);
    expect(languageTitle('fr', 'Original')).toBe('français');
  });

  it('keeps a name it has no tag for, and falls back when there is nothing', () => {
    expect(languageTitle('Klingon', 'Translation')).toBe('Klingon');
    expect(languageTitle(undefined, 'Original')).toBe('Original');
    expect(languageTitle('  ', 'Original')).toBe('Original');
  });
});
