import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cue } from '../cue.ts';
import { assTimes } from './ass-text.ts';
import { prepareCues, shownCues, shownText, type ExportDocument, type ExportVariant } from './export-document.ts';
import { formatById, type SubtitleFormatId } from './registry.ts';

// Our exports, read by a parser that is not ours: native ffmpeg turns each file into SRT with
// its plain-text encoder (`-c:s text` drops style tags), and a reader written here, sharing
// nothing with src/, takes the times and texts from that.
const HAS_FFMPEG = spawnSync('ffmpeg', ['-version']).status === 0;

const lecture = (variant: ExportVariant): ExportDocument => ({
  variant,
  language: 'en',
  translationLanguage: 'zh-CN',
  cues: [
    { start: 1.2, end: 3.48, text: 'Welcome to the first lecture.', translation: '欢迎来到第一课。' },
    { start: 3.48, end: 6.905, text: 'Tom & Jerry <3 cells,\nand what they are made of.', translation: '汤姆与杰瑞 <3 细胞，\n以及它们的组成。' },
    { start: 7.5, end: 10.254, text: 'No translation here 🎬' },
    { start: 36_000, end: 36_002.5, text: 'Ten hours in.', translation: '十个小时了。' },
  ],
});

/** ffmpeg's SRT output as cues; times in milliseconds, divided once like ours. */
function readFfmpegSrt(srt: string): Cue[] {
  const blocks = srt.replace(/\r\n?/g, '\n').trim().split(/\n{2,}/);
  return blocks.filter((b) => b !== '').map((block) => {
    const [, timing = '', ...lines] = block.split('\n');
    const match = /^(\d+):(\d\d):(\d\d),(\d{3}) --> (\d+):(\d\d):(\d\d),(\d{3})$/.exec(timing);
    if (!match) throw new Error(`ffmpeg wrote an unexpected block:\n${block}`);
    const ms = (from: number): number => ((Number(match[from]) * 60 + Number(match[from + 1])) * 60 + Number(match[from + 2])) * 1000 + Number(match[from + 3]);
    return { start: ms(1) / 1000, end: ms(5) / 1000, text: lines.join('\n') };
  });
}

describe.skipIf(!HAS_FFMPEG)('exports read back by native ffmpeg', () => {
  const dir = HAS_FFMPEG ? mkdtempSync(join(tmpdir(), 'zimu-formats-')) : '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function throughFfmpeg(id: SubtitleFormatId, doc: ExportDocument): Cue[] {
    const file = join(dir, `${id}-${doc.variant}.${formatById(id).extension}`);
    writeFileSync(file, formatById(id).write(doc));
    return readFfmpegSrt(execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-c:s', 'text', '-f', 'srt', '-'], { encoding: 'utf8' }));
  }

  for (const variant of ['original', 'translated', 'bilingual'] as const) {
    it(`SRT and WebVTT, ${variant}: the same times to the millisecond and the same text`, () => {
      const expected = shownCues(lecture(variant));
      expect(expected).toHaveLength(4);
      expect(throughFfmpeg('srt', lecture(variant))).toEqual(expected);
      expect(throughFfmpeg('vtt', lecture(variant))).toEqual(expected);
    });

    it(`ASS, ${variant}: the same times to the centisecond and the same text`, () => {
      const shown = shownCues(lecture(variant));
      const times = assTimes(shown);
      const got = throughFfmpeg('ass', lecture(variant));
      expect(got.map((c) => [c.start, c.end])).toEqual(times.map((t) => [(t.start * 10) / 1000, (t.end * 10) / 1000]));
      // The bilingual ASS puts the Chinese translation on top; the other variants read as shown.
      const texts = prepareCues(lecture(variant)).map((c) =>
        variant === 'bilingual' && c.translation !== undefined ? `${c.translation}\n${c.text}` : shownText(c, variant),
      );
      expect(got.map((c) => c.text)).toEqual(texts);
    });
  }

  it('ASS escapes: ffmpeg sees no override block, no line break and no hard space in the text', () => {
    const doc: ExportDocument = { variant: 'original', cues: [{ start: 1, end: 2, text: '{\\an8} top? C:\\new\\Note\\h, {x}\nline two' }] };
    const [cue] = throughFfmpeg('ass', doc);
    // The word joiner the writer puts after a backslash is invisible; ffmpeg passes it through.
    expect(cue?.text.replaceAll('\u2060', '')).toBe('｛\\an8｝ top? C:\\new\\Note\\h, ｛x｝\nline two');
  });
});

if (!HAS_FFMPEG) {
  it.skip('ffmpeg is not installed (not on PATH): exports were NOT checked by an independent parser', () => {});
}
