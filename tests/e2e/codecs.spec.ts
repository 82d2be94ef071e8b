import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, MEDIA, openApp, shownCues, waitForEnd } from './support/app.ts';

const CODECS = path.join(MEDIA, 'codecs');
/** Fixtures with their own tests (several tracks, damage, VAD). */
const SPECIAL = new Set(['two-tracks.mkv', 'two-tracks.mp4', 'truncated.mp4', 'speech-gap-speech.m4a', 'README.md']);
const files = readdirSync(CODECS).filter((f) => !SPECIAL.has(f)).sort();

test('every codec and container fixture reaches cues or a clear "unsupported" message, never a hang', async ({ page }) => {
  test.setTimeout(60_000 + files.length * 20_000);
  expect(files.length).toBeGreaterThanOrEqual(18);
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  const outcomes: Record<string, string> = {};
  for (const file of files) {
    await chooseFile(page, path.join(CODECS, file));
    const end = await waitForEnd(page, 20_000);
    if (end === 'done') {
      outcomes[file] = (await shownCues(page)).length > 0 ? 'cues' : 'no cues';
    } else {
      const code = await page.getByTestId('error').getAttribute('data-code');
      outcomes[file] = code === 'unsupported-codec' ? `unsupported: ${await page.getByTestId('error-message').textContent()}` : `failed: ${code}`;
    }
  }
  for (const [file, outcome] of Object.entries(outcomes)) {
    expect(outcome === 'cues' || outcome.startsWith('unsupported: '), `${file}: ${outcome}`).toBe(true);
  }
  console.log(outcomes);
});
