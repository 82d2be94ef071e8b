import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { APP_PORT, CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../../playwright.config.ts';
import { SCRIPTED_CUES, TEST_MODELS } from '../fixtures/models/generate.ts';
import { formatElapsed } from '../../src/lib/media/recording.ts';
import { asShown, clickDownload, expectDone, expectWellFormed, MEDIA, openApp, shownCues } from './support/app.ts';
import { browserPcm, expectSamePcm, nativePcm } from './support/native.ts';

/**
 * Chromium's fake microphone plays a WAV file (16-bit PCM, looped): ten seconds of the speech
 * fixture, made here with native ffmpeg. It must exist before the browser starts, so it is made
 * when this file loads.
 */
const SPEECH_WAV = path.join(tmpdir(), 'zimu-e2e-speech-10s-s16.wav');
if (!existsSync(SPEECH_WAV)) {
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', path.join(MEDIA, 'speech-3min.mp4'), '-t', '10', '-ac', '1', '-ar', '48000', '-c:a', 'pcm_s16le', SPEECH_WAV]);
}
const FAKE_DEVICE = ['--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${SPEECH_WAV}`];

/** A tab of its own that plays the speech, for "Record a tab's sound"; Chromium's picker takes it by title. */
const SPEECH_TAB = 'Speech tab';
const TAB_CAPTURE = [`--auto-select-tab-capture-source-by-title=${SPEECH_TAB}`, '--autoplay-policy=no-user-gesture-required'];

// Permission prompts answered yes, the fake device as the only microphone, the speech tab shared.
test.use({ launchOptions: { executablePath: SYSTEM_CHROMIUM, args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', ...FAKE_DEVICE, ...TAB_CAPTURE] } });

/** Long enough for both scripted cues (they end at 5.8 s). */
const RECORD_MS = 7000;

test('a microphone recording becomes subtitles through the same pipeline as a file, and can be saved', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await page.getByTestId('record-microphone').click();
  await expect(page.getByTestId('recording')).toBeVisible();
  // The meter hears the fake microphone's speech.
  await expect.poll(() => page.getByTestId('recording-level').evaluate((meter: HTMLMeterElement) => meter.value)).toBeGreaterThan(0);
  // Choosing a file is off while recording; the keyboard's focus is on Stop.
  await expect(page.getByTestId('record-microphone')).toBeDisabled();
  await expect(page.getByTestId('recording-stop')).toBeFocused();
  await expect.poll(async () => Number(await page.getByTestId('recording-elapsed').getAttribute('data-ms')), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(RECORD_MS);
  await page.getByTestId('recording-stop').click();
  // The length as the recorder timed it at Stop, shown on the save link.
  await expect(page.getByTestId('recording-save')).toBeVisible();
  const recordedMs = Number(await page.getByTestId('recording-save').getAttribute('data-ms'));
  expect(recordedMs).toBeGreaterThanOrEqual(RECORD_MS);
  await expect(page.getByTestId('recording-save')).toContainText(`Save recording (${formatElapsed(recordedMs)}, `);

  await expect(page.getByTestId('file-name')).toContainText(/recording-\d{4}-\d\d-\d\d-\d{6}\.webm/);
  await expectDone(page);
  // The WebM was given the duration MediaRecorder leaves out, so the run knows how long it is.
  await expect(page.getByTestId('file-name')).not.toContainText('…');
  // The scripted model says its script whatever it hears: both cues, in order, inside the recording.
  const cues = await shownCues(page);
  expect(cues).toEqual(asShown(SCRIPTED_CUES));
  expectWellFormed(cues, recordedMs / 1000 + 1);

  // "Save recording" gives the very file that was recognised: native ffmpeg decodes it to the
  // same PCM the app extracted, as long as the time recorded (Opus frames, and the recorder starting and stopping a moment apart from the clock: within 0.5 s), and
  // reads that length from the file's own header.
  const saved = await clickDownload(page, 'recording-save');
  expect(saved.suggestedFilename()).toMatch(/^recording-\d{4}-\d\d-\d\d-\d{6}\.webm$/);
  const savedPath = await saved.path();
  const native = nativePcm(savedPath);
  expect(Math.abs(native.length / 16_000 - recordedMs / 1000)).toBeLessThan(0.5);
  const duration = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', savedPath], { encoding: 'utf8' });
  expect(Math.abs(Number(duration) - recordedMs / 1000)).toBeLessThan(0.5);
  console.log(`recording: clock ${recordedMs / 1000} s, decoded ${native.length / 16_000} s, header ${Number(duration)} s`);
  expectSamePcm((await browserPcm(page)).pcm, native, 'recording');
});

test('"Record a tab’s sound" records another tab playing speech and hands the recording on', async ({ page, context, baseURL }) => {
  const tabUrl = `${baseURL}/e2e-speech-tab.html`;
  await context.route(tabUrl, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><title>${SPEECH_TAB}</title><audio src="speech.wav" autoplay loop></audio>`,
  }));
  await context.route(`${baseURL}/speech.wav`, (route) => route.fulfill({ path: SPEECH_WAV, contentType: 'audio/wav' }));
  const tab = await context.newPage();
  await tab.goto(tabUrl);
  await expect.poll(() => tab.evaluate(() => document.querySelector('audio')?.currentTime ?? 0)).toBeGreaterThan(0);

  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await page.getByTestId('record-display').click();
  await expect(page.getByTestId('recording')).toContainText('shared tab');
  await expect.poll(() => page.getByTestId('recording-level').evaluate((meter: HTMLMeterElement) => meter.value)).toBeGreaterThan(0);
  await expect.poll(async () => Number(await page.getByTestId('recording-elapsed').getAttribute('data-ms'))).toBeGreaterThanOrEqual(3000);
  await page.getByTestId('recording-stop').click();
  await expect(page.getByTestId('file-name')).toContainText(/recording-.*\.webm/);

  // What was saved is the other tab's speech, not silence: loud enough, and about as long.
  const saved = await clickDownload(page, 'recording-save');
  const pcm = nativePcm(await saved.path());
  expect(pcm.length / 16_000).toBeGreaterThan(2.5);
  const rms = Math.sqrt(pcm.reduce((sum, sample) => sum + sample * sample, 0) / pcm.length);
  expect(rms).toBeGreaterThan(0.01);
  await tab.close();
});

test('a refused microphone shows its message, and nothing starts', async () => {
  // No fake UI: the permission prompt is refused, as a user clicking "Block" would.
  const browser = await chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: [...CHROMIUM_ARGS, ...FAKE_DEVICE] });
  try {
    const page = await browser.newPage({ baseURL: `http://127.0.0.1:${APP_PORT}` });
    await page.goto('/');
    await page.getByTestId('record-microphone').click();
    const error = page.getByTestId('error');
    await expect(error).toHaveAttribute('data-code', 'recording-denied');
    await expect(page.getByTestId('error-message')).toContainText('may not use the microphone');
    await expect(page.getByTestId('recording')).toHaveCount(0);
    await expect(page.getByTestId('file-name')).toHaveCount(0);
    // The same message in Chinese.
    await page.getByTestId('locale-zh-CN').click();
    await expect(page.getByTestId('error-message')).toContainText('没有获得麦克风权限');
    // Dismissed, it can be tried again.
    await error.getByRole('button').click();
    await expect(error).toHaveCount(0);
    await expect(page.getByTestId('record-microphone')).toBeEnabled();
  } finally {
    await browser.close();
  }
});
