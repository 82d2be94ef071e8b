/**
 * Encodes mono float32 PCM as a 32-bit IEEE-float WAV file, bit-exact (no dithering or
 * 16-bit rounding), so an export can be compared sample for sample. Pure.
 *
 * @example
 * const blob = new Blob([encodeWav(pcm, 16000)], { type: 'audio/wav' });
 */
export function encodeWav(pcm: Float32Array, sampleRate: number): ArrayBuffer {
  const buffer = new ArrayBuffer(44 + pcm.length * 4);
  new Uint8Array(buffer).set(new Uint8Array(wavHeader(pcm.length, sampleRate)));
  new Float32Array(buffer, 44).set(pcm);
  return buffer;
}

/**
 * The 44-byte header of a float32 mono WAV holding `samples` samples: put it before the raw
 * PCM (e.g. as the first part of a Blob) to stream a WAV without holding it in memory. Pure.
 */
export function wavHeader(samples: number, sampleRate: number): ArrayBuffer {
  const dataBytes = samples * 4;
  const buffer = new ArrayBuffer(44);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 3, true); // WAVE_FORMAT_IEEE_FLOAT
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 4, true); // byte rate
  view.setUint16(32, 4, true); // block align
  view.setUint16(34, 32, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  return buffer;
}

/** Reads back what `encodeWav` wrote (used by tests and the benchmark). Pure. */
export function decodeWavFloat32(bytes: ArrayBuffer): { pcm: Float32Array; sampleRate: number } {
  const view = new DataView(bytes);
  const sampleRate = view.getUint32(24, true);
  const dataBytes = view.getUint32(40, true);
  return { pcm: new Float32Array(bytes.slice(44, 44 + dataBytes)), sampleRate };
}
