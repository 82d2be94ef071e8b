import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MEDIA, openApp, SAMPLE, shownCues, waitForEnd } from './support/app.ts';

const THREE_MINUTES = path.join(MEDIA, 'speech-3min.mp4');

test('cancel during recognition stops promptly and keeps the cues already shown', async ({ page }) => {
  // Many tokens per window: the run would go on for a long time if cancel did not stop it.
  await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm', maxTokens: 200 });
  await chooseFile(page, THREE_MINUTES);
  await expect(page.getByTestId('cue').first()).toBeVisible({ timeout: 120_000 });
  const before = (await shownCues(page)).length;

  const started = Date.now();
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'cancelled', { timeout: 2_000 });
  expect(Date.now() - started).toBeLessThan(2_000);

  const kept = await shownCues(page);
  expect(kept.length).toBeGreaterThanOrEqual(before);
  await page.waitForTimeout(3_000); // nothing more arrives after a cancel
  expect((await shownCues(page)).length).toBe(kept.length);

  // The page takes a new file, with the engine still (or again) working.
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
});

test('cancel during extraction stops promptly and the page takes a new file', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, THREE_MINUTES);
  await expect(page.getByTestId('progress')).toHaveAttribute('data-stage', /loading-engine|probing|extracting/);
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'cancelled', { timeout: 2_000 });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
});
