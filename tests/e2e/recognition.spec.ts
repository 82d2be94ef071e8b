import { expect, test } from '@playwright/test';
import { FRENCH_CUES, TEST_MODELS } from '../fixtures/models/generate.ts';
import { asShown, chooseFile, expectDone, openApp, SAMPLE, shownCues } from './support/app.ts';

test('with no language chosen, Whisper’s detection finds French and the cues are decoded as French', async ({ page }) => {
  // This scripted model's first token after <|startoftranscript|> is <|fr|>, whatever the audio.
  await openApp(page, { modelId: TEST_MODELS.french, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  const detected = page.getByTestId('detected-language');
  await expect(detected).toHaveAttribute('data-language', 'fr');
  await expect(detected).toContainText('French');
  await expect(detected).toContainText('100%');
  expect(await shownCues(page)).toEqual(asShown(FRENCH_CUES));
  await page.getByTestId('locale-zh-CN').click();
  await expect(detected).toContainText('法语');
});

test('a language chosen in Settings is used as is: nothing is detected', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-language').selectOption('en');
  await page.getByTestId('settings-close').click();
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  await expect(page.getByTestId('detected-language')).toHaveCount(0);
  expect((await shownCues(page)).length).toBe(2);
});

test('the repetition guard leaves no looping cue and says what it removed', async ({ page }) => {
  // This scripted model says " the" sixty times: Whisper's best-known failure.
  await openApp(page, { modelId: TEST_MODELS.looping, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  // Sixty " the" become one: exactly what survives, and the count of lines it trimmed.
  expect((await shownCues(page)).map((cue) => cue.text)).toEqual(['the']);
  await expect(page.getByTestId('loops-removed')).toBeVisible();
  await expect(page.getByTestId('loops-removed')).toContainText('Removed 1 repeated');
});
