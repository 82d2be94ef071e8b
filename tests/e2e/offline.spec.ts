import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MEDIA, MODEL_HOST, openApp, ROOT, shownCues } from './support/app.ts';
import { startModelServer } from './support/model-server.ts';
import { MODELS_OUT } from './support/models.ts';
import { launchOwnBrowser } from './support/own-browser.ts';
import { startStaticServer } from './support/static-server.ts';

const DIST = path.join(ROOT, 'dist');
const CLIP = path.join(MEDIA, 'clip-10s.mp4');

/** Resolves once the service worker controls the page (it claims it on activation). */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

test('made available offline, Zimu opens isolated with the network off and turns a video into subtitles; nothing reaches any server', async () => {
  const app = await startStaticServer(DIST, { isolation: true });
  const models = await startModelServer(MODELS_OUT, 0);
  const modelRequests: string[] = [];
  models.on('request', (request) => modelRequests.push(request.url ?? ''));
  const address = models.address();
  const modelHost = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const browser = await launchOwnBrowser({ baseURL: app.url, serviceWorkers: 'allow' });
  try {
    const { page, context } = browser;
    await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm', maxTokens: 8, vad: true, host: modelHost });
    await controlled(page);
    await page.getByTestId('open-offline').click();
    await expect(page.getByTestId('offline-engines')).not.toHaveAttribute('data-bytes', '0');
    await page.getByTestId('offline-make').click();
    await expect(page.getByTestId('offline-status')).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });

    // Each file is stored once: engines in the engine cache, model files in transformers.js's.
    const stored = await page.evaluate(async () => {
      const keys = async (name: string) => (await (await caches.open(name)).keys()).map((request) => request.url);
      return { engines: await keys('zimu-engines'), models: await keys('transformers-cache') };
    });
    expect(stored.engines.filter((url) => !url.startsWith(app.url))).toEqual([]);
    expect(stored.models.filter((url) => url.startsWith(app.url)), 'app files in the model cache').toEqual([]);
    expect(stored.models.length).toBeGreaterThan(0);

    const served = { app: app.requests.length, models: modelRequests.length };
    const failed: string[] = [];
    context.on('requestfailed', (request) => failed.push(request.url()));
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('try-sample')).toBeVisible();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await chooseFile(page, CLIP);
    await expectDone(page);
    expect((await shownCues(page)).length).toBeGreaterThan(0);
    // The browser itself checks for a new service worker script on navigation; offline it would
    // fail and change nothing. Playwright's offline emulation covers pages and workers, not that
    // check, so it is the one request allowed to reach the server.
    const reached = app.requests.slice(served.app).filter((pathname) => pathname !== '/service-worker.js');
    expect(reached, 'requests that reached the app server offline').toEqual([]);
    expect(modelRequests.slice(served.models), 'requests that reached the model server offline').toEqual([]);
    expect(failed.filter((url) => !url.startsWith('blob:')), 'requests that tried the network offline').toEqual([]);
  } finally {
    await browser.close();
    await app.close();
    models.close();
  }
});

test('on a host that sends no COOP/COEP headers, the service worker makes the page isolated after one reload, and a file is recognised', async () => {
  const app = await startStaticServer(DIST, { isolation: false });
  const browser = await launchOwnBrowser({ baseURL: app.url, serviceWorkers: 'allow' });
  try {
    const { page } = browser;
    let loads = 0;
    page.on('load', () => loads++);
    await page.goto('/');
    await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 30_000 }).toBe(true);
    expect(loads, 'page loads until isolated').toBeLessThanOrEqual(2);
    await expect(page.getByTestId('error')).toHaveCount(0);
    await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm', maxTokens: 8 });
    await chooseFile(page, CLIP);
    await expectDone(page);
  } finally {
    await browser.close();
    await app.close();
  }
});

test('the engines are cached on first use; offline, a model that was never downloaded gets a clear message and nothing hangs', async () => {
  const app = await startStaticServer(DIST, { isolation: true });
  const browser = await launchOwnBrowser({ baseURL: app.url, serviceWorkers: 'allow' });
  try {
    const { page, context } = browser;
    await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm', maxTokens: 8, host: MODEL_HOST });
    await controlled(page);
    await chooseFile(page, CLIP);
    await expectDone(page);
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    const cached = await page.evaluate(async () => (await (await caches.open('zimu-engines')).keys()).map((request) => new URL(request.url).pathname));
    expect(cached.some((name) => /ffmpeg-core.*\.wasm$/.test(name)), 'ffmpeg cached on first use').toBe(true);
    expect(cached.some((name) => /ort-wasm.*\.wasm$/.test(name)), 'ONNX Runtime cached on first use').toBe(true);

    await context.setOffline(true);
    await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm', maxTokens: 8, host: MODEL_HOST });
    await page.getByTestId('file-input').setInputFiles(CLIP); // recognised before, finished: a new project with the other model
    await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'model-not-cached', { timeout: 60_000 });
    await expect(page.getByTestId('error-message')).toContainText('import a model folder');
  } finally {
    await browser.close();
    await app.close();
  }
});

test('the manifest is valid with icons that exist; the service worker registers; a new version is detected and offered', async () => {
  const app = await startStaticServer(DIST, { isolation: true });
  const browser = await launchOwnBrowser({ baseURL: app.url, serviceWorkers: 'allow' });
  try {
    const { page } = browser;
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await page.evaluate(async (url) => (await fetch(url ?? '')).json(), href);
    expect(manifest).toMatchObject({ name: expect.stringContaining('Zimu'), short_name: expect.any(String), display: 'standalone', start_url: expect.any(String), theme_color: expect.any(String) });
    expect(manifest.name_localized['zh-CN'].value).toMatch(/字幕/);
    const purposes = manifest.icons.map((icon: { purpose: string }) => icon.purpose);
    expect(purposes).toEqual(expect.arrayContaining(['any', 'maskable']));
    expect(manifest.file_handlers[0].accept['video/*']).toContain('.mp4');
    for (const image of [...manifest.icons, ...manifest.screenshots]) {
      const size = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        return `${bitmap.width}x${bitmap.height}`;
      }, new URL(image.src, new URL(href ?? '', app.url)).href);
      expect(size, image.src).toBe(image.sizes);
    }
    await controlled(page);
    await page.reload(); // a later visit, which the installed version serves

    const worker = await (await fetch(`${app.url}/service-worker.js`)).text();
    app.override('/service-worker.js', `${worker}\n// a new deployment\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByTestId('update-notice')).toBeVisible({ timeout: 30_000 });
    const reloaded = page.waitForEvent('load');
    await page.getByTestId('update-reload').click();
    await reloaded;
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
  } finally {
    await browser.close();
    await app.close();
  }
});

test('under the Content-Security-Policy the README ships (static/_headers), a file is recognised with no violation', async () => {
  const shipped = /^  Content-Security-Policy: (.+)$/m.exec(readFileSync(path.join(ROOT, 'static/_headers'), 'utf8'))?.[1] ?? '';
  expect(shipped).toContain("script-src 'self' 'wasm-unsafe-eval'");
  // The deployment adds its own model source to connect-src, as the README says.
  const policy = shipped.replace("connect-src 'self'", `connect-src 'self' ${MODEL_HOST}`);
  const app = await startStaticServer(DIST, { isolation: true, headers: { 'Content-Security-Policy': policy } });
  const browser = await launchOwnBrowser({ baseURL: app.url });
  try {
    const { page } = browser;
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm', maxTokens: 8, vad: true });
    await chooseFile(page, CLIP);
    await expectDone(page);
    expect(violations).toEqual([]);
  } finally {
    await browser.close();
    await app.close();
  }
});
