import type { Cue } from '../subtitles/cue.ts';

/** A timestamped chunk as the ASR pipeline returns it; `null` end means "ran to the window's end". */
export interface TimedChunk {
  readonly text: string;
  readonly timestamp: readonly [number | null, number | null] | readonly number[];
}

/**
 * Turns one window's chunks into absolute cues: offsets by the window start, clamps every time
 * into the window (models emit times past the end of the audio), keeps them ordered. Pure.
 */
export function chunksToCues(chunks: readonly TimedChunk[], windowStart: number, windowDuration: number): Cue[] {
  const cues: Cue[] = [];
  let floor = 0;
  for (const chunk of chunks) {
    const text = chunk.text.trim();
    if (!text) continue;
    const [rawStart, rawEnd] = chunk.timestamp;
    const start = clamp(rawStart ?? floor, floor, windowDuration);
    const end = clamp(rawEnd ?? windowDuration, start, windowDuration);
    if (end <= start) continue;
    cues.push({ start: round3(windowStart + start), end: round3(windowStart + end), text });
    floor = end;
  }
  return cues;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Number.isFinite(value) ? value : min));
}

/** Millisecond precision: what subtitle formats hold, and it stops float drift over hours. */
function round3(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
