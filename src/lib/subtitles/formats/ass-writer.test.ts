import { describe, expect, it } from 'vitest';
import { toAss } from './ass-writer.ts';
import type { ExportDocument, ExportVariant } from './export-document.ts';

const HEADER = [
  '[Script Info]',
  '; Written by Zimu',
  'Title: Lecture 1',
  'ScriptType: v4.00+',
  'WrapStyle: 0',
  'ScaledBorderAndShadow: yes',
  'PlayResX: 1920',
  'PlayResY: 1080',
  '',
  '[V4+ Styles]',
  'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
].join('\n');
const LOOK = '&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,3,1,2,60,60,45,1';
const EVENTS = '[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text';

const lecture = (variant: ExportVariant, language = 'en', translationLanguage = 'zh-CN'): ExportDocument => ({
  variant,
  language,
  translationLanguage,
  title: 'Lecture 1',
  cues: [
    { start: 1, end: 2.5, text: 'Hello, {world}.', translation: '你好，世界。' },
    { start: 3, end: 4.255, text: 'Two\nlines', translation: '两行\n译文' },
    { start: 5, end: 6, text: 'Not translated' },
  ],
});

describe('toAss', () => {
  it('writes the original with one Default style in a Latin font', () => {
    expect(toAss(lecture('original'))).toBe(
      `${HEADER}\nStyle: Default,Arial,64,${LOOK}\n\n${EVENTS}\n` +
        'Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,Hello, ｛world｝.\n' +
        'Dialogue: 0,0:00:03.00,0:00:04.26,Default,,0,0,0,,Two\\Nlines\n' +
        'Dialogue: 0,0:00:05.00,0:00:06.00,Default,,0,0,0,,Not translated\n',
    );
  });

  it('writes the translation in the CJK font, the original where a cue has none', () => {
    expect(toAss(lecture('translated'))).toBe(
      `${HEADER}\nStyle: Default,Noto Sans CJK SC,64,${LOOK}\n\n${EVENTS}\n` +
        'Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,你好，世界。\n' +
        'Dialogue: 0,0:00:03.00,0:00:04.26,Default,,0,0,0,,两行\\N译文\n' +
        'Dialogue: 0,0:00:05.00,0:00:06.00,Default,,0,0,0,,Not translated\n',
    );
  });

  it('writes bilingual cues as one event each: Chinese translation on top, the original below in Secondary', () => {
    expect(toAss(lecture('bilingual'))).toBe(
      `${HEADER}\nStyle: Default,Noto Sans CJK SC,64,${LOOK}\nStyle: Secondary,Arial,44,${LOOK}\n\n${EVENTS}\n` +
        'Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,你好，世界。\\N{\\rSecondary}Hello, ｛world｝.\n' +
        'Dialogue: 0,0:00:03.00,0:00:04.26,Default,,0,0,0,,两行\\N译文\\N{\\rSecondary}Two\\Nlines\n' +
        'Dialogue: 0,0:00:05.00,0:00:06.00,Secondary,,0,0,0,,Not translated\n',
    );
  });

  it('puts a Chinese original on top of its English translation', () => {
    const doc: ExportDocument = {
      variant: 'bilingual',
      language: 'zh',
      translationLanguage: 'English',
      cues: [{ start: 0, end: 1, text: '你好', translation: 'Hello' }, { start: 1, end: 2, text: '没有译文' }],
    };
    const ass = toAss(doc);
    expect(ass).toContain(`Style: Default,Noto Sans CJK SC,64,${LOOK}\nStyle: Secondary,Arial,44,${LOOK}\n`);
    expect(ass).toContain('Dialogue: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,你好\\N{\\rSecondary}Hello\n');
    expect(ass).toContain('Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,没有译文\n');
  });

  it('puts the translation on top when neither side is Chinese, each in its own font', () => {
    const ass = toAss({ variant: 'bilingual', language: 'ja', translationLanguage: 'French', cues: [{ start: 0, end: 1, text: 'こんにちは', translation: 'Bonjour' }] });
    expect(ass).toContain(`Style: Default,Arial,64,${LOOK}\nStyle: Secondary,Noto Sans CJK JP,44,${LOOK}\n`);
    expect(ass).toContain(',,Bonjour\\N{\\rSecondary}こんにちは\n');
  });

  it('tells the languages from the text when the document does not name them', () => {
    const ass = toAss({ variant: 'bilingual', cues: [{ start: 0, end: 1, text: '繁體字幕測試', translation: 'Subtitle test' }] });
    expect(ass).toContain(',,繁體字幕測試\\N{\\rSecondary}Subtitle test\n');
    // Unnamed Han text gets the Simplified Chinese family: the script alone cannot tell.
    expect(ass).toContain('Style: Default,Noto Sans CJK SC,64');
    expect(toAss({ variant: 'original', language: 'Traditional Chinese', cues: [{ start: 0, end: 1, text: '字幕' }] })).toContain('Style: Default,Noto Sans CJK TC,64');
  });

  it('leaves the title out when there is none and writes a multi-line title on one line', () => {
    expect(toAss({ variant: 'original', cues: [] })).not.toContain('Title:');
    expect(toAss({ variant: 'original', title: ' Part 1\nof 2 ', cues: [] })).toContain('\nTitle: Part 1 of 2\n');
  });

  it('writes an empty but valid script for no cues', () => {
    expect(toAss({ variant: 'original', cues: [] }).endsWith(`${EVENTS}\n`)).toBe(true);
  });

  it('never lets rounding to centiseconds leave a cue empty or overlapping', () => {
    const ass = toAss({ variant: 'original', cues: [{ start: 1.001, end: 1.004, text: 'a' }, { start: 1.004, end: 2, text: 'b' }] });
    expect(ass).toContain('0:00:01.00,0:00:01.01,Default,,0,0,0,,a\n');
    expect(ass).toContain('0:00:01.01,0:00:02.00,Default,,0,0,0,,b\n');
  });
});
