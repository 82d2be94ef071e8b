import { describe, expect, it } from 'vitest';
import { WindowPlanner, type PlannedWindow } from './window-planner.ts';

const RATE = 16_000;
const FRAME = 512;

/** Audio whose sample values encode their own absolute index, so every hand-out can be checked. */
function ramp(from: number, length: number): Float32Array {
  return Float32Array.from({ length }, (_, i) => ((from + i) % 1000) / 1000 + 0.001);
}

function drain(planner: WindowPlanner): PlannedWindow[] {
  const out: PlannedWindow[] = [];
  for (let w = planner.next(); w; w = planner.next()) out.push(w);
  return out;
}

describe('WindowPlanner without VAD', () => {
  it('tiles the whole stream exactly, in windows of at most 30 s, across chunk edges', () => {
    const planner = new WindowPlanner(false);
    const total = 95 * RATE + 123;
    const windows: PlannedWindow[] = [];
    for (let at = 0; at < total; at += 480_256) {
      planner.append(ramp(at, Math.min(480_256, total - at)));
      windows.push(...drain(planner));
    }
    planner.end();
    windows.push(...drain(planner));
    expect(planner.finished).toBe(true);
    expect(windows[0]?.start).toBe(0);
    for (let i = 1; i < windows.length; i++) expect(windows[i]?.start).toBe(windows[i - 1]?.end);
    expect(windows.at(-1)?.end).toBe(total);
    for (const w of windows) {
      expect(w.end - w.start).toBeLessThanOrEqual(30 * RATE);
      expect(w.pcm.length).toBe(w.end - w.start);
      expect(Array.from(w.pcm.subarray(0, 3))).toEqual(Array.from(ramp(w.start, 3)));
      // Without VAD the whole window is one speech segment (SenseVoice recognises it as one).
      expect(w.segments).toEqual([{ start: 0, end: w.pcm.length }]);
    }
  });

  it('waits for more than 30 s before cutting, so the cut can fall in a pause', () => {
    const planner = new WindowPlanner(false);
    planner.append(ramp(0, 20 * RATE));
    expect(planner.next()).toBeUndefined();
  });
});

describe('WindowPlanner with VAD', () => {
  /** Probabilities: speech (0.9) where `speech(frameTimeSeconds)` says so, else 0.01. */
  function probabilities(fromFrame: number, frames: number, speech: (t: number) => boolean): Float32Array {
    return Float32Array.from({ length: frames }, (_, i) => (speech(((fromFrame + i) * FRAME) / RATE) ? 0.9 : 0.01));
  }

  it('skips a long silence entirely and never hands out audio from it', () => {
    const speech = (t: number) => (t >= 1 && t < 6) || (t >= 66 && t < 71);
    const planner = new WindowPlanner(true);
    const total = 75 * RATE;
    const chunk = FRAME * 938;
    const windows: PlannedWindow[] = [];
    for (let at = 0; at < total; at += chunk) {
      const length = Math.min(chunk, total - at);
      planner.append(ramp(at, length));
      planner.appendSpeech(probabilities(at / FRAME, Math.ceil(length / FRAME), speech));
      windows.push(...drain(planner));
    }
    planner.end();
    windows.push(...drain(planner));
    expect(windows).toHaveLength(2);
    const [a, b] = windows;
    expect(a && a.start / RATE).toBeGreaterThan(0.5);
    expect(a && a.end / RATE).toBeLessThan(7);
    expect(b && b.start / RATE).toBeGreaterThan(65);
    expect(b && b.end / RATE).toBeLessThanOrEqual(72);
    expect(b && Array.from(b.pcm.subarray(0, 2))).toEqual(b && Array.from(ramp(b.start, 2)));
    expect(planner.finished).toBe(true);
  });

  it('holds a window until enough audio after it is known', () => {
    const planner = new WindowPlanner(true);
    planner.append(ramp(0, 3 * RATE));
    planner.appendSpeech(probabilities(0, Math.ceil((3 * RATE) / FRAME), (t) => t >= 1 && t < 2));
    expect(planner.next()).toBeUndefined();
    planner.append(ramp(3 * RATE, 5 * RATE));
    planner.appendSpeech(probabilities(Math.ceil((3 * RATE) / FRAME), Math.ceil((5 * RATE) / FRAME), () => false));
    const window = planner.next();
    expect(window && window.start / RATE).toBeGreaterThan(0.6);
    expect(window && window.end / RATE).toBeLessThan(2.5);
  });

  it('gives each window its speech segments, relative to the window, inside it and in order', () => {
    // Three phrases 1 s apart share one window; each keeps its own segment (SenseVoice's cues).
    const speech = (t: number) => (t >= 1 && t < 3) || (t >= 4 && t < 5.5) || (t >= 6.5 && t < 9);
    const planner = new WindowPlanner(true);
    const total = 20 * RATE;
    planner.append(ramp(0, total));
    planner.appendSpeech(probabilities(0, Math.ceil(total / FRAME), speech));
    planner.end();
    const windows = drain(planner);
    expect(windows).toHaveLength(1);
    const [window] = windows;
    const segments = window?.segments ?? [];
    expect(segments).toHaveLength(3);
    const absolute = segments.map((s) => ({ start: ((window?.start ?? 0) + s.start) / RATE, end: ((window?.start ?? 0) + s.end) / RATE }));
    const near = (a: number, b: number) => Math.abs(a - b) < 0.35; // VAD padding is 250 ms, frames 32 ms
    expect(absolute.map((s) => [near(s.start, [1, 4, 6.5][absolute.indexOf(s)] ?? 0), near(s.end, [3, 5.5, 9][absolute.indexOf(s)] ?? 0)])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
    for (const s of segments) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(window?.pcm.length ?? 0);
      expect(s.end).toBeGreaterThan(s.start);
    }
  });
});
