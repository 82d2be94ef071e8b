import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import type { LlmErrorCode } from '../../src/lib/errors.ts';
import { en } from '../../src/lib/i18n/messages/en.ts';
import { chooseFile, expectDone, openApp, SAMPLE } from './support/app.ts';
import { configureProvider, expectPanelError, fillAndChange, setTranslationOption, shownTranslations, TEST_KEY } from './support/llm.ts';
import { OpenAiTestServer, type Behaviour } from './support/openai-server.ts';

const server = new OpenAiTestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());

const FIRST = '译1：Hello from Zimu.';

interface Failure {
  readonly name: string;
  readonly behaviour?: Behaviour;
  readonly code: LlmErrorCode;
}

const FAILURES: readonly Failure[] = [
  { name: '401 (bad key)', behaviour: { kind: 'status', status: 401 }, code: 'llm-auth' },
  { name: '403 (key not allowed)', behaviour: { kind: 'status', status: 403 }, code: 'llm-auth' },
  { name: '404 (wrong model or base URL)', behaviour: { kind: 'status', status: 404 }, code: 'llm-not-found' },
  { name: 'a stream cut in the middle', behaviour: { kind: 'cut', afterChars: 2 }, code: 'llm-stream-cut' },
  { name: 'an answer that is not an event stream', behaviour: { kind: 'not-sse' }, code: 'llm-bad-response' },
  { name: 'an event that is not JSON', behaviour: { kind: 'bad-json' }, code: 'llm-bad-response' },
  { name: 'a request blocked by CORS', code: 'llm-unreachable' },
];

test('every failure shows its own message, keeps the finished batch, and Resume carries on', async ({ page }) => {
  server.reset({ key: TEST_KEY });
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  await configureProvider(page, server, { timeoutSeconds: 2 });
  await setTranslationOption(page, 'translate-batch-size', 1);

  server.script({ kind: 'ok' }); // the first batch goes through; the second meets each failure in turn
  for (const failure of [...FAILURES, { name: 'a timeout', behaviour: { kind: 'hang' }, code: 'llm-timeout' } satisfies Failure]) {
    await test.step(failure.name, async () => {
      if (failure.behaviour) server.script(failure.behaviour);
      server.settings.cors = failure.name !== 'a request blocked by CORS';
      await page.getByTestId('translate-start').click(); // "Translate", then "Resume"
      await expectPanelError(page, 'translation', failure.code);
      await expect(page.getByTestId('translation').getByTestId('error-message')).toHaveText(en[`error.${failure.code}`]);
      expect(await shownTranslations(page)).toEqual([FIRST, '…']);
      await expect(page.getByTestId('translate-start')).toHaveText('Resume');
      await page.getByTestId('translation').getByTestId('error').getByRole('button').click();
    });
  }
  expect(en['error.llm-unreachable']).toContain('OLLAMA_ORIGINS');
  server.settings.cors = true;

  await test.step('429 with Retry-After: 2 is retried after at least 2 s, showing the wait, and succeeds', async () => {
    server.script({ kind: 'status', status: 429, headers: { 'Retry-After': '2' } });
    const before = server.chats().length;
    await page.getByTestId('translate-start').click();
    await expect(page.getByTestId('llm-wait')).toHaveText('The service asked us to slow down: retrying in 2 s (attempt 1).');
    await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('llm-wait')).toHaveCount(0);
    const [limited, retried] = server.chats().slice(before);
    expect((retried?.request.at ?? 0) - (limited?.request.at ?? 0)).toBeGreaterThanOrEqual(2000);
    expect(await shownTranslations(page)).toEqual([FIRST, '译2：These subtitles run in your browser.']);
  });

  await test.step('5xx is retried with backoff and succeeds', async () => {
    server.script({ kind: 'status', status: 503 }, { kind: 'status', status: 500 });
    const before = server.chats().length;
    await page.getByTestId('translate-start').click(); // "Translate again"
    await expect(page.getByTestId('llm-wait')).toHaveAttribute('data-reason', 'server-error');
    await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
    const times = server.chats().slice(before).map((c) => c.request.at);
    expect(times).toHaveLength(4); // 503, 500, then cue 1 and cue 2
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1000);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(2000);
  });

  await test.step('the summary shows failures too, keeping what was written', async () => {
    server.script({ kind: 'status', status: 401 });
    await page.getByTestId('summary-start').click();
    await expectPanelError(page, 'summary', 'llm-auth');
    server.script({ kind: 'cut', afterChars: 16 });
    await page.getByTestId('summary-start').click();
    await expectPanelError(page, 'summary', 'llm-stream-cut');
    await expect(page.getByTestId('summary-body')).toContainText('A short'); // the 16 characters that arrived
  });
});

test('Stop ends a summary at once and keeps what was written', async ({ page }) => {
  server.reset({ key: TEST_KEY, chunkSize: 4, chunkDelayMs: 200 });
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  await configureProvider(page, server);
  await page.getByTestId('summary-start').click();
  await expect(page.getByTestId('summary-body')).toContainText('TL;DR');
  const abandoned = server.abandonedChats;
  await page.getByTestId('summary-stop').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'stopped');
  await expect(page.getByTestId('summary-stopped')).toBeVisible();
  const kept = await page.getByTestId('summary-body').textContent();
  // The app closed the stream (the server would have sent more), and what was shown stays.
  await expect.poll(() => server.abandonedChats).toBe(abandoned + 1);
  expect(await page.getByTestId('summary-body').textContent()).toBe(kept);
  await expect(page.getByTestId('summary-resume')).toBeVisible();
  await fillAndChange(page, 'summary-language', 'German'); // another language: Resume would mix plans, so it goes
  await expect(page.getByTestId('summary-resume')).toHaveCount(0);
});
