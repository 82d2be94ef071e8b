import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, openApp, SAMPLE } from './support/app.ts';
import { configureProvider, shownTranslations, TEST_KEY } from './support/llm.ts';
import { OpenAiTestServer } from './support/openai-server.ts';

const server = new OpenAiTestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());

test('translations stay with their cues through edits, marked out of date, and only those lines are translated again', async ({ page }) => {
  server.reset({ key: TEST_KEY });
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  await configureProvider(page, server);
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
  const rows = page.getByTestId('cue');
  const ids = await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));
  expect(await shownTranslations(page)).toEqual(['译1：Hello from Zimu.', '译2：These subtitles run in your browser.']);

  await test.step('an edited cue keeps its translation, marked out of date', async () => {
    await rows.nth(0).getByTestId('cue-text').click();
    await page.getByTestId('cue-text-input').fill('Hello from the studio.');
    await page.keyboard.press('Escape');
    await expect(rows.nth(0).getByTestId('translation-stale')).toBeVisible();
    await expect(rows.nth(1).getByTestId('translation-stale')).toHaveCount(0);
    expect(await shownTranslations(page)).toEqual(['译1：Hello from Zimu.', '译2：These subtitles run in your browser.']);
  });

  await test.step('split: the first part keeps the id and the translation (out of date), the second is new and has none', async () => {
    await page.getByTestId('preview').evaluate((video) => {
      if (video instanceof HTMLVideoElement) video.currentTime = 4;
    });
    await expect(page.getByTestId('split')).toBeEnabled();
    await page.getByTestId('split').click();
    await expect(page.getByTestId('cues')).toHaveAttribute('data-count', '3');
    const after = await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));
    expect(after[0]).toBe(ids[0]);
    expect(after[1]).toBe(ids[1]);
    expect(ids).not.toContain(after[2]);
    expect(await shownTranslations(page)).toEqual(['译1：Hello from Zimu.', '译2：These subtitles run in your browser.', '…']);
    await expect(rows.nth(1).getByTestId('translation-stale')).toBeVisible();
  });

  await test.step('merge: the merged cue keeps the first id and its translation, up to date again with its old text', async () => {
    await rows.nth(1).getByTestId('cue-index').click();
    await page.getByTestId('merge-next').click();
    await expect(page.getByTestId('cues')).toHaveAttribute('data-count', '2');
    expect(await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-id')))).toEqual(ids);
    expect(await shownTranslations(page)).toEqual(['译1：Hello from Zimu.', '译2：These subtitles run in your browser.']);
    await expect(rows.nth(1).getByTestId('translation-stale')).toHaveCount(0);
    await expect(page.getByTestId('translation-stale')).toHaveCount(1);
  });

  await test.step('translating again sends only the out-of-date lines', async () => {
    const before = server.chats().length;
    await expect(page.getByTestId('translate-start')).toHaveText('Resume');
    await page.getByTestId('translate-start').click();
    await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
    const asked = server.chats().slice(before).map((c) => c.json.messages.at(-1)?.content ?? '');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('[1] Hello from the studio.');
    expect(asked[0]).not.toContain('[2] These subtitles');
    expect((await shownTranslations(page))[0]).toBe('译1：Hello from the studio.');
    await expect(page.getByTestId('translation-stale')).toHaveCount(0);
  });
});
