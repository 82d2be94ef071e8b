import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium where installed (no browser downloads on our CI); else Playwright's own. */
export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const APP_PORT = Number(process.env.ZIMU_APP_PORT ?? 4173);
export const MODEL_PORT = Number(process.env.ZIMU_MODEL_PORT ?? 4174);

/** Chromium's switches for every test, also for the specs that launch a browser of their own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A SwiftShader WebGPU adapter on machines without a GPU, so the WebGPU path is tested too.
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-webgpu-adapter=swiftshader',
  // No stray DNS leaves the machine: every host but loopback fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/**
 * Servers already listening on the test ports are reused only when asked (ZIMU_REUSE_SERVERS=1),
 * never silently: a stale preview would test an old build.
 */
const reuse = process.env.ZIMU_REUSE_SERVERS === '1' && !process.env.CI;
if (reuse) console.warn(`Reusing servers already on ports ${APP_PORT} and ${MODEL_PORT} (ZIMU_REUSE_SERVERS=1)`);

export default defineConfig({
  testDir: 'tests/e2e',
  // One worker: two cores, and each test already runs WASM workers of its own.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  // `npm run test:e2e` runs the default project; `npm run test:slow` the tests tagged @slow.
  projects: [
    { name: 'default', grepInvert: /@slow|@screenshots/ },
    { name: 'slow', grep: /@slow/, timeout: 1_800_000 },
    // `npm run screenshots`: the README's pictures, made from the e2e fixtures (not a test).
    { name: 'screenshots', grep: /@screenshots/ },
  ],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    acceptDownloads: true,
    // The service worker would answer the app's requests from its caches, out of sight of the
    // tests that route or count them; offline.spec.ts and the library specs use their own browsers with it.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      command: `npx vite preview --port ${APP_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${APP_PORT}/`,
      reuseExistingServer: reuse,
      timeout: 60_000,
    },
    {
      command: `node tests/e2e/support/serve-models.ts --port ${MODEL_PORT}`,
      url: `http://127.0.0.1:${MODEL_PORT}/zimu-test/whisper-micro/resolve/main/config.json`,
      reuseExistingServer: reuse,
      timeout: 120_000,
    },
  ],
});
