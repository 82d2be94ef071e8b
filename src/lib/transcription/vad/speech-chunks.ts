import { SAMPLE_RATE } from '../../media/sample-rate.ts';
import type { SampleRange } from './speech-segments.ts';

/** Options shared by both planners. */
export interface ChunkOptions {
  readonly sampleRate?: number;
  /** Whisper's input is 30 s; anything longer would be cut off by its feature extractor. */
  readonly maxChunkSeconds?: number;
  /** A cut that must be made is placed at the quietest frame in this last stretch of the window. */
  readonly searchSeconds?: number;
}

/** Options for {@link planSpeechChunks}. */
export interface SpeechChunkOptions extends ChunkOptions {
  /**
   * Segments closer than this share a window. Whisper pads every window to 30 s, so fewer windows
   * decode faster, but a long silence inside one is where it invents text ("Thanks for watching").
   */
  readonly maxGapSeconds?: number;
  /** The audio, to split speech longer than a window at a pause; without it the cut is at the limit. */
  readonly pcm?: Float32Array;
}

/** Defaults for the planners. */
export const CHUNK_DEFAULTS = {
  sampleRate: SAMPLE_RATE,
  maxChunkSeconds: 30,
  searchSeconds: 5,
  maxGapSeconds: 3,
} as const;

/** Samples per RMS frame in {@link quietestCut}: 10 ms at 16 kHz, shorter than a syllable. */
const QUIET_FRAME_SAMPLES = 160;

/**
 * The windows Whisper will decode when VAD is on: every speech segment covered, each window at
 * most `maxChunkSeconds`, nearby segments grouped greedily, silence between groups skipped (never
 * decoded, so no text is invented there). Segments must be sorted. Pure.
 *
 * @example
 * planSpeechChunks([{ start: 0, end: 80_000 }, { start: 1_600_000, end: 1_680_000 }], 1_700_000);
 * // → [{ start: 0, end: 80_000 }, { start: 1_600_000, end: 1_680_000 }]: the 95 s gap is skipped
 */
export function planSpeechChunks(segments: readonly SampleRange[], totalSamples: number, options: SpeechChunkOptions = {}): SampleRange[] {
  const { sampleRate, maxChunkSeconds, searchSeconds, maxGapSeconds } = { ...CHUNK_DEFAULTS, ...options };
  const maxSamples = Math.round(maxChunkSeconds * sampleRate);
  const maxGap = Math.round(maxGapSeconds * sampleRate);
  const cutAt = cutFinder(options.pcm, maxSamples, Math.round(searchSeconds * sampleRate));
  const chunks: SampleRange[] = [];
  let open: SampleRange | undefined;
  for (const segment of segments) {
    let start = Math.max(0, segment.start, open?.end ?? 0);
    const end = Math.min(totalSamples, segment.end);
    if (end <= start) continue;
    if (open && start - open.end <= maxGap && end - open.start <= maxSamples) {
      open = { start: open.start, end };
      continue;
    }
    if (open) chunks.push(open);
    while (end - start > maxSamples) {
      const cut = cutAt(start);
      chunks.push({ start, end: cut });
      start = cut;
    }
    open = { start, end };
  }
  if (open) chunks.push(open);
  return chunks;
}

/**
 * Windows that tile all of `pcm` (no gap, no overlap, each at most `maxChunkSeconds`), for when
 * VAD is off: each cut sits at the quietest frame of the window's last `searchSeconds`, so a
 * word is rarely split between two windows. Pure.
 *
 * @example
 * planFixedChunks(pcm, { sampleRate: 16_000 }); // windows ≤ 30 s that end in pauses and tile [0, pcm.length)
 */
export function planFixedChunks(pcm: Float32Array, options: ChunkOptions = {}): SampleRange[] {
  const { sampleRate, maxChunkSeconds, searchSeconds } = { ...CHUNK_DEFAULTS, ...options };
  const maxSamples = Math.round(maxChunkSeconds * sampleRate);
  const cutAt = cutFinder(pcm, maxSamples, Math.round(searchSeconds * sampleRate));
  const chunks: SampleRange[] = [];
  let start = 0;
  while (pcm.length - start > maxSamples) {
    const cut = cutAt(start);
    chunks.push({ start, end: cut });
    start = cut;
  }
  if (start < pcm.length) chunks.push({ start, end: pcm.length });
  return chunks;
}

/**
 * Where to end a window that starts at `start` and must be cut: the quietest point of its last
 * `search` samples, or exactly at the limit without audio. Always after `start`, so planning ends.
 */
function cutFinder(pcm: Float32Array | undefined, maxSamples: number, search: number): (start: number) => number {
  const span = Math.min(Math.max(1, search), maxSamples);
  return (start) => {
    const limit = start + maxSamples;
    if (!pcm) return limit;
    // quietestCut returns a frame's middle; at worst that is `limit - 1`, never past the window.
    return Math.max(start + 1, quietestCut(pcm, limit - span, limit));
  };
}

/**
 * The sample index in [from, to) at the middle of the lowest-RMS `frame`-sample frame; on ties
 * the latest, so windows stay as long as allowed. Pure.
 *
 * @example
 * quietestCut(pcm, 25 * 16_000, 30 * 16_000); // the quietest 10 ms between 25 s and 30 s
 */
export function quietestCut(pcm: Float32Array, from: number, to: number, frame = QUIET_FRAME_SAMPLES): number {
  const begin = Math.max(0, Math.floor(from));
  const end = Math.min(pcm.length, Math.floor(to));
  if (end - begin <= frame) return Math.floor((begin + Math.max(begin, end)) / 2);
  let best = begin;
  let bestEnergy = Infinity;
  for (let start = begin; start + frame <= end; start += frame) {
    let energy = 0;
    for (let index = start; index < start + frame; index++) {
      const sample = pcm[index] ?? 0;
      energy += sample * sample;
    }
    // Same frame length everywhere, so the sum of squares ranks frames as RMS would.
    if (energy <= bestEnergy) {
      bestEnergy = energy;
      best = start;
    }
  }
  return best + Math.floor(frame / 2);
}
