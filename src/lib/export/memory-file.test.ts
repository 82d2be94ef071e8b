import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryFile } from './memory-file.ts';

async function bytesOf(file: MemoryFile): Promise<number[]> {
  return [...new Uint8Array(await file.toBlob('video/mp4').arrayBuffer())];
}

describe('MemoryFile', () => {
  it('appends writes in order and patches earlier bytes in place', async () => {
    const file = new MemoryFile();
    file.write(0, new Uint8Array([1, 2, 3, 4]));
    file.write(4, new Uint8Array([5, 6]));
    file.write(1, new Uint8Array([9, 9, 9, 9])); // across the two writes
    expect(file.size).toBe(6);
    expect(await bytesOf(file)).toEqual([1, 9, 9, 9, 9, 6]);
  });

  it('reads holes as zeros and keeps the type', async () => {
    const file = new MemoryFile();
    file.write(3, new Uint8Array([7]));
    expect(await bytesOf(file)).toEqual([0, 0, 0, 7]);
    expect(file.toBlob('video/x-matroska').type).toBe('video/x-matroska');
  });

  it('holds what a file would after any writes', async () => {
    const write = fc.record({ position: fc.nat(200), bytes: fc.uint8Array({ maxLength: 60 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 25 }), async (writes) => {
        const file = new MemoryFile();
        const model: number[] = [];
        for (const { position, bytes } of writes) {
          file.write(position, new Uint8Array(bytes));
          if (bytes.length === 0) continue;
          while (model.length < position) model.push(0);
          bytes.forEach((b, i) => (model[position + i] = b));
        }
        expect(file.size).toBe(model.length);
        expect(await bytesOf(file)).toEqual(model);
      }),
    );
  });
});
