import { describe, expect, it } from 'vitest';
import type { Cue } from '../subtitles/cue.ts';
import { parseSrt, toSrt } from '../subtitles/srt.ts';
import { parseVtt, toVtt } from '../subtitles/vtt.ts';
import { bilingualCues, translatedCues } from './subtitle-exports.ts';

const cues: Cue[] = [
  { start: 0, end: 2.4, text: 'Hello from Zimu.' },
  { start: 2.4, end: 5.8, text: 'These subtitles run in your browser.' },
];
const translations = new Map([[0, '来自字幕的问候。'], [1, '这些字幕在浏览器里运行。']]);

describe('subtitle exports', () => {
  it('puts each translation on its own cue and time', () => {
    expect(translatedCues(cues, translations)).toEqual([
      { start: 0, end: 2.4, text: '来自字幕的问候。' },
      { start: 2.4, end: 5.8, text: '这些字幕在浏览器里运行。' },
    ]);
  });

  it('keeps the original text where a translation is missing', () => {
    expect(translatedCues(cues, new Map([[1, 'x']]))[0]?.text).toBe('Hello from Zimu.');
    expect(bilingualCues(cues, new Map([[1, 'x']]))[0]?.text).toBe('Hello from Zimu.');
  });

  it('writes bilingual SRT and WebVTT that read back with two lines per cue', () => {
    const bilingual = bilingualCues(cues, translations);
    for (const parsed of [parseSrt(toSrt(bilingual)), parseVtt(toVtt(bilingual))]) {
      expect(parsed.map((c) => [c.start, c.end, c.text.split('\n')])).toEqual([
        [0, 2.4, ['Hello from Zimu.', '来自字幕的问候。']],
        [2.4, 5.8, ['These subtitles run in your browser.', '这些字幕在浏览器里运行。']],
      ]);
    }
  });
});
