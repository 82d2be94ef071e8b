import { describe, expect, it } from 'vitest';
import { SubtitleParseError } from '../parse-error.ts';
import { parseCuesJson, toCuesJson } from './cues-json.ts';

function parseError(text: string): string | undefined {
  try {
    parseCuesJson(text);
  } catch (error) {
    if (error instanceof SubtitleParseError) return error.code;
    throw error;
  }
  return undefined;
}

describe('parseCuesJson', () => {
  it('reads back what toCuesJson writes: texts, translations, word times and languages', () => {
    const cues = [
      { start: 0.5, end: 1.25, text: 'Hi "there"\nyou', translation: '你好', words: [{ start: 0.5, end: 1, text: ' Hi' }] },
      { start: 2, end: 3, text: 'Bye' },
    ];
    expect(parseCuesJson(toCuesJson({ variant: 'bilingual', language: 'en', translationLanguage: 'zh-CN', cues }))).toEqual({
      language: 'en',
      translationLanguage: 'zh-CN',
      cues,
    });
  });

  it('leaves out languages written as null', () => {
    expect(parseCuesJson(toCuesJson({ variant: 'original', cues: [] }))).toEqual({ cues: [] });
  });

  it('skips cues and words without finite times or a text, and ignores fields it does not know', () => {
    const text = JSON.stringify({
      format: 'zimu-cues',
      version: 1,
      extra: true,
      cues: [
        { start: 0, end: 1, text: 'ok', speaker: 'A', translation: 7, words: [{ start: 0, end: 1 }, { start: 0, end: 1, text: ' ok' }] },
        { start: '1', end: 2, text: 'string time' },
        { start: 1, end: null, text: 'no end' },
        { start: 1, end: 2 },
        null,
        'text',
      ],
    });
    expect(parseCuesJson(text)).toEqual({ cues: [{ start: 0, end: 1, text: 'ok', words: [{ start: 0, end: 1, text: ' ok' }] }] });
  });

  it('accepts a BOM', () => {
    expect(parseCuesJson('\uFEFF{"format":"zimu-cues","version":1,"cues":[]}')).toEqual({ cues: [] });
  });

  it('refuses JSON of another shape, a newer version and text that is not JSON', () => {
    expect(parseError('{"cues":[]}')).toBe('unsupported-json');
    expect(parseError('[{"start":0,"end":1,"text":"x"}]')).toBe('unsupported-json');
    expect(parseError('{"format":"zimu-cues","version":1,"cues":{}}')).toBe('unsupported-json');
    expect(parseError('{"format":"zimu-cues","cues":[]}')).toBe('unsupported-json');
    expect(parseError('{"format":"zimu-cues","version":0,"cues":[]}')).toBe('unsupported-json');
    expect(parseError('{"format":"zimu-cues","version":2,"cues":[]}')).toBe('unsupported-json-version');
    expect(parseError('{"format": "zimu-cues",')).toBe('not-subtitles');
  });
});
