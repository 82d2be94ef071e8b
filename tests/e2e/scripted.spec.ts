import { expect, test } from '@playwright/test';
import { SCRIPTED_CUES, TEST_MODELS } from '../fixtures/models/generate.ts';
import { parseSrt } from '../../src/lib/subtitles/srt.ts';
import { parseVtt } from '../../src/lib/subtitles/vtt.ts';
import { asShown, chooseFile, expectDone, downloadText, openApp, SAMPLE, shownCues } from './support/app.ts';

test('the sample video through the file input gives exactly the scripted cues, in the UI and in SRT and VTT', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);

  const expected = asShown(SCRIPTED_CUES);
  expect(await shownCues(page)).toEqual(expected);
  await expect(page.getByTestId('device')).toHaveAttribute('data-device', 'wasm');

  const srt = await downloadText(page, 'download-srt');
  expect(srt.name).toBe('sample.srt');
  expect(parseSrt(srt.text)).toEqual(expected);

  const vtt = await downloadText(page, 'download-vtt');
  expect(vtt.name).toBe('sample.vtt');
  expect(parseVtt(vtt.text)).toEqual(expected);
});

test('"Try the sample" runs the bundled sample video without a file of one\'s own', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await page.getByTestId('try-sample').click();
  await expectDone(page);
  expect(await shownCues(page)).toEqual(asShown(SCRIPTED_CUES));
  await expect(page.getByTestId('preview')).toBeVisible();
});
