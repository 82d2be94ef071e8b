import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CHAT_TEST_MODELS, scriptedTranslation } from '../fixtures/models/chat-models.ts';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { oneLine } from '../../src/lib/llm/prompts.ts';
import { MODEL_HOST, openApp, ROOT, shownCues } from './support/app.ts';
import { shownTranslations } from './support/llm.ts';
import { cachedRow, modelDir, openModels } from './support/models.ts';

test('a language model imported from a folder translates with the model host unreachable', async ({ page }) => {
  let attempts: string[] = [];
  await page.context().route(`${MODEL_HOST}/**`, (route) => {
    attempts.push(`${route.request().method()} ${route.request().url()}`);
    return route.abort('internetdisconnected');
  });
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  // A transcript without any speech model: an SRT file opened on its own.
  await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'tests/fixtures/subtitles/lecture.srt'));
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'imported');
  const cues = await shownCues(page);

  await openModels(page);
  await page.getByTestId('import-folder').setInputFiles(modelDir(CHAT_TEST_MODELS.chatScripted));
  await expect(page.getByTestId('import-plan')).toHaveAttribute('data-kind', 'chat');
  await expect(page.getByTestId('import-lacks')).toHaveCount(0);
  await expect(page.getByTestId('import-id')).toHaveValue('chat-scripted');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-done')).toHaveAttribute('data-kind', 'chat');
  const row = cachedRow(page, 'chat-scripted');
  await expect(row).toHaveAttribute('data-kind', 'chat');
  await row.getByTestId('cached-model-use').click(); // becomes the in-browser translator
  await page.getByTestId('settings-close').click();
  // Only the speech model picker's size probes (HEAD) went out so far, never the language model's.
  expect(attempts.filter((a) => !a.startsWith('HEAD ') || a.includes('chat-scripted'))).toEqual([]);

  attempts = [];
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect(await shownTranslations(page)).toEqual(cues.map((cue) => scriptedTranslation(oneLine(cue.text))));
  expect(attempts).toEqual([]);
});
