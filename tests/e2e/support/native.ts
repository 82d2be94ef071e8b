import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { decodeWavFloat32 } from '../../../src/lib/media/wav.ts';
import { clickDownload } from './app.ts';

/** Native ffmpeg's 16 kHz mono float32 extraction of a file: the reference the browser must match. */
export function nativePcm(file: string, audioIndex = 0): Float32Array {
  const bytes = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-map', `0:a:${audioIndex}`, '-ac', '1', '-ar', '16000', '-rematrix_maxval', '1.0', '-f', 'f32le', '-'],
    { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
}

/** The PCM the app decoded, through its own "Save audio (WAV)" button. */
export async function browserPcm(page: Page): Promise<{ sampleRate: number; pcm: Float32Array }> {
  const download = await clickDownload(page, 'download-wav');
  const bytes = await readFile(await download.path());
  return decodeWavFloat32(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** The largest absolute difference between two signals of the same length. */
export function maxDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}

/**
 * Asserts the browser's PCM equals native ffmpeg's sample for sample: the same length and no
 * sample more than 1e-6 apart (float rounding between the two builds; measured at most 4.8e-7).
 */
export function expectSamePcm(browser: Float32Array, native: Float32Array, label = 'pcm'): void {
  expect(native.length, `${label}: native ffmpeg gave audio`).toBeGreaterThan(0);
  expect(browser.length, `${label}: sample count`).toBe(native.length);
  expect(maxDifference(browser, native), `${label}: largest sample difference`).toBeLessThan(1e-6);
}

/** Pearson correlation over the common length: tells two different tracks apart. */
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

/**
 * A subtitle file (or the subtitle stream `map` selects in a video, `0:s:1`) as native ffmpeg
 * reads it, converted to SubRip and read back with a few lines of its own (not the app's
 * parsers): the independent check that an export is a valid file.
 */
export function ffmpegCues(file: string, map?: string): { start: number; end: number; text: string }[] {
  const args = ['-v', 'error', '-i', file, ...(map === undefined ? [] : ['-map', map]), '-f', 'srt', '-'];
  const srt = execFileSync('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
  const seconds = (time: string) => {
    const [h = '0', m = '0', rest = '0'] = time.split(':');
    return Number(h) * 3600 + Number(m) * 60 + Number(rest.replace(',', '.'));
  };
  return srt
    .replace(/\r/g, '')
    .split(/\n\n+/)
    .map((block) => block.split('\n'))
    .filter((lines) => lines.length >= 3)
    .map(([, timing = '', ...text]) => {
      const [start = '', end = ''] = timing.split(' --> ');
      return { start: seconds(start), end: seconds(end), text: text.join('\n').replace(/<[^>]+>/g, '').trim() };
    });
}
