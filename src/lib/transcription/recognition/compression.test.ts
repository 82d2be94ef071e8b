import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESSION_RATIO_THRESHOLD, compressionRatio, estimateZlibSize } from './compression.ts';

/** What OpenAI computes: len(text_bytes) / len(zlib.compress(text_bytes)). */
const zlibRatio = (text: string): number => Buffer.byteLength(text) / zlib.deflateSync(Buffer.from(text)).length;

const SPEECH = [
  'Hello from Zimu. These subtitles run in your browser.',
  'And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.',
  'Bonjour tout le monde.',
  '今天天气很好，我们一起去公园散步吧。然后去吃午饭，下午再回家休息。',
  'ありがとうございます。今日はよろしくお願いします。',
  'No, no, no, that is not what I said.',
  "you know what I mean, you know what I mean, you know, like, you know what I mean, like you know",
];
const LOOPS = [
  ' the'.repeat(60),
  'Thank you. '.repeat(8),
  '谢谢大家。'.repeat(10),
  '私はそう思います。'.repeat(6),
  "I'm going to the store. I'm going to the store and then I'm going to the store. So I'm going to the store, " +
    "I'm going to the store and I'm going to the store.",
];

describe('compressionRatio', () => {
  it('is 0 for empty text and below 1 for a single character (zlib adds 6 bytes)', () => {
    expect(compressionRatio('')).toBe(0);
    expect(compressionRatio('a')).toBeCloseTo(1 / 9, 5);
    expect(estimateZlibSize(new Uint8Array([97]))).toBe(zlib.deflateSync('a').length);
  });

  it('estimates zlib within 15% on cue-length text (speech and loops, Latin and CJK)', () => {
    for (const text of [...SPEECH, ...LOOPS]) {
      const error = Math.abs(compressionRatio(text) - zlibRatio(text)) / zlibRatio(text);
      expect(error, text).toBeLessThan(0.15);
    }
  });

  it('agrees with zlib on which side of the 2.4 threshold text falls', () => {
    for (const text of SPEECH) expect(compressionRatio(text), text).toBeLessThanOrEqual(COMPRESSION_RATIO_THRESHOLD);
    for (const text of LOOPS) {
      expect(zlibRatio(text), text).toBeGreaterThan(COMPRESSION_RATIO_THRESHOLD);
      expect(compressionRatio(text), text).toBeGreaterThan(COMPRESSION_RATIO_THRESHOLD);
    }
  });

  it('errs low on long varied text, where zlib switches to dynamic Huffman codes', () => {
    const talk =
      'So in college, I was a government major, which means I had to write a lot of papers. Now, when a normal student ' +
      'writes a paper, they might spread the work out a little like this. So, you know, you get started maybe a little ' +
      'slowly, but you get enough done in the first week that with some heavier days later on, everything gets done.';
    expect(compressionRatio(talk)).toBeLessThan(zlibRatio(talk));
    expect(compressionRatio(talk)).toBeLessThan(COMPRESSION_RATIO_THRESHOLD);
  });
});
