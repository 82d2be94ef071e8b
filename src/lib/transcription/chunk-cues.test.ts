import { describe, expect, it } from 'vitest';
import { chunksToCues } from './chunk-cues.ts';

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
