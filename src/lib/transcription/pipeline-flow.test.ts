import { describe, expect, it } from 'vitest';
import { AHEAD_LIMIT, CHUNK_SAMPLES } from './pipeline.ts';
import { WindowPlanner } from './window-planner.ts';

const FRAME = 512;
const RATE = 16_000;

/** A tiny seeded PRNG: the same patterns on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Speech/silence runs in seconds, as a frame → is-speech function. */
function pattern(next: () => number, seconds: number): (frame: number) => boolean {
  const runs: [number, boolean][] = [];
  for (let t = 0, speech = next() < 0.5; t < seconds; speech = !speech) {
    const length = speech ? 0.5 + next() * 45 : 0.1 + next() * 12;
    runs.push([t + length, speech]);
    t += length;
  }
  return (frame) => runs.find(([end]) => (frame * FRAME) / RATE < end)?.[1] ?? false;
}

describe('the pipeline’s flow control and the window planner together', () => {
  it('never deadlock: with AHEAD_LIMIT chunks unreleased, the planner can always decide a window', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const next = random(seed);
      const total = Math.round((120 + next() * 240) * RATE);
      const isSpeech = pattern(next, total / RATE);
      const planner = new WindowPlanner(true);
      const held: number[] = []; // ends of chunks not yet released
      let produced = 0;
      while (produced < total) {
        expect(held.length, `seed ${seed}: decoder blocked at ${produced / RATE} s`).toBeLessThan(AHEAD_LIMIT);
        const length = Math.min(CHUNK_SAMPLES, total - produced);
        planner.append(new Float32Array(length).fill(0.01));
        const frames = Math.ceil(length / FRAME);
        const first = produced / FRAME;
        planner.appendSpeech(Float32Array.from({ length: frames }, (_, i) => (isSpeech(first + i) ? 0.9 : 0.01)));
        produced += length;
        held.push(produced);
        if (produced >= total) planner.end();
        while (planner.next()) {
          // a window decided: the recogniser takes it
        }
        while (held[0] !== undefined && held[0] <= planner.position) held.shift();
      }
      expect(planner.finished || planner.next() === undefined).toBe(true);
    }
  }, 60_000);
});
