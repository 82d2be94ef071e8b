import { describe, expect, it } from 'vitest';
import type { ExportDocument, ExportVariant } from './export-document.ts';
import { FORMATS, formatById, type SubtitleFormatId } from './registry.ts';

const lecture = (variant: ExportVariant): ExportDocument => ({
  variant,
  language: 'en',
  translationLanguage: 'zh-CN',
  title: 'Lecture 1',
  cues: [
    { start: 1, end: 2.5, text: 'Hello, world.', translation: '你好，世界。', words: [{ start: 1, end: 1.6, text: ' Hello,' }, { start: 1.7, end: 2.4, text: ' world.' }] },
    { start: 3, end: 4.25, text: 'Two\nlines', translation: '两行' },
    { start: 5, end: 6, text: 'Not translated' },
  ],
});

const write = (id: SubtitleFormatId, variant: ExportVariant): string => formatById(id).write(lecture(variant));

describe('FORMATS', () => {
  it('lists every format once, with its extension and MIME type', () => {
    expect(FORMATS.map((f) => [f.id, f.extension, f.mime])).toEqual([
      ['srt', 'srt', 'application/x-subrip'],
      ['vtt', 'vtt', 'text/vtt'],
      ['ass', 'ass', 'text/x-ssa'],
      ['txt', 'txt', 'text/plain'],
      ['json', 'json', 'application/json'],
    ]);
    for (const format of FORMATS) expect(formatById(format.id)).toBe(format);
  });

  it('writes every format without a carriage return and with a final newline', () => {
    for (const format of FORMATS) {
      for (const variant of ['original', 'translated', 'bilingual'] as const) {
        const text = format.write(lecture(variant));
        expect(text, `${format.id} ${variant}`).not.toContain('\r');
        expect(text.endsWith('\n'), `${format.id} ${variant}`).toBe(true);
      }
    }
  });
});

describe('SRT export', () => {
  it('writes the original text', () => {
    expect(write('srt', 'original')).toBe(
      '1\n00:00:01,000 --> 00:00:02,500\nHello, world.\n\n2\n00:00:03,000 --> 00:00:04,250\nTwo\nlines\n\n3\n00:00:05,000 --> 00:00:06,000\nNot translated\n',
    );
  });

  it('writes the translation, keeping the original where a cue has none', () => {
    expect(write('srt', 'translated')).toBe(
      '1\n00:00:01,000 --> 00:00:02,500\n你好，世界。\n\n2\n00:00:03,000 --> 00:00:04,250\n两行\n\n3\n00:00:05,000 --> 00:00:06,000\nNot translated\n',
    );
  });

  it('writes the original line(s), then the translation, in one cue', () => {
    expect(write('srt', 'bilingual')).toBe(
      '1\n00:00:01,000 --> 00:00:02,500\nHello, world.\n你好，世界。\n\n2\n00:00:03,000 --> 00:00:04,250\nTwo\nlines\n两行\n\n3\n00:00:05,000 --> 00:00:06,000\nNot translated\n',
    );
  });
});

describe('WebVTT export', () => {
  it('writes each variant', () => {
    const cues = (a: string, b: string, c: string): string =>
      `WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n${a}\n\n00:00:03.000 --> 00:00:04.250\n${b}\n\n00:00:05.000 --> 00:00:06.000\n${c}\n`;
    expect(write('vtt', 'original')).toBe(cues('Hello, world.', 'Two\nlines', 'Not translated'));
    expect(write('vtt', 'translated')).toBe(cues('你好，世界。', '两行', 'Not translated'));
    expect(write('vtt', 'bilingual')).toBe(cues('Hello, world.\n你好，世界。', 'Two\nlines\n两行', 'Not translated'));
  });
});

describe('plain text export', () => {
  it('writes one paragraph per cue, without times', () => {
    expect(write('txt', 'original')).toBe('Hello, world.\n\nTwo\nlines\n\nNot translated\n');
    expect(write('txt', 'translated')).toBe('你好，世界。\n\n两行\n\nNot translated\n');
    expect(write('txt', 'bilingual')).toBe('Hello, world.\n你好，世界。\n\nTwo\nlines\n两行\n\nNot translated\n');
  });

  it('writes nothing for no cues', () => {
    expect(formatById('txt').write({ variant: 'original', cues: [] })).toBe('');
  });
});

describe('JSON export', () => {
  const head = (translationLanguage: string): string =>
    `{\n  "format": "zimu-cues",\n  "version": 1,\n  "language": "en",\n  "translationLanguage": ${translationLanguage},\n  "cues": [\n`;
  const words = '"words":[{"start":1,"end":1.6,"text":" Hello,"},{"start":1.7,"end":2.4,"text":" world."}]';

  it('writes the original cues with their word times, and no translations', () => {
    expect(write('json', 'original')).toBe(
      `${head('null')}    {"start":1,"end":2.5,"text":"Hello, world.",${words}},\n` +
        '    {"start":3,"end":4.25,"text":"Two\\nlines"},\n    {"start":5,"end":6,"text":"Not translated"}\n  ]\n}\n',
    );
  });

  it('writes the translations beside the original text for both other variants', () => {
    const expected =
      `${head('"zh-CN"')}    {"start":1,"end":2.5,"text":"Hello, world.","translation":"你好，世界。",${words}},\n` +
      '    {"start":3,"end":4.25,"text":"Two\\nlines","translation":"两行"},\n    {"start":5,"end":6,"text":"Not translated"}\n  ]\n}\n';
    expect(write('json', 'translated')).toBe(expected);
    expect(write('json', 'bilingual')).toBe(expected);
  });

  it('writes null languages and an empty list when it knows nothing', () => {
    expect(JSON.parse(formatById('json').write({ variant: 'bilingual', cues: [] }))).toEqual({
      format: 'zimu-cues', version: 1, language: null, translationLanguage: null, cues: [],
    });
  });
});
