import { describe, expect, it } from 'vitest';
import { chunksToCues, planWindows } from './windows.ts';

describe('planWindows', () => {
  it('covers every sample exactly once in 30 s windows', () => {
    const windows = planWindows(16_000 * 95, 16_000);
    expect(windows.map((w) => [w.start, w.end])).toEqual([
      [0, 480_000],
      [480_000, 960_000],
      [960_000, 1_440_000],
      [1_440_000, 1_520_000],
    ]);
    expect(windows.map((w) => w.index)).toEqual([0, 1, 2, 3]);
  });

  it('gives no window for no audio', () => {
    expect(planWindows(0, 16_000)).toEqual([]);
  });
});

describe('chunksToCues', () => {
  it('offsets window times to absolute times', () => {
    const cues = chunksToCues([{ text: ' Hello.', timestamp: [0, 2.4] }, { text: ' World.', timestamp: [2.4, 5.8] }], 60, 30);
    expect(cues).toEqual([
      { start: 60, end: 62.4, text: 'Hello.' },
      { start: 62.4, end: 65.8, text: 'World.' },
    ]);
  });

  it('ends an open segment at the end of the window', () => {
    expect(chunksToCues([{ text: 'cut off', timestamp: [28, null] }], 30, 29.5)).toEqual([{ start: 58, end: 59.5, text: 'cut off' }]);
  });

  it('clamps times past the end of the audio and keeps cues ordered', () => {
    const cues = chunksToCues(
      [
        { text: 'a', timestamp: [1, 4] },
        { text: 'b', timestamp: [3, 40] }, // starts inside the previous one, ends past the audio
        { text: 'c', timestamp: [41, 45] }, // entirely past the audio: dropped
      ],
      0,
      10,
    );
    expect(cues).toEqual([
      { start: 1, end: 4, text: 'a' },
      { start: 4, end: 10, text: 'b' },
    ]);
  });

  it('drops empty text and keeps millisecond precision over long offsets', () => {
    const cues = chunksToCues([{ text: '  ', timestamp: [0, 1] }, { text: 'x', timestamp: [0.1, 0.3] }], 3 * 3600 + 0.1, 30);
    expect(cues).toEqual([{ start: 10800.2, end: 10800.4, text: 'x' }]);
  });
});
