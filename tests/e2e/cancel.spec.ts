import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MEDIA, openApp, SAMPLE, shownCues } from './support/app.ts';
import { cancelAtStage, cancelTiming, timeCancel, traceWorkers, workerTraces } from './support/worker-trace.ts';

const THREE_MINUTES = path.join(MEDIA, 'speech-3min.mp4');

test('cancel during recognition stops the workers within 2 s and keeps the cues already shown', async ({ page }) => {
  await traceWorkers(page);
  // Many tokens per window: the run would go on for a long time if cancel did not stop it.
  await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm', maxTokens: 200 });
  await chooseFile(page, THREE_MINUTES);
  await expect(page.getByTestId('cue').first()).toBeVisible({ timeout: 120_000 });
  const before = (await shownCues(page)).length;

  // Timed in the page, from the click reaching the app to the last running worker request ending.
  const cancel = await timeCancel(page);
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'cancelled');
  expect(cancel.running).toBeGreaterThan(0);
  expect(cancel.ms).toBeLessThan(2_000);

  // Nothing more arrives: every request has ended, no new one went to a worker, the cues stay.
  const kept = await shownCues(page);
  expect(kept.length).toBeGreaterThanOrEqual(before);
  const later = (await workerTraces(page)).flatMap((t) => Object.values(t.sent)).filter((at) => at > cancel.clickedAt);
  expect(later).toEqual([]);
  expect(await shownCues(page)).toEqual(kept);

  // The page takes a new file, with the engine still (or again) working.
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
});

test('cancel during extraction stops promptly and the page takes a new file', async ({ page }) => {
  await traceWorkers(page);
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  // Warm up first, so the next run spends its first seconds extracting, not loading the engine.
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  // Extraction shows until the first 30 s are decoded: too short to click from here reliably.
  await cancelAtStage(page, 'extracting');
  await chooseFile(page, THREE_MINUTES);
  const cancel = await cancelTiming(page);
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'cancelled');
  expect(cancel.stage).toBe('extracting');
  expect(cancel.running).toBeGreaterThan(0);
  expect(cancel.ms).toBeLessThan(2_000);
  await chooseFile(page, SAMPLE);
  await expectDone(page);
});
