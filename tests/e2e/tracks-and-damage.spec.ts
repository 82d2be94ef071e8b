import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MEDIA, openApp, shownCues } from './support/app.ts';
import { browserPcm, correlation, expectSamePcm, nativePcm } from './support/native.ts';

const CODECS = path.join(MEDIA, 'codecs');
const scripted = { modelId: TEST_MODELS.scripted, device: 'wasm' } as const;

test('a file with two audio tracks lists both, and choosing the second transcribes the second', async ({ page }) => {
  const file = path.join(CODECS, 'two-tracks.mkv');
  await openApp(page, scripted);
  await chooseFile(page, file);
  const picker = page.getByTestId('track-picker');
  await expect(picker).toBeVisible();
  // The language tags (eng, fra) by name; the titles only name them again, so they are left out.
  await expect(picker).toContainText('English');
  await expect(picker).toContainText('French');
  await expect(page.getByTestId('track-0')).toBeChecked();

  await page.getByTestId('track-1').check();
  await page.getByTestId('track-start').click();
  await expectDone(page);
  expect((await shownCues(page)).length).toBeGreaterThan(0);

  // The audio that went to recognition is the second track (a tone), not the first (speech).
  const { pcm } = await browserPcm(page);
  expectSamePcm(pcm, nativePcm(file, 1), 'second track');
  expect(Math.abs(correlation(pcm, nativePcm(file, 0)))).toBeLessThan(0.5);
});

test('the track in the chosen spoken language is preselected', async ({ page }) => {
  await openApp(page, scripted);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-language').selectOption('fr');
  await page.getByTestId('settings-close').click();
  await chooseFile(page, path.join(CODECS, 'two-tracks.mkv'));
  await expect(page.getByTestId('track-1')).toBeChecked();
});

test('a truncated mp4 keeps the cues before the damage and says where it stopped', async ({ page }) => {
  await openApp(page, scripted);
  await chooseFile(page, path.join(CODECS, 'truncated.mp4'));
  await expectDone(page);
  const damage = page.getByTestId('damage');
  await expect(damage).toBeVisible();
  const at = Number(await damage.getAttribute('data-at'));
  expect(at).toBeGreaterThan(75);
  expect(at).toBeLessThan(85);
  await expect(damage).toContainText('1:2'); // 1:20 or 1:21, shown to the user
  const cues = await shownCues(page);
  expect(cues.length).toBeGreaterThan(0);
  expect(Math.max(...cues.map((c) => c.end))).toBeLessThanOrEqual(at + 0.001);
  expect(Math.max(...cues.map((c) => c.end))).toBeGreaterThan(60);
});

test.describe('voice activity detection on speech, 60 s of silence, speech', () => {
  const file = path.join(CODECS, 'speech-gap-speech.m4a');
  // Speech measured on the rendered fixture: 0.50–5.41 s and 65.41–70.97 s.
  const silence = { from: 5.41 + 0.5, to: 65.41 - 0.5 };

  test('with VAD on, no cue starts or ends inside the silence', async ({ page }) => {
    await openApp(page, { ...scripted, vad: true });
    await chooseFile(page, file);
    await expectDone(page);
    const cues = await shownCues(page);
    expect(cues.length).toBeGreaterThanOrEqual(2);
    for (const cue of cues) {
      expect(cue.start > silence.from && cue.start < silence.to, `start ${cue.start}`).toBe(false);
      expect(cue.end > silence.from && cue.end < silence.to, `end ${cue.end}`).toBe(false);
    }
    expect(cues.some((c) => c.start >= 65)).toBe(true);
  });

  test('with VAD off, the silence is transcribed', async ({ page }) => {
    await openApp(page, { ...scripted, vad: false });
    await chooseFile(page, file);
    await expectDone(page);
    const cues = await shownCues(page);
    expect(cues.some((c) => c.start > silence.from && c.start < silence.to)).toBe(true);
  });
});
