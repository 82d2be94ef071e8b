/**
 * A file built in memory from positioned writes, for browsers that can write nothing to disk
 * as it comes. Each write becomes a Blob, which the browser may keep outside the page's heap
 * (Chromium moves large blob data to disk); a write over earlier bytes (a muxer filling in a
 * header) slices the blobs it covers instead of copying them. Holes read as zeros.
 *
 * @example
 * const file = new MemoryFile();
 * file.write(0, header); file.write(header.length, body); file.write(40, sizeField);
 * const blob = file.toBlob('video/mp4');
 */
export class MemoryFile {
  /** Sorted by position, never overlapping. */
  #segments: { readonly position: number; readonly blob: Blob }[] = [];
  #size = 0;

  /** The file's length: the end of its furthest write. */
  get size(): number {
    return this.#size;
  }

  write(position: number, bytes: Uint8Array<ArrayBuffer>): void {
    if (bytes.length === 0) return;
    const blob = new Blob([bytes]);
    const end = position + bytes.length;
    // The usual case, and the only one that stays cheap for thousands of chunks: an append.
    if (position >= this.#size) {
      this.#segments.push({ position, blob });
      this.#size = end;
      return;
    }
    const kept: { position: number; blob: Blob }[] = [];
    for (const segment of this.#segments) {
      const segmentEnd = segment.position + segment.blob.size;
      if (segmentEnd <= position || segment.position >= end) {
        kept.push(segment);
        continue;
      }
      if (segment.position < position) kept.push({ position: segment.position, blob: segment.blob.slice(0, position - segment.position) });
      if (segmentEnd > end) kept.push({ position: end, blob: segment.blob.slice(end - segment.position) });
    }
    kept.push({ position, blob });
    this.#segments = kept.sort((a, b) => a.position - b.position);
    this.#size = Math.max(this.#size, end);
  }

  /** The whole file as one Blob (its parts referenced, not copied). */
  toBlob(type: string): Blob {
    const parts: BlobPart[] = [];
    let at = 0;
    for (const segment of this.#segments) {
      if (segment.position > at) parts.push(new Uint8Array(segment.position - at));
      parts.push(segment.blob);
      at = segment.position + segment.blob.size;
    }
    return new Blob(parts, { type });
  }
}
