import path from 'node:path';
import { expect, test, type Worker } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MEDIA, openApp, shownCues } from './support/app.ts';
import { loseGpuAfterFirstCues } from './support/gpu-loss.ts';

const THREE_MINUTES = path.join(MEDIA, 'speech-3min.mp4');

test('WebGPU lost in the middle of a run: the app says so, goes on with WASM, and the cues equal a WASM-only run', async ({ page }) => {
  test.setTimeout(360_000);
  // The reference: the scripted model's cues for the whole file, on WASM throughout.
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, THREE_MINUTES);
  await expectDone(page);
  const reference = await shownCues(page);
  expect(reference.length).toBe(13);

  const workers: Worker[] = [];
  const destroyed: string[] = [];
  page.on('console', (message) => message.text().startsWith('zimu-test: destroyed') && destroyed.push(message.text()));
  page.on('worker', (worker) => {
    workers.push(worker);
    void worker.evaluate(loseGpuAfterFirstCues).catch(() => undefined); // a worker may be gone first
  });
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'auto' });
  await chooseFile(page, THREE_MINUTES);
  await expect(page.getByTestId('device')).toHaveAttribute('data-device', 'webgpu', { timeout: 120_000 });
  await expectDone(page, 300_000);

  expect(destroyed, 'the GPU device was destroyed inside the transcriber').toEqual(['zimu-test: destroyed 1 GPU device(s)']);
  // The transcriber that lost its GPU was replaced by a fresh one (see transcriber.ts).
  expect(workers.filter((w) => w.url().includes('transcriber')).length).toBe(2);
  await expect(page.getByTestId('device')).toHaveAttribute('data-device', 'wasm');
  await expect(page.getByTestId('fallback')).toBeVisible();
  // No window lost or recognised twice: the same cues as the WASM-only run.
  expect(await shownCues(page)).toEqual(reference);
});
