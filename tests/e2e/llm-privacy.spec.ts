import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, clickDownload, expectDone, MODEL_HOST, openApp, SAMPLE } from './support/app.ts';
import { configureProvider, TEST_KEY } from './support/llm.ts';
import { OpenAiTestServer } from './support/openai-server.ts';

const server = new OpenAiTestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());

interface Seen {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

test('network audit: the transcript goes only to the configured base URL, and the key only in its Authorization header', async ({ page, baseURL }) => {
  server.reset({ key: TEST_KEY });
  const seen: Promise<Seen>[] = [];
  page.context().on('request', (request) =>
    seen.push(request.allHeaders().then((headers) => ({ url: request.url(), headers, body: request.postData() ?? '' }))),
  );
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  page.on('pageerror', (error) => logs.push(String(error)));

  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  await configureProvider(page, server);
  await page.getByTestId('open-llm-provider').click();
  await page.getByTestId('llm-test').click();
  await expect(page.getByTestId('llm-connection')).toHaveAttribute('data-state', 'ok');
  await page.getByTestId('llm-provider-close').click();
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
  await page.getByTestId('summary-start').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'done');

  const downloads: string[] = [];
  const translationExports = ['srt', 'vtt', 'bilingual-srt', 'bilingual-vtt'].map((kind) => `download-translation-${kind}`);
  for (const id of ['download-srt', 'download-vtt', ...translationExports, 'summary-download']) {
    downloads.push(await readFile(await (await clickDownload(page, id)).path(), 'utf8'));
  }

  const requests = await Promise.all(seen);
  const llmOrigin = new URL(server.baseURL).origin;
  const transcript = ['Hello from Zimu', 'These subtitles run in your browser'];
  const carriesTranscript = requests.filter((r) => transcript.some((t) => r.body.includes(t)));
  expect(carriesTranscript.length).toBeGreaterThanOrEqual(2); // the translation batch and the summary
  expect(carriesTranscript.filter((r) => !r.url.startsWith(`${server.baseURL}/`))).toEqual([]);

  for (const request of requests) {
    expect(request.url, 'key in a URL').not.toContain(TEST_KEY);
    expect(request.body, `key in the body of ${request.url}`).not.toContain(TEST_KEY);
    for (const [name, value] of Object.entries(request.headers)) {
      if (name === 'authorization' && new URL(request.url).origin === llmOrigin) expect(value).toBe(`Bearer ${TEST_KEY}`);
      else expect(value, `key in header ${name} of ${request.url}`).not.toContain(TEST_KEY);
    }
  }
  // What the server received agrees: the key in Authorization only, no SDK fingerprint headers.
  for (const request of server.requests.filter((r) => r.method !== 'OPTIONS')) {
    expect(request.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(Object.keys(request.headers).filter((h) => h.startsWith('x-stainless'))).toEqual([]);
  }
  for (const text of downloads) expect(text).not.toContain(TEST_KEY);
  expect(downloads.at(-1)).toContain('## TL;DR');
  expect(logs.filter((line) => line.includes(TEST_KEY))).toEqual([]);

  const allowed = new Set([new URL(baseURL ?? '').origin, new URL(MODEL_HOST).origin, llmOrigin]);
  const origins = new Set(requests.map((r) => r.url).filter((u) => u.startsWith('http')).map((u) => new URL(u).origin));
  expect([...origins].filter((o) => !allowed.has(o))).toEqual([]);
});
