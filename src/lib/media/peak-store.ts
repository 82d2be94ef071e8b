import { SECONDS_PER_PEAK } from './peaks.ts';

/**
 * A file's waveform peaks as they arrive, chunk by chunk, in one growing Float32Array (its
 * capacity doubles, so appending is amortised O(1) and an hour costs 1.4 MB). Plain TS, not
 * runes: a state class holds one and publishes `peaks` after each append.
 *
 * @example
 * const store = new PeakStore();
 * store.append(chunkPeaks, startPeak);
 * waveform.peaks = store.peaks; // a view of the first `store.length` peaks
 */
export class PeakStore {
  readonly secondsPerPeak: number;
  #buffer: Float32Array;
  #length = 0;

  constructor({ secondsPerPeak = SECONDS_PER_PEAK, capacity = 4096 } = {}) {
    this.secondsPerPeak = secondsPerPeak;
    this.#buffer = new Float32Array(Math.max(1, capacity));
  }

  /** Peaks stored: those from 0 up to the end of the furthest append. */
  get length(): number {
    return this.#length;
  }

  /** Seconds of audio the stored peaks cover. */
  get seconds(): number {
    return this.#length * this.secondsPerPeak;
  }

  /**
   * The stored peaks: a view, valid until the next append (which may move them to a larger
   * buffer); take a new view after each append.
   */
  get peaks(): Float32Array {
    return this.#buffer.subarray(0, this.#length);
  }

  /**
   * Writes `peaks` from index `startPeak` (by default, after the last stored peak). Chunks come
   * in order; a gap reads as silence and a repeated range is overwritten.
   */
  append(peaks: Float32Array, startPeak: number = this.#length): void {
    if (!Number.isInteger(startPeak) || startPeak < 0) throw new RangeError(`peak index ${startPeak}`);
    const end = startPeak + peaks.length;
    if (end > this.#buffer.length) this.#grow(end);
    if (startPeak > this.#length) this.#buffer.fill(0, this.#length, startPeak);
    this.#buffer.set(peaks, startPeak);
    this.#length = Math.max(this.#length, end);
  }

  /** Forgets every peak (for the next file); keeps the buffer. */
  clear(): void {
    this.#length = 0;
  }

  #grow(needed: number): void {
    let capacity = this.#buffer.length;
    while (capacity < needed) capacity *= 2;
    const next = new Float32Array(capacity);
    next.set(this.peaks);
    this.#buffer = next;
  }
}
