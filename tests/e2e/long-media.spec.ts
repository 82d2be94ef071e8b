import { execFileSync } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { decodeWavFloat32 } from '../../src/lib/media/wav.ts';
import { chooseFile, clickDownload, expectDone, MEDIA, openApp, ROOT, shownCues } from './support/app.ts';
import { correlation, nativePcm } from './support/native.ts';

/** 21 minutes made by looping the 3-minute fixture (stream copy, a second to make). */
function longFile(): string {
  const dir = path.join(ROOT, 'tests/fixtures/media/generated');
  const file = path.join(dir, 'speech-21min.mp4');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const source = path.join(MEDIA, 'speech-3min.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-stream_loop', '6', '-i', source, '-t', '1260', '-c', 'copy', '-y', file]);
  }
  return file;
}

test('a 21-minute file: cues strictly increase inside the media, and the streamed PCM equals native ffmpeg', async ({ page }) => {
  test.setTimeout(300_000);
  const file = longFile();
  const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).toString());
  expect(duration).toBeGreaterThan(20 * 60);

  await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm', maxTokens: 4 });
  await chooseFile(page, file);
  await expectDone(page, 280_000);

  const cues = await shownCues(page);
  expect(cues.length).toBeGreaterThan(20);
  for (let i = 1; i < cues.length; i++) expect(cues[i]?.start).toBeGreaterThan(cues[i - 1]?.start ?? Infinity);
  for (let i = 1; i < cues.length; i++) expect(cues[i]?.start).toBeGreaterThanOrEqual(cues[i - 1]?.end ?? Infinity);
  expect(cues.at(-1)?.end).toBeLessThanOrEqual(duration);
  expect(cues.at(-1)?.end).toBeGreaterThan(duration - 60);

  // The chunks the browser decoded, joined, against one native pass over the whole file.
  const download = await clickDownload(page, 'download-wav');
  const bytes = await readFile(await download.path());
  const browser = decodeWavFloat32(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)).pcm;
  const native = nativePcm(file);
  const joins = Math.ceil(native.length / (512 * 938));
  expect(Math.abs(browser.length - native.length)).toBeLessThanOrEqual(joins);
  expect(correlation(browser, native)).toBeGreaterThan(0.999);
});
