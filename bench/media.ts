/**
 * Media benchmark (prints figures, asserts nothing): for 10-, 60- and 180-minute files and one
 * over 4 GB, in the same run —
 *   extraction wall time in the browser (the app's streaming media worker) against native ffmpeg
 *   decoding the same file, their ratio and the real-time factor;
 *   time from dropping the file on the app to its first cue (model already cached);
 *   a returning visit in a new tab (a 10 s clip): drop at once, and drop after the idle warm-up
 *   (ffmpeg compiled and the model opened from the cache) has finished;
 *   peak resident memory of Chromium's renderer processes (its workers live there) for both.
 *   npm run bench:media [-- --only 3,10,60,180,big]   (npm run bench: the 10-minute file only)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from '@playwright/test';
import { createServer, preview } from 'vite';
import { generateTestModels, TEST_MODELS } from '../tests/fixtures/models/generate.ts';
import { startModelServer } from '../tests/e2e/support/model-server.ts';
import { mib, sampleRendererMemory } from '../tests/e2e/support/memory.ts';
import { bigFile, loopedSpeech } from './make-media.ts';
import type { MediaBenchResult } from './media-page.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
const [DEV_PORT, APP_PORT, MODEL_PORT] = [4373, 4374, 4375];
const onlyArg = process.argv.indexOf('--only');
const only = new Set((onlyArg >= 0 ? process.argv[onlyArg + 1] ?? '' : '10,60,180,big').split(','));

console.log('generating media (first run only)…');
const makers: Record<string, () => string> = {
  '3': () => path.join(root, 'tests/fixtures/media/speech-3min.mp4'),
  '10': () => loopedSpeech(root, out, 10),
  '60': () => loopedSpeech(root, out, 60),
  '180': () => loopedSpeech(root, out, 180),
  big: () => bigFile(root, out),
};
const files = Object.entries(makers).filter(([name]) => only.has(name)).map(([, make]) => make());
if (!existsSync(path.join(root, 'dist/index.html'))) execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
const modelsRoot = path.join(root, 'tests/fixtures/models/out');
await generateTestModels(modelsRoot, ['scripted']);
const models = await startModelServer(modelsRoot, MODEL_PORT);
const dev = await createServer({ root, server: { port: DEV_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
await dev.listen();
const app = await preview({ root, preview: { port: APP_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
// A profile folder of our own: its path identifies this browser's processes for the memory figures.
const profile = mkdtempSync(path.join(tmpdir(), 'zimu-bench-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

console.log('\nfile                    size     media   native  browser  ratio  ×realtime  first cue  peak (extract)  peak (app)');
try {
  for (const file of files) await measure(browser, file);
  // A short file that runs to the end, so the second tab is not offered to resume the first.
  const clip = path.join(root, 'tests/fixtures/media/clip-10s.mp4');
  const cold = await timeOnReturn(browser, clip, false);
  const warm = await timeOnReturn(browser, clip, true);
  console.log(`\nreturning visit, new tab, ${path.basename(clip)}: first cue ${(cold / 1000).toFixed(1)} s when dropped at once, ${(warm / 1000).toFixed(1)} s after the idle warm-up (${(cold / warm).toFixed(1)}× sooner)`);
} finally {
  await browser.close();
  await dev.close();
  await app.close();
  models.close();
}

async function measure(browser: BrowserContext, file: string): Promise<void> {
  const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).toString());
  const native = timeNative(file);
  const extraction = await browserExtraction(browser, file);
  const firstCue = await timeToFirstCue(browser, file);
  const seconds = extraction.result.extractMs / 1000;
  console.log([
    path.basename(file).padEnd(22),
    `${(statSync(file).size / 2 ** 30).toFixed(2)} GiB`.padStart(9),
    `${(duration / 60).toFixed(0)} min`.padStart(7),
    `${native.toFixed(1)} s`.padStart(8),
    `${seconds.toFixed(1)} s`.padStart(8),
    `${(seconds / native).toFixed(1)}×`.padStart(6),
    `${(duration / seconds).toFixed(0)}×`.padStart(10),
    `${(firstCue.ms / 1000).toFixed(1)} s`.padStart(10),
    `${mib(extraction.peak)}`.padStart(15),
    `${mib(firstCue.peak)}`.padStart(11),
  ].join(' '), extraction.result.error ? ` error: ${extraction.result.error}` : '');
}

function timeNative(file: string): number {
  const start = performance.now();
  spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:a:0', '-ac', '1', '-ar', '16000', '-rematrix_maxval', '1.0', '-f', 'f32le', '-y', '/dev/null']);
  return (performance.now() - start) / 1000;
}

async function browserExtraction(browser: BrowserContext, file: string): Promise<{ result: MediaBenchResult; peak: number }> {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${DEV_PORT}/bench/media.html`);
  const memory = sampleRendererMemory(profile);
  await page.locator('#file').setInputFiles(file);
  await page.waitForFunction(() => Reflect.has(window, 'benchResult'), undefined, { timeout: 3_600_000, polling: 500 });
  const result: MediaBenchResult = await page.evaluate(() => Reflect.get(window, 'benchResult'));
  const peak = memory.stop();
  await page.close();
  return { result, peak };
}

/** Drop to first cue in the built app, with the scripted model already in the browser cache. */
async function timeToFirstCue(browser: BrowserContext, file: string): Promise<{ ms: number; peak: number }> {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${APP_PORT}/`);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-host').fill(`http://127.0.0.1:${MODEL_PORT}`);
  await page.getByTestId('setting-host').dispatchEvent('change');
  await page.getByTestId('model-id').fill(TEST_MODELS.scripted);
  await page.getByTestId('model-id').dispatchEvent('change');
  await page.getByTestId('setting-device').selectOption('wasm');
  await page.getByTestId('settings-close').click();
  // Warm the model cache with the sample, as a returning user would have.
  await page.getByTestId('try-sample').click();
  await page.getByTestId('status').waitFor({ timeout: 120_000 });
  const memory = sampleRendererMemory(profile);
  const start = performance.now();
  await page.getByTestId('file-input').setInputFiles(file);
  // The previous project's cues stay until the new run has started: wait for its name first.
  await page.getByTestId('file-name').filter({ hasText: path.basename(file) }).waitFor({ timeout: 60_000 });
  await page.getByTestId('cue').first().waitFor({ timeout: 600_000 });
  const ms = performance.now() - start;
  await page.getByTestId('cancel').click().catch(() => undefined);
  await page.getByTestId('status').waitFor({ timeout: 60_000 });
  const peak = memory.stop();
  await page.close();
  return { ms, peak };
}

/**
 * A new tab of a returning user (engines and model cached, settings kept): time from drop to first
 * cue, dropped as soon as the page shows, or once the idle warm-up says it is done.
 */
async function timeOnReturn(browser: BrowserContext, file: string, afterWarmUp: boolean): Promise<number> {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${APP_PORT}/`);
  if (afterWarmUp) {
    await page.locator('main[data-warm="warm"], main[data-warm="skipped"]').waitFor({ timeout: 120_000 });
    if ((await page.locator('main').getAttribute('data-warm')) !== 'warm') console.log('warm-up did not run (engines or model not cached)');
  }
  const start = performance.now();
  await page.getByTestId('file-input').setInputFiles(file);
  // The previous project's cues stay until the new run has started: wait for its name first.
  await page.getByTestId('file-name').filter({ hasText: path.basename(file) }).waitFor({ timeout: 60_000 });
  await page.getByTestId('cue').first().waitFor({ timeout: 600_000 });
  const ms = performance.now() - start;
  await page.getByTestId('status').waitFor({ timeout: 120_000 });
  await page.close();
  return ms;
}
