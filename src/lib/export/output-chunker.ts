/**
 * Gathers the positioned writes of a muxer into chunks for the page. ffmpeg writes its output in
 * pieces of up to 256 KB, in order, except when a muxer goes back to fill in a header (MP4's
 * `mdat` size, Matroska's seek head and duration): consecutive writes fill one chunk of
 * `chunkBytes`, and a write anywhere else first sends what was gathered. Applying the chunks in
 * the order they come, each at its position, gives the muxer's file exactly. Pure (the send
 * is the caller's).
 *
 * @example
 * const chunker = new OutputChunker(4 << 20, (position, bytes) => post({ position, bytes }));
 * chunker.write(0, header); chunker.write(header.length, body); chunker.write(40, sizeField);
 * chunker.flush();
 */
export class OutputChunker {
  readonly #chunkBytes: number;
  readonly #send: (position: number, bytes: Uint8Array<ArrayBuffer>) => void;
  #buffer: Uint8Array<ArrayBuffer> | undefined;
  #start = 0;
  #fill = 0;
  #size = 0;

  constructor(chunkBytes: number, send: (position: number, bytes: Uint8Array<ArrayBuffer>) => void) {
    if (!Number.isInteger(chunkBytes) || chunkBytes <= 0) throw new RangeError(`chunkBytes must be a positive integer, not ${chunkBytes}`);
    this.#chunkBytes = chunkBytes;
    this.#send = send;
  }

  /** The file's length so far: the end of its furthest write. */
  get size(): number {
    return this.#size;
  }

  /** Takes one write of `data` at `position` (copied: the caller's buffer is WASM memory). */
  write(position: number, data: Uint8Array): void {
    let offset = 0;
    while (offset < data.length) {
      const at = position + offset;
      if (this.#buffer && at !== this.#start + this.#fill) this.flush();
      const buffer = (this.#buffer ??= this.#open(at));
      const length = Math.min(data.length - offset, buffer.length - this.#fill);
      buffer.set(data.subarray(offset, offset + length), this.#fill);
      this.#fill += length;
      offset += length;
      if (this.#fill === buffer.length) this.flush();
    }
    // Writing nothing extends nothing, as with a file.
    if (data.length > 0) this.#size = Math.max(this.#size, position + data.length);
  }

  /** Sends what has been gathered, if anything. */
  flush(): void {
    const buffer = this.#buffer;
    this.#buffer = undefined;
    if (!buffer || this.#fill === 0) return;
    // A full chunk moves as it is; a partial one is copied to its length, so a 48-byte header
    // patch doesn't carry a whole chunk's buffer across the thread.
    this.#send(this.#start, this.#fill === buffer.length ? buffer : buffer.slice(0, this.#fill));
  }

  #open(position: number): Uint8Array<ArrayBuffer> {
    this.#start = position;
    this.#fill = 0;
    return new Uint8Array(this.#chunkBytes);
  }
}
