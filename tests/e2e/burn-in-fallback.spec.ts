import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  burnAndSave, BURN_INPUT as INPUT, expectBurnedLikeSource, expectSubtitleBandDiffers, openBurnIn, sampleTimes, transcribeAndTranslate as transcribe,
} from './support/export-burn.ts';
import { frameCountAndDuration } from './support/export-frames.ts';
import { holdWrites, pickerLog, privateFiles } from './support/export-picker.ts';
import { TEST_KEY } from './support/llm.ts';
import { OpenAiTestServer } from './support/openai-server.ts';

/**
 * Burn-in where WebCodecs has no encoder: the page's `VideoEncoder` is taken away before the app
 * loads, so the dialog must choose the ffmpeg.wasm fallback (libass + x264) and say it is slow.
 */
const server = new OpenAiTestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());
test.beforeEach(() => server.reset({ key: TEST_KEY }));

/** A font file with Latin only: served for every subset file, the Chinese comes out as boxes (tofu). */
const LATIN_ONLY_FONT = readFileSync('node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-latin-700-normal.woff');

async function withoutWebCodecs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Reflect.deleteProperty(globalThis, 'VideoEncoder');
  });
}

async function transcribeAndTranslate(page: Page) {
  await withoutWebCodecs(page);
  return transcribe(page, server);
}

/** Opens the dialog and checks it chose the fallback and says so before anything starts. */
async function openFallback(page: Page, testInfo: Parameters<typeof openBurnIn>[1]): Promise<string> {
  const { path, codec, container } = await openBurnIn(page, testInfo);
  expect(path).toBe('ffmpeg');
  expect(codec).toBe('x264');
  expect(container).toBe('mp4');
  await expect(page.getByTestId('burn-in-path')).toHaveAttribute('data-path', 'ffmpeg');
  await expect(page.getByTestId('burn-in-path')).toContainText(/software.*slow/iu);
  const seconds = Number(await page.getByTestId('burn-in-estimate').getAttribute('data-seconds'));
  expect(seconds).toBeGreaterThan(0);
  return container;
}

test('fallback burn-in (no WebCodecs): ffmpeg.wasm with libass and x264; frames and duration kept, the subtitle only where it belongs, Chinese not tofu', async ({ page }, testInfo) => {
  test.setTimeout(360_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const { translation } = await transcribeAndTranslate(page);
  expect(await page.evaluate(() => typeof Reflect.get(globalThis, 'VideoEncoder'))).toBe('undefined');
  const container = await openFallback(page, testInfo);
  const output = await burnAndSave(page, testInfo, container, 'fallback-with-font');
  expect(await pickerLog(page)).toEqual(expect.arrayContaining([`pick clip-10s.burned.mp4 video/mp4`, 'close']));

  await expectBurnedLikeSource(output, translation, testInfo);
  const { inside } = sampleTimes(translation);

  await test.step('the font came from our origin as WOFF (what ffmpeg’s FreeType reads), only the subsets needed', () => {
    const woff = requests.filter((url) => /noto-sans-sc-[^/]*\.woff$/u.test(url));
    expect(woff.length).toBeGreaterThan(0);
    expect(woff.length).toBeLessThan(40);
    for (const url of requests.filter((u) => u.startsWith('http'))) expect(['127.0.0.1', 'localhost'], url).toContain(new URL(url).hostname);
  });

  await test.step('Chinese renders in the font (with a Latin-only font it comes out as boxes)', async () => {
    await page.getByTestId('burn-in-close').click();
    await page.context().route(/noto-sans-sc-[^/]*\.woff$/u, (route) => route.fulfill({ body: LATIN_ONLY_FONT, contentType: 'font/woff' }));
    const again = await page.context().newPage();
    const { translation: same } = await transcribeAndTranslate(again);
    expect(same.map((cue) => cue.text)).toEqual(translation.map((cue) => cue.text));
    await openFallback(again, testInfo);
    const tofu = await burnAndSave(again, testInfo, container, 'fallback-tofu');
    expectSubtitleBandDiffers(output, tofu, inside, testInfo, 'font vs. boxes');
    await again.close();
  });
});

test('fallback burn-in: cancel discards the partial file, claims nothing, and the next burn works', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await transcribeAndTranslate(page);
  const container = await openFallback(page, testInfo);
  await holdWrites(page, true);
  await page.getByTestId('burn-in-start').click();
  await expect(page.getByTestId('burn-in')).toHaveAttribute('data-status', 'running');
  await expect.poll(() => pickerLog(page)).toContain('write asked');
  await page.getByTestId('burn-in-cancel').click();
  await expect(page.getByTestId('burn-in')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('burn-in-cancelled')).toBeVisible();
  await expect(page.getByTestId('burn-in-saved')).toHaveCount(0);
  await expect.poll(() => pickerLog(page)).toEqual(expect.arrayContaining(['abort', 'aborted']));
  expect(await pickerLog(page)).not.toContain('close');
  await holdWrites(page, false);
  await expect.poll(() => privateFiles(page)).not.toContain(`picked-clip-10s.burned.${container}`);
  const output = await burnAndSave(page, testInfo, container, 'fallback-after-cancel');
  expect(frameCountAndDuration(output).frames).toBe(frameCountAndDuration(INPUT).frames);
});

test('fallback burn-in with none of the font’s files to be had says so and cannot start (libass would draw nothing)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.context().route(/noto-sans-sc-[^/]*\.woff$/u, (route) => route.abort());
  await transcribeAndTranslate(page);
  await page.getByTestId('burn-in-open').click();
  const failure = page.getByTestId('burn-in').getByRole('alert');
  await expect(failure).toBeVisible({ timeout: 90_000 });
  await expect(failure).toContainText('The subtitle font could not be loaded');
  await expect(page.getByTestId('burn-in')).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('burn-in-start')).toBeDisabled();
});
