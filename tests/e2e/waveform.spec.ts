import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MEDIA, openApp, ROOT, SAMPLE, shownCues } from './support/app.ts';
import { mib, sampleRendererMemory } from './support/memory.ts';
import { launchOwnBrowser } from './support/own-browser.ts';

test('dragging a region\'s edge on the waveform changes the cue\'s end time, as one undo step', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  const [first] = await shownCues(page);
  if (!first) throw new Error('no cue');
  const id = await page.getByTestId('cue').first().getAttribute('data-id');
  // Regions live in wavesurfer's (open) shadow root; Playwright's locators pierce it.
  const region = page.getByTestId('waveform').locator(`[data-testid="waveform-region"][data-cue-id="${id}"]`);
  await expect(region).toBeVisible();
  const box = await region.boundingBox();
  if (!box) throw new Error('region not laid out');
  const handle = region.locator('[part~="region-handle-right"]');
  const grip = await handle.boundingBox();
  if (!grip) throw new Error('no resize handle');
  const x = grip.x + grip.width / 2;
  const y = grip.y + grip.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - box.width * 0.2, y, { steps: 8 });
  await page.mouse.move(x - box.width * 0.3, y, { steps: 4 });
  await page.mouse.up();

  await expect.poll(async () => (await shownCues(page))[0]?.end).toBeLessThan(first.end - 0.2);
  const after = (await shownCues(page))[0];
  expect(after?.start).toBe(first.start);
  expect(after?.end).toBeGreaterThan(first.start);
  expect(after?.text).toBe(first.text);
  await page.getByTestId('undo').click();
  expect((await shownCues(page))[0]).toEqual(first);
});

/** 60 minutes made by looping the 3-minute fixture (stream copy). */
function hourFile(): string {
  const dir = path.join(ROOT, 'tests/fixtures/media/generated');
  const file = path.join(dir, 'speech-60min.mp4');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('ffmpeg', ['-v', 'error', '-stream_loop', '-1', '-i', path.join(MEDIA, 'speech-3min.mp4'), '-t', '3600', '-c', 'copy', '-y', file]);
  }
  return file;
}

test('a 60-minute file gets its waveform with the renderer\'s memory within 5 % of the same run without one', async () => {
  test.setTimeout(600_000);
  const file = hourFile();
  const browser = await launchOwnBrowser();
  try {
    const { page, profile } = browser;
    await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm', maxTokens: 1 });
    await chooseFile(page, SAMPLE); // engine and model load before anything is measured
    await expectDone(page);

    const peakOf = async (waveform: boolean): Promise<number> => {
      const memory = sampleRendererMemory(profile);
      await chooseFile(page, file);
      const toggle = page.getByTestId('toggle-waveform');
      await expect(toggle).toBeVisible({ timeout: 60_000 });
      await toggle.setChecked(waveform);
      await expectDone(page, 240_000);
      await expect(page.getByTestId('waveform')).toHaveCount(waveform ? 1 : 0);
      return memory.stop();
    };
    // A first pass over the hour grows the workers' heaps once; the two measured passes then
    // differ only by the waveform.
    await peakOf(false);
    const without = await peakOf(false);
    const withWaveform = await peakOf(true);
    console.log(`60 min: renderer peak ${mib(without)} without the waveform, ${mib(withWaveform)} with it (${(withWaveform / without).toFixed(3)}×)`);
    expect(withWaveform / without).toBeLessThanOrEqual(1.05);
  } finally {
    await browser.close();
  }
});
