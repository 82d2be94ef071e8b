import { describe, expect, it } from 'vitest';
import { PcmChunker } from './pcm-chunker.ts';

function bytesOf(samples: number[]): Uint8Array {
  return new Uint8Array(Float32Array.from(samples).buffer);
}

describe('PcmChunker', () => {
  it('rebuilds floats split across pieces of any size, in fixed chunks with start offsets', () => {
    const samples = Array.from({ length: 103 }, (_, i) => Math.sin(i) * 0.5);
    const bytes = bytesOf(samples);
    const chunks: [number[], number][] = [];
    const chunker = new PcmChunker(25, (pcm, start) => chunks.push([Array.from(pcm), start]));
    for (let offset = 0, step = 1; offset < bytes.length; offset += step, step = (step % 13) + 1) {
      chunker.push(bytes.subarray(offset, Math.min(bytes.length, offset + step)));
    }
    chunker.flush();
    expect(chunks.map(([pcm, start]) => [pcm.length, start])).toEqual([[25, 0], [25, 25], [25, 50], [25, 75], [3, 100]]);
    expect(chunks.flatMap(([pcm]) => pcm)).toEqual(Array.from(Float32Array.from(samples)));
    expect(chunker.samples).toBe(103);
  });

  it('emits nothing on flush when empty', () => {
    const chunks: number[] = [];
    const chunker = new PcmChunker(4, (pcm) => chunks.push(pcm.length));
    chunker.push(bytesOf([1, 2, 3, 4]));
    chunker.flush();
    expect(chunks).toEqual([4]);
  });
});
