import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium where installed (no browser downloads on our CI); else Playwright's own. */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const APP_PORT = Number(process.env.ZIMU_APP_PORT ?? 4173);
export const MODEL_PORT = Number(process.env.ZIMU_MODEL_PORT ?? 4174);

export default defineConfig({
  testDir: 'tests/e2e',
  // One worker: two cores, and each test already runs WASM workers of its own.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: [
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
      ],
    },
  },
  webServer: [
    {
      command: `npx vite preview --port ${APP_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${APP_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node tests/e2e/support/serve-models.ts --port ${MODEL_PORT}`,
      url: `http://127.0.0.1:${MODEL_PORT}/zimu-test/whisper-micro/resolve/main/config.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
