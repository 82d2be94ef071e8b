import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CHINESE_TEXT, TEST_MODELS } from '../fixtures/models/generate.ts';
import { checkCue } from '../../src/lib/subtitles/segment/check.ts';
import { displayWidth, PROFILES } from '../../src/lib/subtitles/segment/profiles.ts';
import { chooseFile, expectDone, MEDIA, openApp, SAMPLE, shownCues } from './support/app.ts';

test('the scripted model with word timings over 3 minutes gives cues that all satisfy the English profile', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-words').setChecked(true);
  await page.getByTestId('settings-close').click();
  await chooseFile(page, path.join(MEDIA, 'speech-3min.mp4'));
  await expectDone(page);
  const cues = await shownCues(page);
  expect(cues.length).toBeGreaterThanOrEqual(13);
  const profile = PROFILES['netflix-en'];
  // The scripted model says its 3.4 s lines in every window, also in the last 1.1 s of the file:
  // a cue the end of the media cuts short cannot be slowed down, so only it may be too fast.
  const duration = 180;
  cues.forEach((cue, i) => {
    const issues = checkCue(cue, profile, cues[i + 1]).filter((issue) => !(issue.kind === 'too-fast' && cue.end === duration));
    expect(issues, `cue ${i + 1}: ${JSON.stringify(cue)}`).toEqual([]);
  });
});

test('a Chinese script is cut as it streams into cues of at most 2 lines of 16 characters, with no text lost', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.chinese, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  await expect(page.getByTestId('detected-language')).toHaveAttribute('data-language', 'zh');
  const cues = await shownCues(page);
  expect(cues.length).toBeGreaterThan(1); // 41 characters do not fit one cue of 2 × 16
  const profile = PROFILES['netflix-zh-hans'];
  for (const cue of cues) {
    const lines = cue.text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(2);
    for (const line of lines) expect(displayWidth(line, profile), line).toBeLessThanOrEqual(16);
  }
  expect(cues.map((c) => c.text.replace(/\s/g, '')).join('')).toBe(CHINESE_TEXT);
  for (let i = 1; i < cues.length; i++) expect(cues[i]?.start).toBeGreaterThanOrEqual(cues[i - 1]?.end ?? Infinity);
});
