/**
 * Turns the byte stream ffmpeg writes (float32 little-endian, in whatever pieces its I/O buffer
 * produces) into fixed-size sample chunks, carrying split floats across pieces, so the decode
 * is one continuous stream with no seams. Pure.
 *
 * @example
 * const chunker = new PcmChunker(480_000, (pcm, start) => post(pcm, start));
 * chunker.push(bytes); … chunker.flush();
 */
export class PcmChunker {
  readonly #chunkSamples: number;
  readonly #onChunk: (pcm: Float32Array, startSample: number) => void;
  #chunk: Float32Array;
  #filled = 0;
  #emitted = 0;
  /** Bytes of a float split across two pushes. */
  readonly #partial = new Uint8Array(4);
  #partialLength = 0;
  readonly #view = new DataView(this.#partial.buffer);

  constructor(chunkSamples: number, onChunk: (pcm: Float32Array, startSample: number) => void) {
    this.#chunkSamples = chunkSamples;
    this.#onChunk = onChunk;
    this.#chunk = new Float32Array(chunkSamples);
  }

  /** Samples pushed so far, complete floats only. */
  get samples(): number {
    return this.#emitted + this.#filled;
  }

  push(bytes: Uint8Array): void {
    let offset = 0;
    if (this.#partialLength > 0) {
      while (this.#partialLength < 4 && offset < bytes.length) this.#partial[this.#partialLength++] = bytes[offset++] ?? 0;
      if (this.#partialLength < 4) return;
      this.#append(this.#view.getFloat32(0, true));
      this.#partialLength = 0;
    }
    // Whole floats are copied as bytes (a memcpy, whatever the alignment of ffmpeg's buffer).
    let whole = Math.floor((bytes.length - offset) / 4);
    while (whole > 0) {
      const take = Math.min(whole, this.#chunkSamples - this.#filled);
      new Uint8Array(this.#chunk.buffer, this.#filled * 4, take * 4).set(bytes.subarray(offset, offset + take * 4));
      this.#filled += take;
      offset += take * 4;
      whole -= take;
      if (this.#filled === this.#chunkSamples) this.#emitFull();
    }
    while (offset < bytes.length) this.#partial[this.#partialLength++] = bytes[offset++] ?? 0;
  }

  /** Emits what is left as a last, shorter chunk. */
  flush(): void {
    if (this.#filled === 0) return;
    const last = this.#chunk.slice(0, this.#filled);
    this.#emit(last);
  }

  #append(sample: number): void {
    this.#chunk[this.#filled++] = sample;
    if (this.#filled === this.#chunkSamples) this.#emitFull();
  }

  #emitFull(): void {
    const full = this.#chunk;
    this.#chunk = new Float32Array(this.#chunkSamples);
    this.#emit(full);
  }

  #emit(pcm: Float32Array): void {
    const start = this.#emitted;
    this.#emitted += pcm.length;
    this.#filled = 0;
    this.#onChunk(pcm, start);
  }
}
