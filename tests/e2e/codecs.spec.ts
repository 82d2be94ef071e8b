import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MEDIA, openApp, SAMPLE, shownCues, waitForEnd } from './support/app.ts';
import { browserPcm, expectSamePcm, nativePcm } from './support/native.ts';

const CODECS = path.join(MEDIA, 'codecs');
/** Fixtures with their own tests (several tracks, damage, VAD). */
const SPECIAL = new Set(['two-tracks.mkv', 'two-tracks.mp4', 'truncated.mp4', 'speech-gap-speech.m4a', 'README.md']);

/**
 * What each fixture must give: every one decodes today. A fixture whose codec the ffmpeg.wasm
 * build lacked would be listed as 'unsupported' with the codec name the UI must show.
 */
const EXPECTED: Readonly<Record<string, 'decodes' | { unsupported: string }>> = {
  'aac.aac': 'decodes',
  'aac.m4a': 'decodes',
  'ac3.mkv': 'decodes',
  'eac3.mkv': 'decodes',
  'flac.flac': 'decodes',
  'flv-mp3.flv': 'decodes',
  'h264-aac.mkv': 'decodes',
  'h264-aac.mov': 'decodes',
  'h264-aac.ts': 'decodes',
  'mp3.mp3': 'decodes',
  'mpeg2-mp2.mpg': 'decodes',
  'mpeg4-mp3.avi': 'decodes',
  'opus.ogg': 'decodes',
  'opus.webm': 'decodes',
  'pcm_s16le.wav': 'decodes',
  'vorbis.ogg': 'decodes',
  'vp9-opus.webm': 'decodes',
  'wmav2.wma': 'decodes',
  'wmv2-wmav2.wmv': 'decodes',
};

test('the outcome table lists every codec and container fixture', () => {
  const files = readdirSync(CODECS).filter((f) => !SPECIAL.has(f)).sort();
  expect(files).toEqual(Object.keys(EXPECTED).sort());
});

test('every codec and container fixture gives its expected outcome; decoded audio equals native ffmpeg\'s', async ({ page }) => {
  const files = Object.keys(EXPECTED);
  test.setTimeout(150_000 + files.length * 25_000);
  await test.step('cold start: engine and model load once, with their own budget', async () => {
    await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
    await chooseFile(page, SAMPLE);
    await expectDone(page, 120_000);
  });
  for (const file of files) {
    await test.step(file, async () => {
      const expected = EXPECTED[file];
      await chooseFile(page, path.join(CODECS, file));
      const end = await waitForEnd(page, 20_000);
      if (expected === 'decodes') {
        expect(end, `${file} ends done`).toBe('done');
        expect((await shownCues(page)).length, `${file} has cues`).toBeGreaterThan(0);
        expectSamePcm((await browserPcm(page)).pcm, nativePcm(path.join(CODECS, file)), file);
      } else {
        expect(end, `${file} fails`).toBe('failed');
        await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'unsupported-codec');
        await expect(page.getByTestId('error-message')).toContainText(expected?.unsupported ?? '');
      }
    });
  }
});
