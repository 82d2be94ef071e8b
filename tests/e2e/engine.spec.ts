import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, expectWellFormed, exportedCues, MEDIA, openApp, SAMPLE, shownCues } from './support/app.ts';

test('when WebGPU fails to load the model, recognition falls back to WASM, says so, and produces cues', async ({ page }) => {
  // This repository lacks the 4-bit decoder that the WebGPU path loads: a real-world failure.
  await openApp(page, { modelId: 'zimu-test/whisper-micro-no-webgpu', device: 'auto', maxTokens: 8 });
  await chooseFile(page, path.join(MEDIA, 'clip-10s.mp4'));
  await expectDone(page);
  await expect(page.getByTestId('device')).toHaveAttribute('data-device', 'wasm');
  await expect(page.getByTestId('fallback')).toBeVisible();
  const cues = await shownCues(page);
  expect(cues.length).toBeGreaterThan(0);
  expectWellFormed(cues, 9.1);
});

test('with word timings on, every word lies inside its cue and words are ordered', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-words').setChecked(true);
  await page.getByTestId('settings-close').click();
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  const cues = (await exportedCues(page)).map((cue) => ({ ...cue, words: cue.words ?? [] }));
  expect(cues.length).toBeGreaterThan(0);
  const words = cues.flatMap((c) => c.words);
  expect(words.map((w) => w.text.trim()).join(' ')).toBe('Hello from Zimu. These subtitles run in your browser.');
  for (const cue of cues) {
    let previous = cue.start;
    for (const word of cue.words) {
      expect(word.start).toBeGreaterThanOrEqual(previous);
      expect(word.end).toBeGreaterThanOrEqual(word.start);
      expect(word.end).toBeLessThanOrEqual(cue.end);
      previous = word.end;
    }
  }
});
