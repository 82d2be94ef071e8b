import { describe, expect, it } from 'vitest';
import { decodeWavFloat32, encodeWav } from './wav.ts';

describe('encodeWav', () => {
  it('writes a float32 mono WAV header that describes the data', () => {
    const bytes = encodeWav(new Float32Array([0, 0.5, -1]), 16_000);
    const view = new DataView(bytes);
    const text = (o: number) => String.fromCharCode(...new Uint8Array(bytes, o, 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint32(4, true)).toBe(36 + 12);
    expect(view.getUint16(20, true)).toBe(3);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(16_000);
    expect(view.getUint16(34, true)).toBe(32);
    expect(bytes.byteLength).toBe(44 + 12);
  });

  it('round-trips samples bit for bit', () => {
    const pcm = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7) * 0.9);
    const back = decodeWavFloat32(encodeWav(pcm, 16_000));
    expect(back.sampleRate).toBe(16_000);
    expect(Array.from(back.pcm)).toEqual(Array.from(pcm));
  });
});
