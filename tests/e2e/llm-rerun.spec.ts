import { expect, test, type Page } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import type { LlmErrorCode } from '../../src/lib/errors.ts';
import { chooseFile, downloadText, expectDone, openApp, SAMPLE } from './support/app.ts';
import { configureProvider, expectPanelError, shownTranslations, TEST_KEY } from './support/llm.ts';
import { OpenAiTestServer, type Behaviour } from './support/openai-server.ts';

const server = new OpenAiTestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());

interface Failure {
  readonly name: string;
  /** What the server does with each request of the re-run (the client's own retries included). */
  readonly script: readonly Behaviour[];
  readonly code: LlmErrorCode;
}

const FAILURES: readonly Failure[] = [
  { name: 'a wrong key (401)', script: [{ kind: 'status', status: 401 }], code: 'llm-auth' },
  { name: 'a rate limit an hour long (429)', script: [{ kind: 'status', status: 429, headers: { 'Retry-After': '3600' } }], code: 'llm-rate-limited' },
  { name: 'a server error that persists (500)', script: Array<Behaviour>(4).fill({ kind: 'status', status: 500 }), code: 'llm-server' },
  { name: 'a timeout', script: [{ kind: 'hang' }], code: 'llm-timeout' },
  { name: 'a dropped connection', script: [{ kind: 'cut', afterChars: 2 }], code: 'llm-stream-cut' },
];

async function transcribeAndConfigure(page: Page): Promise<void> {
  server.reset({ key: TEST_KEY });
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  await configureProvider(page, server, { timeoutSeconds: 2 });
}

test('a failed "Translate again" keeps the finished translation on screen and in every export, for each failure', async ({ page }) => {
  test.setTimeout(240_000);
  await transcribeAndConfigure(page);
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
  const shown = await shownTranslations(page);
  expect(shown).toEqual(['译1：Hello from Zimu.', '译2：These subtitles run in your browser.']);
  const translated = (await downloadText(page, 'download-translation-srt')).text;
  const bilingual = (await downloadText(page, 'download-translation-bilingual-vtt')).text;

  for (const failure of FAILURES) {
    await test.step(failure.name, async () => {
      server.script(...failure.script);
      await expect(page.getByTestId('translate-start')).toHaveText('Translate again');
      await page.getByTestId('translate-start').click();
      await expectPanelError(page, 'translation', failure.code);
      expect(await shownTranslations(page)).toEqual(shown);
      await expect(page.getByTestId('download-translation-srt')).toBeEnabled();
      expect((await downloadText(page, 'download-translation-srt')).text).toBe(translated);
      expect((await downloadText(page, 'download-translation-bilingual-vtt')).text).toBe(bilingual);
      await page.getByTestId('translation').getByTestId('error').getByRole('button').click();
    });
  }

  await test.step('a re-run that completes replaces the translation', async () => {
    server.reset({ key: TEST_KEY, translate: (text, id) => `新${id}：${text}` });
    await page.getByTestId('translate-start').click();
    await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
    expect(await shownTranslations(page)).toEqual(['新1：Hello from Zimu.', '新2：These subtitles run in your browser.']);
  });
});

test('a failed "Regenerate" keeps the finished summary, its Copy and its Download, for each failure', async ({ page }) => {
  test.setTimeout(240_000);
  await transcribeAndConfigure(page);
  await page.getByTestId('summary-start').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'done');
  const body = await page.getByTestId('summary-body').textContent();
  expect(body).toContain('A short test video.');
  const markdown = (await downloadText(page, 'summary-download')).text;

  for (const failure of FAILURES) {
    await test.step(failure.name, async () => {
      server.script(...failure.script);
      await page.getByTestId('summary-start').click();
      await expectPanelError(page, 'summary', failure.code);
      await expect(page.getByTestId('summary-body')).toHaveText(body ?? '');
      await expect(page.getByTestId('summary-copy')).toBeEnabled();
      expect((await downloadText(page, 'summary-download')).text).toBe(markdown);
      await page.getByTestId('summary').getByTestId('error').getByRole('button').click();
    });
  }

  await test.step('the unfinished draft can be discarded, and a run that completes replaces the summary', async () => {
    // A stream that delivers two slow pieces before it is cut leaves a draft for sure.
    server.settings.chunkSize = 4;
    server.settings.chunkDelayMs = 500;
    server.script({ kind: 'cut', afterChars: 8 });
    await page.getByTestId('summary-start').click();
    await expectPanelError(page, 'summary', 'llm-stream-cut');
    await expect(page.getByTestId('summary-body')).toHaveText(body ?? '');
    await expect(page.getByTestId('summary-kept')).toBeVisible();
    await page.getByTestId('summary-discard').click();
    await expect(page.getByTestId('summary-kept')).toHaveCount(0);
    server.reset({ key: TEST_KEY, summary: '## TL;DR\nA new summary.\n' });
    await page.getByTestId('summary-start').click();
    await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('summary-body')).toContainText('A new summary.');
  });
});
