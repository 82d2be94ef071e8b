import { SAMPLE_RATE } from './sample-rate.ts';

/** Samples per waveform peak: 10 ms, so an hour is 360,000 peaks (1.4 MB of float32). */
export const PEAK_SAMPLES = SAMPLE_RATE / 100;
/** Seconds of audio each peak stands for. */
export const SECONDS_PER_PEAK = PEAK_SAMPLES / SAMPLE_RATE;

/**
 * Waveform peaks of a PCM stream, computed piece by piece as the decoder produces it: the
 * largest |sample| of each 10 ms. A piece whose length is not a multiple of `PEAK_SAMPLES`
 * leaves a partial window that the next piece completes, so the peaks are the same however the
 * stream is cut. Pure; keeps no samples (one running maximum).
 *
 * @example
 * const meter = new PeakMeter();
 * const start = meter.peaks; const peaks = meter.push(chunk); // peaks[i] is peak start + i
 * const last = meter.flush(); // the final partial window, if any
 */
export class PeakMeter {
  readonly #windowSamples: number;
  /** Samples of the current, unfinished window seen so far, and their peak. */
  #filled = 0;
  #max = 0;
  #peaks = 0;

  constructor(windowSamples = PEAK_SAMPLES) {
    if (!Number.isInteger(windowSamples) || windowSamples < 1) throw new RangeError(`window of ${windowSamples} samples`);
    this.#windowSamples = windowSamples;
  }

  /** Peaks completed so far: the index the next returned peak will have. */
  get peaks(): number {
    return this.#peaks;
  }

  /** Takes the next samples of the stream; returns the peaks they complete (possibly none). */
  push(pcm: Float32Array): Float32Array {
    const out = new Float32Array(Math.floor((this.#filled + pcm.length) / this.#windowSamples));
    let written = 0;
    let max = this.#max;
    let filled = this.#filled;
    for (let i = 0; i < pcm.length; i++) {
      const sample = Math.abs(pcm[i] ?? 0);
      // `>` keeps NaN (a broken decode) out of the peak.
      if (sample > max) max = sample;
      if (++filled === this.#windowSamples) {
        out[written++] = max;
        max = 0;
        filled = 0;
      }
    }
    this.#max = max;
    this.#filled = filled;
    this.#peaks += written;
    return out;
  }

  /** Ends the stream: the peak of a last partial window, or nothing when there is none. */
  flush(): Float32Array {
    if (this.#filled === 0) return new Float32Array(0);
    const last = Float32Array.of(this.#max);
    this.#filled = 0;
    this.#max = 0;
    this.#peaks++;
    return last;
  }
}
