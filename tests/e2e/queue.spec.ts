import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { parseSrt } from '../../src/lib/subtitles/srt.ts';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { MEDIA, openApp } from './support/app.ts';
import { mib, rendererMemory } from './support/memory.ts';
import { launchOwnBrowser } from './support/own-browser.ts';

const FILES = [
  path.join(MEDIA, 'clip-10s.mp4'),
  path.join(MEDIA, 'codecs/h264-aac.mkv'),
  path.join(MEDIA, 'not-media.mp4'), // broken: fails with its message, the queue goes on
  path.join(MEDIA, 'codecs/mp3.mp3'),
  path.join(MEDIA, 'codecs/opus.ogg'),
];

test('a queue of five files, one broken: four done and one failed with its message, each a project in the library; the zip holds four valid SRTs; memory stays flat', async () => {
  const browser = await launchOwnBrowser();
  try {
    const { page, profile } = browser;
    await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
    await page.getByTestId('open-queue').click();
    await page.getByTestId('queue-input').setInputFiles(FILES);
    const items = page.getByTestId('queue-item');
    await expect(items).toHaveCount(5);
    // Renderer memory once the first file is done (engines and model loaded), and after the fifth.
    await expect(items.nth(0)).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    const afterFirst = rendererMemory(profile);
    await expect(page.getByTestId('queue-cancel-all')).toHaveCount(0, { timeout: 240_000 });
    const afterFifth = rendererMemory(profile);
    console.log(`renderer memory after the first file ${mib(afterFirst)}, after the fifth ${mib(afterFifth)} (${((afterFifth / afterFirst - 1) * 100).toFixed(1)} %)`);

    // The files run in the order a file manager lists them.
    expect(await items.evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-name'), row.getAttribute('data-status')]))).toEqual([
      ['clip-10s.mp4', 'done'],
      ['h264-aac.mkv', 'done'],
      ['mp3.mp3', 'done'],
      ['not-media.mp4', 'failed'],
      ['opus.ogg', 'done'],
    ]);
    const broken = page.locator('[data-testid="queue-item"][data-name="not-media.mp4"]').getByTestId('queue-error');
    await expect(broken).toHaveAttribute('data-code', 'not-media');
    await expect(broken).not.toBeEmpty();

    // Each became a project in the library (the broken one has nothing to keep).
    await page.getByTestId('open-library').click();
    await expect(page.getByTestId('library-panel').getByTestId('library-item')).toHaveCount(4);

    const download = page.waitForEvent('download');
    await page.getByTestId('queue-zip').click();
    const zip = unzipSync(new Uint8Array(await readFile(await (await download).path())));
    const names = Object.keys(zip);
    expect(names).toHaveLength(4);
    for (const name of names) {
      expect(name).toMatch(/\.srt$/);
      const cues = parseSrt(strFromU8(zip[name] ?? new Uint8Array()));
      expect(cues.length, name).toBeGreaterThan(0);
      for (const cue of cues) expect(cue.end).toBeGreaterThan(cue.start);
    }
    expect(afterFifth).toBeLessThanOrEqual(afterFirst * 1.1);
  } finally {
    await browser.close();
  }
});

test('several files chosen at once go to the queue; waiting files can be reordered and cancelled before they run', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await page.getByTestId('file-input').setInputFiles([FILES[0] ?? '', FILES[1] ?? '', FILES[3] ?? '']); // clip, h264-aac, mp3
  await expect(page.getByTestId('queue-panel')).toBeVisible();
  const items = page.getByTestId('queue-item');
  await expect(items).toHaveCount(3);
  // The third moves above the second while the first runs; then the second (now third) is cancelled.
  await items.nth(2).getByTestId('queue-up').click();
  await expect(items.nth(1)).toHaveAttribute('data-name', 'mp3.mp3');
  await items.nth(2).getByTestId('queue-cancel').click();
  await expect(items.nth(2)).toHaveAttribute('data-status', 'cancelled');
  await expect(items.nth(1)).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(items.nth(0)).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('queue-summary')).toContainText('2 done');
});
