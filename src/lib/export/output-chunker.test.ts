import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputChunker } from './output-chunker.ts';

/** Writes applied one by one to a growing byte array: what a file would hold. */
function apply(writes: readonly { position: number; bytes: Uint8Array }[]): Uint8Array {
  // Writing nothing extends nothing, as with a file.
  const size = writes.reduce((max, w) => (w.bytes.length === 0 ? max : Math.max(max, w.position + w.bytes.length)), 0);
  const file = new Uint8Array(size);
  for (const w of writes) if (w.bytes.length > 0) file.set(w.bytes, w.position);
  return file;
}

function chunked(chunkBytes: number, writes: readonly { position: number; bytes: Uint8Array }[]) {
  const sent: { position: number; bytes: Uint8Array }[] = [];
  const chunker = new OutputChunker(chunkBytes, (position, bytes) => sent.push({ position, bytes }));
  for (const w of writes) chunker.write(w.position, w.bytes);
  chunker.flush();
  return { sent, size: chunker.size };
}

const bytes = (length: number, fill: number) => new Uint8Array(length).fill(fill);

describe('OutputChunker', () => {
  it('gathers consecutive writes into full chunks and sends the rest on flush', () => {
    const { sent, size } = chunked(10, [
      { position: 0, bytes: bytes(4, 1) },
      { position: 4, bytes: bytes(4, 2) },
      { position: 8, bytes: bytes(5, 3) },
    ]);
    expect(sent.map((c) => [c.position, c.bytes.length])).toEqual([[0, 10], [10, 3]]);
    expect(size).toBe(13);
  });

  it('sends what it gathered before a write elsewhere, as MP4 patching its mdat size', () => {
    const { sent } = chunked(100, [
      { position: 0, bytes: bytes(48, 1) },
      { position: 48, bytes: bytes(20, 2) },
      { position: 40, bytes: bytes(4, 9) },
      { position: 68, bytes: bytes(10, 3) },
    ]);
    expect(sent.map((c) => [c.position, c.bytes.length])).toEqual([[0, 68], [40, 4], [68, 10]]);
    // A partial chunk travels at its own length, not the chunk size.
    expect(sent[1]?.bytes.buffer.byteLength).toBe(4);
  });

  it('splits a write longer than a chunk', () => {
    const { sent } = chunked(4, [{ position: 2, bytes: bytes(9, 7) }]);
    expect(sent.map((c) => [c.position, c.bytes.length])).toEqual([[2, 4], [6, 4], [10, 1]]);
  });

  it('copies the data: a write buffer reused by the caller does not change what was gathered', () => {
    const shared = bytes(3, 1);
    const sent: Uint8Array[] = [];
    const chunker = new OutputChunker(8, (_, b) => sent.push(b));
    chunker.write(0, shared);
    shared.fill(5);
    chunker.write(3, shared);
    chunker.flush();
    expect([...(sent[0] ?? [])]).toEqual([1, 1, 1, 5, 5, 5]);
  });

  it('refuses a chunk size that is not a positive integer', () => {
    expect(() => new OutputChunker(0, () => undefined)).toThrow(RangeError);
  });

  it('gives the same file as the writes themselves, for any writes and chunk size', () => {
    const write = fc.record({ position: fc.nat(300), bytes: fc.uint8Array({ minLength: 0, maxLength: 80 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.array(write, { maxLength: 30 }), (chunkBytes, writes) => {
        const { sent, size } = chunked(chunkBytes, writes);
        expect(sent.every((c) => c.bytes.length > 0 && c.bytes.length <= chunkBytes)).toBe(true);
        expect(apply(sent)).toEqual(apply(writes));
        expect(size).toBe(apply(writes).length);
      }),
    );
  });
});
