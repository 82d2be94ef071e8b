import { execFileSync } from 'node:child_process';

/** Native ffmpeg's 16 kHz mono float32 extraction of a file: the reference the browser must match. */
export function nativePcm(file: string, audioIndex = 0): Float32Array {
  const bytes = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-map', `0:a:${audioIndex}`, '-ac', '1', '-ar', '16000', '-rematrix_maxval', '1.0', '-f', 'f32le', '-'],
    { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
}

/** Pearson correlation over the common length. */
export function correlation(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let sa = 0, sb = 0;
  for (let i = 0; i < n; i++) { sa += a[i] ?? 0; sb += b[i] ?? 0; }
  const ma = sa / n, mb = sb / n;
  let cov = 0, va = 0, vb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] ?? 0) - ma, db = (b[i] ?? 0) - mb;
    cov += da * db; va += da * da; vb += db * db;
  }
  return cov / Math.sqrt(va * vb);
}
