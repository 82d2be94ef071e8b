/**
 * Extraction benchmark: the app's in-browser audio extraction against native ffmpeg on the same
 * files, measured in the same run, plus the renderer's peak memory. Prints figures; asserts nothing.
 *   npm run bench            (builds first if dist/ is missing)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { generateTestModels, TEST_MODELS } from '../tests/fixtures/models/generate.ts';
import { startModelServer } from '../tests/e2e/support/model-server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
const APP_PORT = 4273;
const MODEL_PORT = 4274;

mkdirSync(out, { recursive: true });
if (!existsSync(path.join(root, 'dist/index.html'))) execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
const files = [path.join(root, 'tests/fixtures/media/speech-3min.mp4'), loopTo(600)];

const modelsRoot = path.join(root, 'tests/fixtures/models/out');
await generateTestModels(modelsRoot, ['scripted']);
const models = await startModelServer(modelsRoot, MODEL_PORT);
const server = await preview({ root, preview: { port: APP_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

console.log('file                 duration  native   browser  ratio   engine  probe   renderer peak');
try {
  for (const file of files) await measure(file);
} finally {
  await browser.close();
  await server.close();
  models.close();
}

async function measure(file: string): Promise<void> {
  const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).toString());
  const nativeStart = performance.now();
  spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:a:0', '-ac', '1', '-ar', '16000', '-rematrix_maxval', '1.0', '-f', 'f32le', '-y', '/dev/null']);
  const native = (performance.now() - nativeStart) / 1000;

  const page = await browser.newPage();
  await page.addInitScript(() => {
    const log: { stage: string; t: number }[] = [];
    Reflect.set(window, '__stages', log);
    new MutationObserver(() => {
      const stage = document.querySelector('[data-testid="progress"]')?.getAttribute('data-stage')
        ?? document.querySelector('[data-testid="status"], [data-testid="error"]')?.getAttribute('data-testid') ?? '';
      if (stage && stage !== log.at(-1)?.stage) log.push({ stage, t: performance.now() });
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage'] });
  });
  await page.goto(`http://127.0.0.1:${APP_PORT}/`);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-host').fill(`http://127.0.0.1:${MODEL_PORT}`);
  await page.getByTestId('setting-host').dispatchEvent('change');
  await page.getByTestId('setting-model').fill(TEST_MODELS.scripted);
  await page.getByTestId('setting-model').dispatchEvent('change');
  await page.getByTestId('setting-device').selectOption('wasm');
  const peak = sampleRendererMemory();
  await page.getByTestId('file-input').setInputFiles(file);
  await page.locator('[data-testid="status"], [data-testid="error"]').first().waitFor({ timeout: 600_000 });
  const peakBytes = peak.stop();
  const stages = await page.evaluate(() => Reflect.get(window, '__stages') as { stage: string; t: number }[]);
  await page.close();
  const at = (stage: string) => stages.find((s) => s.stage === stage)?.t ?? NaN;
  const browserSeconds = (at('loading-model') - at('extracting')) / 1000;
  const row = [
    path.basename(file).padEnd(20),
    `${duration.toFixed(0)} s`.padStart(8),
    `${native.toFixed(2)} s`.padStart(8),
    `${browserSeconds.toFixed(2)} s`.padStart(8),
    `${(browserSeconds / native).toFixed(1)}×`.padStart(6),
    `${((at('probing') - at('loading-engine')) / 1000).toFixed(2)} s`.padStart(7),
    `${((at('extracting') - at('probing')) / 1000).toFixed(2)} s`.padStart(7),
    `${(peakBytes / 2 ** 20).toFixed(0)} MiB`.padStart(13),
  ];
  console.log(row.join(' '), `  (${(duration / browserSeconds).toFixed(0)}× real time)`);
}

/** Peak resident memory of Chromium's renderer processes (workers live there), sampled every 100 ms. */
function sampleRendererMemory(): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    const ps = spawnSync('ps', ['-eo', 'rss=,args=']).stdout.toString();
    const total = ps.split('\n').filter((l) => l.includes('--type=renderer')).reduce((sum, l) => sum + Number(l.trim().split(/\s+/)[0]) * 1024, 0);
    peak = Math.max(peak, total);
  }, 100);
  return { stop: () => (clearInterval(timer), peak) };
}

/** A longer file made by looping the 3-minute fixture (stream copy: instant). */
function loopTo(seconds: number): string {
  const target = path.join(out, `speech-${seconds / 60}min.mp4`);
  if (!existsSync(target)) {
    const source = path.join(root, 'tests/fixtures/media/speech-3min.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-stream_loop', '-1', '-i', source, '-t', String(seconds), '-c', 'copy', '-y', target]);
  }
  return target;
}
