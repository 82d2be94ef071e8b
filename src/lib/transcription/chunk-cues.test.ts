import { describe, expect, it } from 'vitest';
import { chunksToCues, wordChunksToCues } from './chunk-cues.ts';

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

  it('clamps times past the end of the audio, keeps cues ordered, and loses no text', () => {
    const cues = chunksToCues(
      [
        { text: 'a', timestamp: [1, 4] },
        { text: 'b', timestamp: [3, 40] }, // starts inside the previous one, ends past the audio
        { text: 'c', timestamp: [41, 45] }, // entirely past the audio: no room, joins the cue before
      ],
      0,
      10,
    );
    expect(cues).toEqual([
      { start: 1, end: 4, text: 'a' },
      { start: 4, end: 10, text: 'b c' },
    ]);
  });

  it('gives a segment whose end comes before its start a duration from its length', () => {
    // What transformers.js 4.x produced with a random model: [7.06, 3.9].
    const cues = chunksToCues([{ text: ' forward', timestamp: [7.06, 3.9] }, { text: ' jokes', timestamp: [3.9, 7.44] }], 30, 30);
    expect(cues.map((c) => c.text)).toEqual(['forward', 'jokes']);
    expect(cues[0]).toEqual({ start: 37.06, end: 37.56, text: 'forward' });
    expect(cues[1]?.start).toBe(37.56);
    expect(cues[1]?.end).toBeGreaterThan(37.56);
  });

  it('drops empty text and keeps millisecond precision over long offsets', () => {
    const cues = chunksToCues([{ text: '  ', timestamp: [0, 1] }, { text: 'x', timestamp: [0.1, 0.3] }], 3 * 3600 + 0.1, 30);
    expect(cues).toEqual([{ start: 10800.2, end: 10800.4, text: 'x' }]);
  });
});

describe('wordChunksToCues', () => {
  function expectSane(cues: ReturnType<typeof wordChunksToCues>, from: number, to: number) {
    let previous = from;
    for (const cue of cues) {
      expect(cue.start).toBeGreaterThanOrEqual(previous);
      expect(cue.end).toBeGreaterThan(cue.start);
      expect(cue.end).toBeLessThanOrEqual(to);
      let wordFloor = cue.start;
      for (const word of cue.words ?? []) {
        expect(word.start).toBeGreaterThanOrEqual(wordFloor);
        expect(word.end).toBeLessThanOrEqual(cue.end);
        wordFloor = word.end;
      }
      previous = cue.end;
    }
  }

  it('groups words into absolute cues whose words lie inside them, in order', () => {
    const cues = wordChunksToCues(
      [
        { text: ' Hello', timestamp: [0.1, 0.5] },
        { text: ' world.', timestamp: [0.4, 0.9] }, // overlaps the previous word
        { text: ' Next', timestamp: [5, 6] },
      ],
      60,
      30,
    );
    expect(cues.map((c) => [c.start, c.end, c.text])).toEqual([
      [60.1, 60.9, 'Hello world.'],
      [65, 66, 'Next'],
    ]);
    expectSane(cues, 60, 90);
  });

  it('scales a timeline that overshoots the audio back into it, losing no word', () => {
    // What transformers.js gave for a 9 s clip: words up to 28.6 s.
    const chunks = [
      { text: ' Hello', timestamp: [1.04, 1.38] },
      { text: ' from', timestamp: [1.38, 2.4] },
      { text: ' Zimu.', timestamp: [7.6, 11.82] },
      { text: ' These', timestamp: [15, 15.74] },
      { text: ' subtitles', timestamp: [15.74, 19.34] },
      { text: ' run', timestamp: [19.34, 22.68] },
      { text: ' in', timestamp: [22.68, 28.46] },
      { text: ' your', timestamp: [28.46, 28.58] },
      { text: ' browser.', timestamp: [28.58, 28.6] },
    ] as const;
    const cues = wordChunksToCues(chunks, 0, 9);
    expect(cues.map((c) => c.text).join(' ')).toBe('Hello from Zimu. These subtitles run in your browser.');
    expectSane(cues, 0, 9);
  });

  it('keeps the words of cues that collapse to an instant', () => {
    const cues = wordChunksToCues([{ text: ' a.', timestamp: [2, 3] }, { text: ' b', timestamp: [3, 3] }, { text: ' c.', timestamp: [3, 3] }], 0, 10);
    expect(cues.map((c) => c.text)).toEqual(['a. b c.']);
    expectSane(cues, 0, 10);
  });
});
