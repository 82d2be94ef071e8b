import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_CUE_SECONDS, segmentCues, segmentsToCues, type TimedToken } from './sensevoice-cues.ts';

/** Tokens one per character, `step` seconds apart from `from` (CTC times, relative to the segment). */
function chars(text: string, step: number, from = 0): TimedToken[] {
  return Array.from(text, (ch, i) => ({ text: ch, time: from + i * step }));
}

describe('segmentCues', () => {
  it('gives a short segment one cue at the segment’s own times, not the tokens’', () => {
    const tokens = chars('你好，字幕。', 0.3, 0.42);
    expect(segmentCues({ start: 12.25, end: 14.5, text: '你好，字幕。', tokens })).toEqual([{ start: 12.25, end: 14.5, text: '你好，字幕。' }]);
  });

  it('gives nothing for a segment where nothing was said', () => {
    expect(segmentCues({ start: 1, end: 2, text: '  ', tokens: [] })).toEqual([]);
  });

  it('splits a long segment at the punctuation nearest the middle, timed by the CTC token after it', () => {
    // 12 s of speech, 23 characters; a comma near the middle, another early on.
    const text = '我们学习，今天学习字幕和翻译，我们今天学习总结。';
    const tokens = chars(text, 12 / text.length);
    const cues = segmentCues({ start: 100, end: 112, text, tokens });
    expect(cues.map((c) => c.text)).toEqual(['我们学习，今天学习字幕和翻译，', '我们今天学习总结。']);
    expect(cues[0]?.start).toBe(100);
    expect(cues.at(-1)?.end).toBe(112);
    expect(cues[0]?.end).toBe(cues[1]?.start);
    // The cut is the CTC time of the first token of the second part.
    const second = text.indexOf('我们今天学习总结');
    expect(second).toBe(15);
    expect(cues[1]?.start).toBeCloseTo(100 + (tokens[second]?.time ?? 0), 3);
    expect(cues.map((c) => c.text).join('')).toBe(text);
  });

  it('splits a very long segment into parts of at most about the limit, in order, losing no text', () => {
    const text = '一二三四五六七八九十。'.repeat(6);
    const duration = 3.2 * MAX_SEGMENT_CUE_SECONDS;
    const cues = segmentCues({ start: 5, end: 5 + duration, text, tokens: chars(text, duration / text.length) });
    expect(cues).toHaveLength(4);
    expect(cues.map((c) => c.text).join('')).toBe(text);
    for (let i = 1; i < cues.length; i++) expect(cues[i]?.start).toBe(cues[i - 1]?.end);
    for (const cue of cues) expect(cue.end - cue.start).toBeLessThanOrEqual(MAX_SEGMENT_CUE_SECONDS + 1);
    for (const cue of cues.slice(0, -1)) expect(cue.text.endsWith('。')).toBe(true);
  });

  it('splits English between words when there is no punctuation', () => {
    const words = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
    const tokens = words.map((w, i) => ({ text: ` ${w}`, time: i }));
    const text = words.join(' ');
    const cues = segmentCues({ start: 0, end: 12, text, tokens });
    expect(cues.length).toBe(2);
    expect(cues.map((c) => c.text).join(' ')).toBe(text);
    expect(cues[1]?.start).toBe(6);
  });

  it('keeps one cue when the tokens don’t add up to the text (no text is ever changed)', () => {
    const cues = segmentCues({ start: 0, end: 20, text: 'abc def', tokens: chars('xyz', 1) });
    expect(cues).toEqual([{ start: 0, end: 20, text: 'abc def' }]);
  });
});

describe('segmentsToCues', () => {
  it('keeps the segments’ order, one cue each', () => {
    const cues = segmentsToCues([
      { start: 1, end: 2, text: '一。', tokens: chars('一。', 0.1) },
      { start: 3.5, end: 5, text: '二。', tokens: chars('二。', 0.1) },
    ]);
    expect(cues).toEqual([
      { start: 1, end: 2, text: '一。' },
      { start: 3.5, end: 5, text: '二。' },
    ]);
  });
});
