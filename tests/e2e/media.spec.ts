import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MEDIA, openApp, SAMPLE, shownCues, waitForEnd } from './support/app.ts';
import { browserPcm, expectSamePcm, nativePcm } from './support/native.ts';

const scripted = { modelId: TEST_MODELS.scripted, device: 'wasm' } as const;

test('the PCM extracted in the browser equals native ffmpeg\'s, sample for sample', async ({ page }) => {
  const file = path.join(MEDIA, 'speech-3min.mp4');
  await openApp(page, scripted);
  await chooseFile(page, file);
  await expectDone(page);
  const browser = await browserPcm(page);
  expect(browser.sampleRate).toBe(16_000);
  expectSamePcm(browser.pcm, nativePcm(file));
});

for (const [fixture, code, en, zh] of [
  ['no-audio.mp4', 'no-audio-stream', 'has no audio track', '没有音轨'],
  ['not-media.mp4', 'not-media', 'is not a video or audio file', '不是可读取的视频或音频文件'],
] as const) {
  test(`${fixture} ends in a clear, translated message and the page takes the next file`, async ({ page }) => {
    await openApp(page, scripted);
    await chooseFile(page, path.join(MEDIA, fixture));
    expect(await waitForEnd(page)).toBe('failed');
    await expect(page.getByTestId('error')).toHaveAttribute('data-code', code);
    await expect(page.getByTestId('error-message')).toContainText(en);
    await page.getByTestId('locale-zh-CN').click();
    await expect(page.getByTestId('error-message')).toContainText(zh);

    // Still usable: the next file runs to the end.
    await chooseFile(page, SAMPLE);
    await expect(page.getByTestId('error')).toBeHidden();
    await expectDone(page);
    expect((await shownCues(page)).length).toBe(2);
  });
}

test('an empty file gets its own message', async ({ page }) => {
  await openApp(page, scripted);
  await page.getByTestId('file-input').setInputFiles({ name: 'empty.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(0) });
  expect(await waitForEnd(page)).toBe('failed');
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'empty-file');
});
