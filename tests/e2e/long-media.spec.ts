import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MEDIA, openApp, ROOT, shownCues } from './support/app.ts';
import { mib, sampleRendererMemory } from './support/memory.ts';
import { browserPcm, expectSamePcm, nativePcm } from './support/native.ts';
import { launchOwnBrowser } from './support/own-browser.ts';

const THREE_MINUTES = path.join(MEDIA, 'speech-3min.mp4');

/** 21 minutes made by looping the 3-minute fixture (stream copy, a second to make). */
function longFile(): string {
  const dir = path.join(ROOT, 'tests/fixtures/media/generated');
  const file = path.join(dir, 'speech-21min.mp4');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('ffmpeg', ['-v', 'error', '-stream_loop', '6', '-i', THREE_MINUTES, '-t', '1260', '-c', 'copy', '-y', file]);
  }
  return file;
}

function duration(file: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).toString());
}

test('3 and 21 minutes in one browser: memory stays flat, cues strictly increase, and the PCM equals native ffmpeg\'s', async () => {
  test.setTimeout(420_000);
  const file = longFile();
  const length = duration(file);
  expect(length).toBeGreaterThan(20 * 60);
  const browser = await launchOwnBrowser();
  try {
    const { page, profile } = browser;
    await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm', maxTokens: 4 });

    // The same model and settings for both files; the engine is loaded during the first.
    const short = sampleRendererMemory(profile);
    await chooseFile(page, THREE_MINUTES);
    await expectDone(page, 180_000);
    const shortPeak = short.stop();

    const long = sampleRendererMemory(profile);
    await chooseFile(page, file);
    await expectDone(page, 300_000);
    const longPeak = long.stop();
    console.log(`renderer peak: 3 min ${mib(shortPeak)}, 21 min ${mib(longPeak)} (${(longPeak / shortPeak).toFixed(2)}×)`);
    expect(longPeak / shortPeak).toBeLessThanOrEqual(1.15);

    const cues = await shownCues(page);
    expect(cues.length).toBeGreaterThan(20);
    for (let i = 1; i < cues.length; i++) expect(cues[i]?.start).toBeGreaterThan(cues[i - 1]?.start ?? Infinity);
    for (let i = 1; i < cues.length; i++) expect(cues[i]?.start).toBeGreaterThanOrEqual(cues[i - 1]?.end ?? Infinity);
    expect(cues.at(-1)?.end).toBeLessThanOrEqual(length);
    expect(cues.at(-1)?.end).toBeGreaterThan(length - 60);

    // The chunks the browser decoded, joined, against one native pass over the whole file.
    expectSamePcm((await browserPcm(page)).pcm, nativePcm(file), '21 minutes');
  } finally {
    await browser.close();
  }
});
