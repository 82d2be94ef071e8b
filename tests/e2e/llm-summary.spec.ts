import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { ZH_PROMPTS } from '../../src/lib/llm/default-prompts.ts';
import { DEFAULT_PROMPTS, fillTemplate } from '../../src/lib/llm/prompts.ts';
import { summaryParts } from '../../src/lib/llm/summarize.ts';
import { chooseFile, downloadText, expectDone, MEDIA, openApp, SAMPLE, shownCues } from './support/app.ts';
import { configureProvider, expectPanelError, fillAndChange, TEST_KEY } from './support/llm.ts';
import { MODEL_IDS, OpenAiTestServer } from './support/openai-server.ts';

const server = new OpenAiTestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());
test.beforeEach(() => server.reset({ key: TEST_KEY }));

const SUMMARY = [
  '## TL;DR',
  'Zimu greets you and explains that the subtitles are made in your browser.',
  '',
  '## Key points',
  '- A greeting.',
  '- Everything runs locally.',
  '',
  '## Chapters',
  '- [00:00] Greeting',
  '- [00:03] Subtitles in the browser',
  '- [07:30] A chapter the model invented',
  '',
].join('\n');

// What a hostile transcript (repeated by the model) or a hostile model could write.
const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src="http://evil.invalid/pixel.png" onerror="window.__pwned = \'img\'">',
  '<svg onload="window.__pwned = \'svg\'"></svg><iframe src="http://evil.invalid/"></iframe>',
  '[click me](javascript:window.__pwned=\'link\') <a href="#" onclick="window.__pwned=\'a\'">a</a>',
  '<style>body { background: url(http://evil.invalid/bg.png) }</style>',
].join('\n');

async function transcribeSample(page: Page): Promise<void> {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
}

test('set up through the provider panel, the summary streams in, renders safely, and its chapters seek the video', async ({ page }) => {
  server.reset({ key: TEST_KEY, summary: `${SUMMARY}\n${HOSTILE}\n`, chunkSize: 12, chunkDelayMs: 30 });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => void dialogs.push(dialog.message()));
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await transcribeSample(page);

  // Nothing is configured yet: the panel says so and leads to the provider settings.
  await page.getByTestId('summary').getByTestId('llm-setup').getByRole('button').click();
  await expect(page.getByTestId('llm-provider')).toBeVisible();
  await expect(page.getByTestId('llm-api-key')).toBeDisabled(); // no base URL yet, so no origin to keep a key for
  await page.getByTestId('llm-preset').selectOption('custom');
  await fillAndChange(page, 'llm-base-url', server.baseURL);
  await page.getByTestId('llm-api-key').fill(TEST_KEY);
  await expect(page.getByTestId('llm-api-key')).toHaveAttribute('type', 'password');
  await fillAndChange(page, 'llm-model', 'typo-model');
  await page.getByTestId('llm-test').click();
  await expect(page.getByTestId('llm-connection')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('llm-models').getByRole('button')).toHaveText([...MODEL_IDS]);
  await page.getByTestId('llm-models').getByRole('button', { name: 'zimu-test-chat' }).click();
  await expect(page.getByTestId('llm-model')).toHaveValue('zimu-test-chat');
  await page.getByTestId('llm-provider-close').click();

  // Streaming: the text grows on the page while the answer is still being written.
  await page.evaluate(() => {
    const lengths: number[] = [];
    Reflect.set(window, '__summaryLengths', lengths);
    new MutationObserver(() => {
      const summary = document.querySelector('[data-testid="summary"]');
      if (summary?.getAttribute('data-status') !== 'running') return;
      const length = summary.querySelector('[data-testid="summary-body"]')?.textContent?.length ?? 0;
      if (length !== lengths.at(-1)) lengths.push(length);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.getByTestId('summary-start').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'done');
  const lengths: number[] = await page.evaluate(() => Reflect.get(window, '__summaryLengths'));
  expect(lengths.filter((n) => n > 0).length).toBeGreaterThan(5);

  // Rendered from Markdown: headings and lists, with the chapter list as buttons.
  const body = page.getByTestId('summary-body');
  await expect(body.locator('h2')).toHaveText(['TL;DR', 'Key points', 'Chapters']);
  await expect(body.locator('li')).toHaveText(['A greeting.', 'Everything runs locally.']);
  const chapters = page.getByTestId('chapter');
  await expect(chapters).toHaveText(['00:00 Greeting', '00:02 Subtitles in the browser']);
  expect(await chapters.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-start'))))).toEqual([0, 2.4]);

  // Inert: nothing ran, nothing loaded, no handlers or script URLs survived.
  expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
  await expect(body.locator('script, img, svg, iframe, style')).toHaveCount(0);
  const unsafe = await body.evaluate((root) =>
    [...root.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on') || /^\s*javascript:/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`),
    ),
  );
  expect(unsafe).toEqual([]);
  await page.getByTestId('summary-body').getByText('click me').click({ noWaitAfter: true }).catch(() => undefined);
  expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
  expect(requested.filter((u) => u.includes('evil.invalid'))).toEqual([]);
  expect(dialogs).toEqual([]);

  // A chapter seeks the video to its cue's exact start.
  await chapters.nth(1).click();
  await expect.poll(() => page.getByTestId('preview').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThanOrEqual(2.4);
  expect(await page.getByTestId('preview').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeLessThan(5);

  // The request: English by default (the interface language), the transcript with its times.
  const [chat] = server.chats();
  expect(chat?.json.messages[0]?.content).toContain('Write in English');
  expect(chat?.json.messages[1]?.content).toBe('Transcript:\n[00:00] Hello from Zimu.\n[00:02] These subtitles run in your browser.');
});

test('output language, editable prompts with reset, regenerate, copy and download as .md', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  server.reset({ key: TEST_KEY, summary: SUMMARY });
  await transcribeSample(page);
  await configureProvider(page, server);

  await fillAndChange(page, 'summary-language', 'Japanese');
  await page.getByTestId('summary').getByTestId('prompts').locator('summary').click();
  await fillAndChange(page, 'prompt-summary', 'My own summary prompt, in {language}.');
  await page.getByTestId('summary-start').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'done');
  expect(server.chats()[0]?.json.messages[0]?.content).toBe('My own summary prompt, in Japanese.');

  await page.getByTestId('prompt-reset-summary').click();
  await expect(page.getByTestId('prompt-summary')).toHaveValue(DEFAULT_PROMPTS.summary);
  await page.getByTestId('summary-start').click(); // now "Regenerate"
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'done');
  expect(server.chats()).toHaveLength(2);
  expect(server.chats()[1]?.json.messages[0]?.content).toContain('Write in Japanese');

  // The exported Markdown carries the checked chapters: real times, the invented one gone.
  const expected = SUMMARY.replace('- [00:03] Subtitles', '- [00:02] Subtitles').replace('- [07:30] A chapter the model invented\n', '');
  const md = await downloadText(page, 'summary-download');
  expect(md.name).toBe('sample.summary.md');
  expect(md.text).toBe(expected);
  await page.getByTestId('summary-copy').click();
  await expect(page.getByTestId('summary-copy')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  // With no language chosen, the summary follows the interface language, and so does the default prompt (written in Chinese).
  await fillAndChange(page, 'summary-language', '');
  await page.getByTestId('locale-zh-CN').click();
  await expect(page.getByTestId('prompt-summary')).toHaveValue(ZH_PROMPTS.summary);
  await page.getByTestId('summary-start').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'done');
  expect(server.chats()[2]?.json.messages[0]?.content).toBe(fillTemplate(ZH_PROMPTS.summary, 'Simplified Chinese'));
});

test('a long transcript is summarised map-reduce style, part by part, with progress', async ({ page }) => {
  server.reset({ key: TEST_KEY, summary: SUMMARY, chunkDelayMs: 5 });
  // The scripted model says its two lines in every 30 s window: 13 cues over 3 minutes.
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, path.join(MEDIA, 'speech-3min.mp4'));
  await expectDone(page);
  const cues = await shownCues(page);
  await configureProvider(page, server, { contextTokens: 700 }); // about 64 tokens of transcript per request
  const expectedParts = summaryParts(cues, 700, DEFAULT_PROMPTS);
  expect(expectedParts.length).toBeGreaterThan(2);

  await page.evaluate(() => {
    const stages: string[] = [];
    Reflect.set(window, '__stages', stages);
    new MutationObserver(() => {
      const stage = document.querySelector('[data-testid="summary-stage"]')?.textContent?.trim() ?? '';
      if (stage && stage !== stages.at(-1)) stages.push(stage);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('summary-start').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'done');

  const chats = server.chats();
  const total = expectedParts.length;
  expect(chats.slice(0, total).map((c) => c.json.messages[1]?.content)).toEqual(
    expectedParts.map((part, i) => `Part ${i + 1} of ${total} of the transcript:\n${part}`),
  );
  expect(chats).toHaveLength(total + 1);
  expect(chats.at(-1)?.json.messages[1]?.content).toContain(`Notes on the ${total} consecutive parts`);
  expect(chats.at(-1)?.json.messages[1]?.content).toContain(`### Part ${total}\n- Notes on part ${total} of ${total}.`);
  const stages: string[] = await page.evaluate(() => Reflect.get(window, '__stages'));
  expect(stages).toEqual([
    ...expectedParts.map((_, i) => `Reading part ${i + 1} of ${total} of the transcript`),
    'Writing the summary',
  ]);
  await expect(page.getByTestId('summary-body').locator('h2').first()).toHaveText('TL;DR');
});

test('a stream cut in the middle keeps what arrived and resumes from there', async ({ page }) => {
  server.reset({ key: TEST_KEY, summary: SUMMARY, continuation: ' The end.', chunkSize: 10 });
  await transcribeSample(page);
  await configureProvider(page, server);
  server.script({ kind: 'cut', afterChars: 30 });
  await page.getByTestId('summary-start').click();
  await expectPanelError(page, 'summary', 'llm-stream-cut');
  const partial = SUMMARY.slice(0, 30);
  await expect(page.getByTestId('summary-body')).toContainText('Zimu greets you and');

  await page.getByTestId('summary-resume').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'done');
  const last = server.chats().at(-1)?.json.messages ?? [];
  expect(last.at(-2)).toEqual({ role: 'assistant', content: partial });
  await expect(page.getByTestId('summary-body')).toContainText(`${partial.slice('## TL;DR\n'.length)} The end.`);
});
