import { statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MODEL_HOST, openApp, SAMPLE } from './support/app.ts';
import { configureProvider, expectPanelError } from './support/llm.ts';
import { modelDir, MODELS_OUT } from './support/models.ts';
import { startModelServer } from './support/model-server.ts';
import { launchOwnBrowser } from './support/own-browser.ts';
import { OpenAiTestServer } from './support/openai-server.ts';

const server = new OpenAiTestServer();
let page: Page;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ browser }) => {
  await server.start();
  page = await browser.newPage();
});
test.afterAll(async () => {
  await page.close();
  await server.stop();
});

interface ShownGroup {
  readonly destination: string;
  readonly origin: string;
  readonly requests: number;
  readonly sent: number;
  readonly received: number;
  readonly blocked: number;
}

async function ledgerGroups(): Promise<ShownGroup[]> {
  if (!(await page.getByTestId('privacy-panel').isVisible())) await page.getByTestId('open-privacy').click();
  return page.getByTestId('privacy-group').evaluateAll((rows) =>
    rows.map((row) => {
      const number = (name: string) => Number(row.getAttribute(`data-${name}`));
      return { destination: row.getAttribute('data-destination') ?? '', origin: row.getAttribute('data-origin') ?? '', requests: number('requests'), sent: number('sent'), received: number('received'), blocked: number('blocked') };
    }),
  );
}

/** Every response body the browser received from one origin (page and workers), as Chromium counts it. */
function receivedFrom(page: Page, origin: string): () => Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (request.url().startsWith(origin) && request.method() !== 'OPTIONS') sizes.push(request.sizes().then((s) => s.responseBodySize));
  });
  return async () => (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
}

test('after a run and a translation the ledger lists the app, the model host and the AI endpoint with their bytes, and nothing else', async ({ baseURL }) => {
  const fromModelHost = receivedFrom(page, MODEL_HOST);
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  await configureProvider(page, server);
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');

  await expect.poll(async () => (await ledgerGroups()).find((g) => g.destination === 'ai-endpoint')?.received ?? 0).toBeGreaterThan(0);
  const groups = await ledgerGroups();
  expect(groups.map((g) => [g.destination, g.origin])).toEqual([
    ['app', new URL(baseURL ?? '').origin],
    ['model-host', new URL(MODEL_HOST).origin],
    ['ai-endpoint', new URL(server.baseURL).origin],
  ]);
  const [, models, ai] = groups;
  // Every byte the worker downloaded from the model host, as the browser itself counted them.
  const modelFiles = await fromModelHost();
  expect(modelFiles).toBeGreaterThanOrEqual(statSync(path.join(modelDir(TEST_MODELS.scripted), 'onnx/decoder_model_merged_quantized.onnx')).size);
  expect(models?.received).toBe(modelFiles);
  expect(models?.sent).toBe(0);
  // What the AI endpoint was sent is exactly the request bodies it received.
  const posted = server.requests.filter((r) => r.method === 'POST').reduce((sum, r) => sum + Buffer.byteLength(r.body), 0);
  expect(ai?.sent).toBe(posted);
  expect(groups.every((g) => g.blocked === 0)).toBe(true);
});

test('strict offline blocks a model download and the AI service with their message, and a downloaded model still runs', async () => {
  await page.getByTestId('strict-offline').check();
  await expect(page.getByTestId('open-privacy')).toContainText(/strict/i);

  await page.getByTestId('translate-start').click();
  await expectPanelError(page, 'translation', 'strict-offline-blocked');
  expect((await ledgerGroups()).find((g) => g.destination === 'ai-endpoint')?.blocked).toBe(1);

  // A model that is not downloaded yet: its files are never requested.
  const toModelHost: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(MODEL_HOST)) toModelHost.push(request.url());
  });
  await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'strict-offline-blocked');
  await expect(page.getByTestId('error')).toContainText(/strict offline/i);
  expect(toModelHost).toEqual([]);
  // The page reloaded (a new session of the ledger); the switch stayed on.
  expect((await ledgerGroups()).filter((g) => g.blocked > 0).map((g) => g.destination)).toEqual(['model-host']);
  await expect(page.getByTestId('privacy-blocked')).toContainText(`${MODEL_HOST}/${TEST_MODELS.micro}/resolve/main/`);

  // The model downloaded before still runs, from the cache, with strict offline on.
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  expect(toModelHost).toEqual([]);
});

test('strict offline in the service worker: a request that bypasses the app\'s fetch (an image) is refused there and listed as blocked', async () => {
  const models = await startModelServer(MODELS_OUT, 0);
  const reached: string[] = [];
  models.on('request', (request) => reached.push(request.url ?? ''));
  const address = models.address();
  const otherHost = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const browser = await launchOwnBrowser({ serviceWorkers: 'allow' });
  try {
    const { page } = browser;
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    await page.getByTestId('open-privacy').click();
    await page.getByTestId('strict-offline').check();
    const load = (url: string) => page.evaluate((src) => new Promise<boolean>((resolve) => {
      const image = new Image();
      image.onload = () => resolve(true);
      image.onerror = () => resolve(false);
      image.src = src;
    }), url);
    expect(await load(`${otherHost}/zimu-test/whisper-micro/resolve/main/config.json?strict`)).toBe(false);
    await expect(page.locator('[data-testid="privacy-group"][data-destination="other"]')).toHaveAttribute('data-blocked', '1');
    expect(reached).toEqual([]);
    // Off again, the same request reaches the host.
    await page.getByTestId('strict-offline').uncheck();
    await load(`${otherHost}/zimu-test/whisper-micro/resolve/main/config.json?open`);
    await expect.poll(() => reached.length).toBeGreaterThan(0);
  } finally {
    await browser.close();
    await new Promise((resolve) => models.close(resolve));
  }
});
