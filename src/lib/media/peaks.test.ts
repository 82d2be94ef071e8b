import { describe, expect, it } from 'vitest';
import { PEAK_SAMPLES, PeakMeter, SECONDS_PER_PEAK } from './peaks.ts';

/** A deterministic signal with a different peak in every window. */
function signal(length: number): Float32Array {
  return Float32Array.from({ length }, (_, i) => Math.sin(i * 0.37) * (0.2 + ((i * 7919) % 101) / 200) * (i % 3 === 0 ? -1 : 1));
}

/** Peaks of `pcm` fed in pieces of the given sizes (cycled), flushed at the end. */
function peaksInPieces(pcm: Float32Array, sizes: readonly number[]): { peaks: number[]; starts: number[] } {
  const meter = new PeakMeter();
  const peaks: number[] = [];
  const starts: number[] = [];
  for (let offset = 0, i = 0; offset < pcm.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    starts.push(meter.peaks);
    peaks.push(...meter.push(pcm.subarray(offset, offset + size)));
    offset += size;
  }
  starts.push(meter.peaks);
  peaks.push(...meter.flush());
  return { peaks, starts };
}

describe('PeakMeter', () => {
  it('is 10 ms per peak at 16 kHz', () => {
    expect(PEAK_SAMPLES).toBe(160);
    expect(SECONDS_PER_PEAK).toBeCloseTo(0.01, 12);
  });

  it('takes the largest |sample| of each window, negative ones included', () => {
    const pcm = new Float32Array(PEAK_SAMPLES * 2);
    pcm[3] = 0.25;
    pcm[100] = -0.75;
    pcm[PEAK_SAMPLES + 7] = 0.5;
    const meter = new PeakMeter();
    expect(Array.from(meter.push(pcm))).toEqual([0.75, 0.5]);
    expect(meter.flush()).toHaveLength(0);
  });

  it('gives the same peaks however the stream is cut, carrying partial windows across chunks', () => {
    const pcm = signal(PEAK_SAMPLES * 37 + 59);
    const whole = peaksInPieces(pcm, [pcm.length]).peaks;
    expect(whole).toHaveLength(38); // the last 59 samples make a last, partial peak
    // Chunk lengths that are not multiples of 160, including the pipeline's own (512 × 938).
    for (const sizes of [[1], [159], [161], [480], [333, 17, 1000], [512 * 3], [PEAK_SAMPLES]]) {
      expect(peaksInPieces(pcm, sizes).peaks, `pieces of ${sizes.join('/')}`).toEqual(whole);
    }
  });

  it('numbers each chunk’s peaks from where the previous chunk’s ended', () => {
    const { starts } = peaksInPieces(signal(1000), [250]);
    // 250 → 1 peak (90 carried), 500 → 3, 750 → 4, 1000 → 6, flush → the 7th.
    expect(starts).toEqual([0, 1, 3, 4, 6]);
  });

  it('ignores NaN samples from a broken decode', () => {
    const pcm = new Float32Array(PEAK_SAMPLES).fill(Number.NaN);
    pcm[5] = 0.1;
    expect(Array.from(new PeakMeter().push(pcm))).toEqual([Math.fround(0.1)]);
  });

  it('keeps an hour of peaks at 1.4 MB', () => {
    expect((3600 / SECONDS_PER_PEAK) * Float32Array.BYTES_PER_ELEMENT).toBe(1_440_000);
  });
});
