import { describe, expect, it } from 'vitest';
import { planFixedChunks, planSpeechChunks, quietestCut } from './speech-chunks.ts';
import type { SampleRange } from './speech-segments.ts';

const RATE = 16_000;
const MAX = 30 * RATE;
const s = (seconds: number) => Math.round(seconds * RATE);

/** Deterministic noise standing in for speech, with digital-silence dips at the given ranges (s). */
function noise(seconds: number, dips: [number, number][] = []): Float32Array {
  const pcm = new Float32Array(s(seconds));
  let seed = 12345;
  for (let index = 0; index < pcm.length; index++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    pcm[index] = (seed / 2 ** 31 - 0.5) * 0.5;
  }
  for (const [from, to] of dips) pcm.fill(0, s(from), s(to));
  return pcm;
}

function expectCovers(chunks: readonly SampleRange[], segment: SampleRange): void {
  let at = segment.start;
  for (const chunk of chunks) if (chunk.start <= at && chunk.end > at) at = chunk.end;
  expect(at).toBeGreaterThanOrEqual(segment.end);
}

describe('planSpeechChunks', () => {
  it('skips a long gap: two windows, none over the silence', () => {
    const segments = [
      { start: s(1), end: s(5) },
      { start: s(65), end: s(70) },
    ];
    const chunks = planSpeechChunks(segments, s(80));
    expect(chunks).toEqual(segments);
    expect(chunks.some((chunk) => chunk.start < s(60) && chunk.end > s(10))).toBe(false);
  });

  it('groups nearby segments greedily, each window at most 30 s', () => {
    const segments = [
      { start: s(0), end: s(10) },
      { start: s(11), end: s(20) },
      { start: s(21), end: s(29) },
      { start: s(30), end: s(40) },
      { start: s(50), end: s(52) },
    ];
    const chunks = planSpeechChunks(segments, s(60));
    expect(chunks).toEqual([
      { start: s(0), end: s(29) },
      { start: s(30), end: s(40) },
      { start: s(50), end: s(52) },
    ]);
    for (const chunk of chunks) expect(chunk.end - chunk.start).toBeLessThanOrEqual(MAX);
    for (const segment of segments) expectCovers(chunks, segment);
  });

  it('splits 45 s of speech at its quietest point', () => {
    const pcm = noise(50, [[27, 27.2]]);
    const segment = { start: s(2), end: s(47) };
    const chunks = planSpeechChunks([segment], pcm.length, { pcm });
    expect(chunks).toHaveLength(2);
    const [first, second] = chunks;
    expect(first?.start).toBe(s(2));
    expect(first?.end).toBeGreaterThanOrEqual(s(27));
    expect(first?.end).toBeLessThan(s(27.2));
    expect(second).toEqual({ start: first?.end, end: s(47) });
    for (const chunk of chunks) expect(chunk.end - chunk.start).toBeLessThanOrEqual(MAX);
  });

  it('cuts long speech at the limit when it has no audio to look at', () => {
    const chunks = planSpeechChunks([{ start: 0, end: s(70) }], s(70));
    expect(chunks).toEqual([
      { start: 0, end: MAX },
      { start: MAX, end: 2 * MAX },
      { start: 2 * MAX, end: s(70) },
    ]);
  });

  it('clamps segments to the audio and ignores empty ones', () => {
    expect(planSpeechChunks([{ start: -100, end: 50 }, { start: 90, end: 90 }, { start: 95, end: 500 }], 200)).toEqual([
      { start: 0, end: 200 },
    ]);
    expect(planSpeechChunks([], s(10))).toEqual([]);
  });
});

describe('planFixedChunks', () => {
  it('tiles the whole audio exactly, each window ≤ 30 s, cutting in the dips', () => {
    const pcm = noise(95, [
      [28, 28.1],
      [55, 55.1],
      [83, 83.1],
    ]);
    const chunks = planFixedChunks(pcm, { sampleRate: RATE });
    expect(chunks[0]?.start).toBe(0);
    expect(chunks.at(-1)?.end).toBe(pcm.length);
    chunks.slice(1).forEach((chunk, index) => expect(chunk.start).toBe(chunks[index]?.end));
    for (const chunk of chunks) expect(chunk.end - chunk.start).toBeLessThanOrEqual(MAX);
    const cuts = chunks.slice(0, -1).map((chunk) => chunk.end / RATE);
    expect(cuts).toHaveLength(3);
    cuts.forEach((cut, index) => {
      const dip = [28, 55, 83][index] ?? NaN;
      expect(cut).toBeGreaterThanOrEqual(dip);
      expect(cut).toBeLessThan(dip + 0.1);
    });
  });

  it('gives one window for short audio and none for no audio', () => {
    expect(planFixedChunks(noise(12), { sampleRate: RATE })).toEqual([{ start: 0, end: s(12) }]);
    expect(planFixedChunks(new Float32Array(0), { sampleRate: RATE })).toEqual([]);
  });
});

describe('quietestCut', () => {
  it('finds the quietest frame inside the range', () => {
    const pcm = noise(10, [[6.5, 6.52]]);
    const cut = quietestCut(pcm, s(5), s(8));
    expect(cut).toBeGreaterThanOrEqual(s(6.5));
    expect(cut).toBeLessThan(s(6.52));
  });

  it('stays inside [from, to), preferring the latest of equally quiet frames', () => {
    const silence = new Float32Array(s(2));
    const cut = quietestCut(silence, 1000, 5000);
    expect(cut).toBeGreaterThanOrEqual(4000);
    expect(cut).toBeLessThan(5000);
    expect(quietestCut(silence, 1000, 1050)).toBe(1025);
  });
});
