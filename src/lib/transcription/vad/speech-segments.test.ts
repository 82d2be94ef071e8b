import { describe, expect, it } from 'vitest';
import { speechSegments } from './speech-segments.ts';

const FRAME = 512;
/** 250 ms at 16 kHz, the default padding. */
const PAD = 4000;

/** Probabilities from runs of [value, frameCount]. */
function frames(...runs: [number, number][]): Float32Array {
  return Float32Array.from(runs.flatMap(([value, count]) => Array<number>(count).fill(value)));
}

describe('speechSegments', () => {
  it('finds nothing in silence or in audio that never crosses the positive threshold', () => {
    expect(speechSegments(frames([0.02, 100]))).toEqual([]);
    expect(speechSegments(frames([0.45, 100]))).toEqual([]);
  });

  it('pads one stretch of speech on both sides, in samples', () => {
    const probabilities = frames([0.05, 10], [0.9, 20], [0.05, 30]);
    expect(speechSegments(probabilities)).toEqual([{ start: 10 * FRAME - PAD, end: 30 * FRAME + PAD }]);
  });

  it('keeps speech going through frames between the two thresholds', () => {
    const probabilities = frames([0.05, 10], [0.9, 10], [0.4, 40], [0.9, 10], [0.05, 40]);
    expect(speechSegments(probabilities)).toEqual([{ start: 10 * FRAME - PAD, end: 70 * FRAME + PAD }]);
  });

  it('bridges a short pause and splits at a long one', () => {
    const short = frames([0.05, 10], [0.9, 20], [0.1, 8], [0.9, 20], [0.05, 40]);
    expect(speechSegments(short)).toEqual([{ start: 10 * FRAME - PAD, end: 58 * FRAME + PAD }]);
    const long = frames([0.05, 10], [0.9, 20], [0.1, 40], [0.9, 20], [0.05, 40]);
    expect(speechSegments(long)).toEqual([
      { start: 10 * FRAME - PAD, end: 30 * FRAME + PAD },
      { start: 70 * FRAME - PAD, end: 90 * FRAME + PAD },
    ]);
  });

  it('drops detections shorter than the minimum speech', () => {
    expect(speechSegments(frames([0.05, 20], [0.9, 5], [0.05, 40]))).toEqual([]);
    expect(speechSegments(frames([0.05, 20], [0.9, 8], [0.05, 40]))).toHaveLength(1);
  });

  it('merges segments whose padding overlaps', () => {
    const probabilities = frames([0.05, 20], [0.9, 20], [0.1, 20], [0.9, 20], [0.05, 40]);
    expect(speechSegments(probabilities)).toHaveLength(2);
    expect(speechSegments(probabilities, { speechPadMs: 400 })).toEqual([{ start: 20 * FRAME - 6400, end: 80 * FRAME + 6400 }]);
  });

  it('clamps to the audio at both ends, and ends speech that runs to the end with the audio', () => {
    const probabilities = frames([0.9, 30], [0.1, 5]);
    expect(speechSegments(probabilities, { totalSamples: 35 * FRAME - 100 })).toEqual([{ start: 0, end: 35 * FRAME - 100 }]);
  });

  it('takes its thresholds from the options', () => {
    const probabilities = frames([0.05, 10], [0.3, 20], [0.05, 30]);
    expect(speechSegments(probabilities)).toEqual([]);
    expect(speechSegments(probabilities, { positiveThreshold: 0.25, negativeThreshold: 0.15, speechPadMs: 0 })).toEqual([
      { start: 10 * FRAME, end: 30 * FRAME },
    ]);
  });
});
