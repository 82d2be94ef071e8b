import { describe, expect, it } from 'vitest';
import { segmentWords } from './segmentation.ts';

const w = (start: number, end: number, text: string) => ({ start, end, text });

describe('segmentWords', () => {
  it('ends a subtitle at a sentence end and keeps each cue’s words', () => {
    const cues = segmentWords([w(0, 0.3, ' Hello'), w(0.3, 0.6, ' world.'), w(0.7, 1, ' Next'), w(1, 1.2, ' one')]);
    expect(cues.map((c) => [c.start, c.end, c.text])).toEqual([
      [0, 0.6, 'Hello world.'],
      [0.7, 1.2, 'Next one'],
    ]);
    expect(cues[0]?.words).toHaveLength(2);
  });

  it('splits at long pauses and before a subtitle grows too long', () => {
    expect(segmentWords([w(0, 0.5, ' a'), w(2, 2.5, ' b')]).map((c) => c.text)).toEqual(['a', 'b']);
    const many = Array.from({ length: 30 }, (_, i) => w(i * 0.5, i * 0.5 + 0.4, ' word'));
    const cues = segmentWords(many);
    for (const cue of cues) expect(cue.end - cue.start).toBeLessThanOrEqual(7);
    expect(cues.flatMap((c) => c.words ?? [])).toHaveLength(30);
  });

  it('handles CJK punctuation and text without spaces', () => {
    const cues = segmentWords([w(0, 0.5, '你好'), w(0.5, 1, '世界。'), w(1.1, 1.5, '再见')]);
    expect(cues.map((c) => c.text)).toEqual(['你好世界。', '再见']);
  });

  it('gives nothing for no words', () => {
    expect(segmentWords([])).toEqual([]);
  });
});
