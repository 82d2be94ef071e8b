import { describe, expect, it } from 'vitest';
import { fingerprintMedia, sameMedia } from './media-fingerprint.ts';

const MIB = 1024 * 1024;

/** A file of `size` bytes with a repeating pattern, `changes` overwriting single bytes. */
function file(size: number, changes: Readonly<Record<number, number>> = {}, name = 'talk.mp4', lastModified = 1000): File {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31) % 251;
  for (const [at, value] of Object.entries(changes)) bytes[Number(at)] = value;
  return new File([bytes], name, { lastModified });
}

async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('fingerprintMedia', () => {
  it('hashes a small file whole and keeps name, size and date', async () => {
    const small = file(1000);
    const fingerprint = await fingerprintMedia(small);
    expect(fingerprint).toEqual({
      name: 'talk.mp4',
      size: 1000,
      lastModified: 1000,
      hash: await sha256Hex(new Uint8Array(await small.arrayBuffer())),
    });
    expect(fingerprint.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the first and last MiB of a big file', async () => {
    const big = file(3 * MIB);
    const whole = new Uint8Array(await big.arrayBuffer());
    const ends = new Uint8Array(2 * MIB);
    ends.set(whole.subarray(0, MIB));
    ends.set(whole.subarray(2 * MIB), MIB);
    expect((await fingerprintMedia(big)).hash).toBe(await sha256Hex(ends));
  });

  it('does not see a change in the middle of a big file (by design), but sees one at either end', async () => {
    const original = await fingerprintMedia(file(3 * MIB));
    const middle = await fingerprintMedia(file(3 * MIB, { [Math.floor(1.5 * MIB)]: 7 }));
    const last = await fingerprintMedia(file(3 * MIB, { [3 * MIB - 1]: 7 }));
    const first = await fingerprintMedia(file(3 * MIB, { 0: 7 }));
    expect(middle.hash).toBe(original.hash);
    expect(last.hash).not.toBe(original.hash);
    expect(first.hash).not.toBe(original.hash);
  });

  it('sees a change anywhere in a file of exactly 2 MiB', async () => {
    const original = await fingerprintMedia(file(2 * MIB));
    const changed = await fingerprintMedia(file(2 * MIB, { [MIB]: 7 }));
    expect(changed.hash).not.toBe(original.hash);
  });

  it('fingerprints an empty file', async () => {
    expect((await fingerprintMedia(file(0))).hash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('sameMedia', () => {
  it('matches by name, size and hash, not by date', async () => {
    const original = await fingerprintMedia(file(5000));
    expect(sameMedia(original, await fingerprintMedia(file(5000, {}, 'talk.mp4', 99_999)))).toBe(true);
    expect(sameMedia(original, await fingerprintMedia(file(5000, {}, 'other.mp4')))).toBe(false);
    expect(sameMedia(original, await fingerprintMedia(file(5001)))).toBe(false);
    expect(sameMedia(original, await fingerprintMedia(file(5000, { 10: 0 })))).toBe(false);
  });
});
