import { expect, test, type Page } from '@playwright/test';
import { burnAndSave, BURN_HEIGHT as HEIGHT, BURN_INPUT as INPUT, BURN_WIDTH as WIDTH, expectBurnedLikeSource, expectSubtitleBandDiffers, openBurnIn, sampleTimes, transcribeAndTranslate as transcribe } from './support/export-burn.ts';
import { frameCountAndDuration } from './support/export-frames.ts';
import { holdWrites, pickerLog, privateFiles } from './support/export-picker.ts';
import { TEST_KEY } from './support/llm.ts';
import { OpenAiTestServer } from './support/openai-server.ts';

const server = new OpenAiTestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());
test.beforeEach(() => server.reset({ key: TEST_KEY }));

const transcribeAndTranslate = (page: Page) => transcribe(page, server);

/** Which of the encoders burn-in tries this Chromium has, at the clip's size. */
async function encoders(page: Page): Promise<Record<string, boolean>> {
  return page.evaluate(async ({ width, height }) => {
    const codecs: Record<string, string> = { h264: 'avc1.42001f', vp9: 'vp09.00.10.08', av1: 'av01.0.04M.08', vp8: 'vp8' };
    const found: Record<string, boolean> = {};
    for (const [name, codec] of Object.entries(codecs)) {
      found[name] = typeof VideoEncoder !== 'undefined' && (await VideoEncoder.isConfigSupported({ codec, width, height }).then((r) => r.supported === true, () => false));
    }
    return found;
  }, { width: WIDTH, height: HEIGHT });
}

/** Share of the preview canvas's pixels that are drawn on (not transparent). */
function previewInk(page: Page): Promise<number> {
  return page.getByTestId('burn-in-preview').evaluate((canvas) => {
    if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0 || canvas.height === 0) return 0;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!data) return 0;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) inked++;
    return inked / (data.length / 4);
  });
}

test('burn-in: frames and duration kept, the subtitle drawn where it belongs and nowhere else, Chinese in the self-hosted font', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const { translation } = await transcribeAndTranslate(page);
  const found = await encoders(page);
  testInfo.annotations.push({ type: 'encoders in this Chromium', description: JSON.stringify(found) });
  test.skip(!Object.values(found).some(Boolean), 'this Chromium has no video encoder');
  const { path, codec, container } = await openBurnIn(page, testInfo);
  expect(path).toBe('webcodecs');
  await expect(page.getByTestId('burn-in-path')).toHaveAttribute('data-path', 'webcodecs');
  expect(container).toBe(found.h264 ? 'mp4' : 'webm');
  testInfo.annotations.push({ type: 'burn-in encoder', description: `${codec} in ${container}` });
  await test.step('the live preview draws the cue over the video', async () => {
    const { inside } = sampleTimes(translation);
    await page.getByTestId('preview').evaluate((video, time) => {
      if (video instanceof HTMLVideoElement) video.currentTime = time;
    }, inside);
    await expect.poll(() => previewInk(page)).toBeGreaterThan(0.005);
  });
  const output = await burnAndSave(page, testInfo, container, 'with-font');
  expect(await pickerLog(page)).toEqual(expect.arrayContaining([`pick clip-10s.burned.${container} video/${container}`, 'close']));

  await expectBurnedLikeSource(output, translation, testInfo);
  const { inside } = sampleTimes(translation);

  const fontFiles = requests.filter((url) => /noto-sans-sc-[^/]*\.woff2/u.test(url));
  await test.step('the font came from our origin, and only the subsets the text needs', () => {
    expect(fontFiles.length).toBeGreaterThan(0);
    expect(fontFiles.length).toBeLessThan(60);
    for (const url of fontFiles) expect(new URL(url).origin).toBe(new URL(page.url()).origin);
    for (const url of requests.filter((u) => u.startsWith('http'))) expect(['127.0.0.1', 'localhost'], url).toContain(new URL(url).hostname);
  });

  await test.step('Chinese renders in the font (a burn with the font missing draws something else)', async () => {
    await page.getByTestId('burn-in-close').click();
    // A fresh page, whose font requests fail: the text falls back to whatever the system has.
    await page.context().route(/noto-sans-sc-[^/]*\.woff2/u, (route) => route.abort());
    const again = await page.context().newPage();
    const { translation: same } = await transcribeAndTranslate(again);
    expect(same.map((cue) => cue.text)).toEqual(translation.map((cue) => cue.text));
    await openBurnIn(again, testInfo);
    const fallback = await burnAndSave(again, testInfo, container, 'font-missing');
    expectSubtitleBandDiffers(output, fallback, inside, testInfo, 'font vs. no font');
    await again.close();
  });
});

test('cancel mid-burn discards the partial file, claims nothing, and the next burn works', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await transcribeAndTranslate(page);
  const found = await encoders(page);
  test.skip(!Object.values(found).some(Boolean), 'this Chromium has no video encoder');
  const { container } = await openBurnIn(page, testInfo);
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
  // The page is still usable: the next burn-in completes.
  const output = await burnAndSave(page, testInfo, container, 'after-cancel');
  expect(frameCountAndDuration(output).frames).toBe(frameCountAndDuration(INPUT).frames);
});
