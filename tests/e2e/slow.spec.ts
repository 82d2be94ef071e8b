/**
 * Slow tests, not part of `npm test`: `npm run test:slow`. A generated file over 4 GiB (raw video
 * and the speech track; about a minute to write, 4.1 GiB of disk in bench/out, kept for reruns).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { bigFile } from '../../bench/make-media.ts';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, expectWellFormed, MEDIA, openApp, ROOT, shownCues } from './support/app.ts';
import { mib, sampleRendererMemory } from './support/memory.ts';
import { launchOwnBrowser } from './support/own-browser.ts';

test('a file over 4 GiB completes with cues, and memory stays as flat as for 3 minutes', { tag: '@slow' }, async () => {
  const file = bigFile(ROOT, path.join(ROOT, 'bench/out'));
  const size = statSync(file).size;
  expect(size).toBeGreaterThan(4 * 2 ** 30);
  const browser = await launchOwnBrowser();
  try {
    const { page, profile } = browser;
    await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
    const short = sampleRendererMemory(profile);
    await chooseFile(page, path.join(MEDIA, 'speech-3min.mp4'));
    await expectDone(page, 180_000);
    const shortPeak = short.stop();

    const big = sampleRendererMemory(profile);
    const started = performance.now();
    await chooseFile(page, file);
    await expectDone(page, 1_500_000);
    const seconds = (performance.now() - started) / 1000;
    const bigPeak = big.stop();
    const cues = await shownCues(page);
    const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).toString());
    console.log(`${path.basename(file)}: ${(size / 2 ** 30).toFixed(2)} GiB done in ${seconds.toFixed(1)} s with ${cues.length} cues; ` +
      `renderer peak ${mib(bigPeak)} against ${mib(shortPeak)} for 3 minutes (${(bigPeak / shortPeak).toFixed(2)}×)`);
    expect(cues.length).toBeGreaterThan(0);
    expectWellFormed(cues, duration);
    expect(bigPeak / shortPeak).toBeLessThanOrEqual(1.15);
  } finally {
    await browser.close();
  }
});
