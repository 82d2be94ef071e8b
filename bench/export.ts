/**
 * Export benchmark (prints figures, asserts nothing): soft subtitles muxed into 3-, 60- and
 * 180-minute files (and, with `big`, one over 4 GB), MP4 and MKV, in the same run —
 *   wall time in the browser (the app's export worker, output streamed into a file of the
 *   origin private file system) against native ffmpeg doing the same copy into a file on disk,
 *   their ratio, and the peak resident memory of Chromium's renderer processes meanwhile.
 *   burn-in (`burn`): 1 minute of 720p through the WebCodecs path against native ffmpeg +
 *   libx264 veryfast with the `subtitles=` filter, frames per second and ratio (export-burn.ts).
 *   npm run bench:export [-- --only 3,60,180,big,burn]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from '@playwright/test';
import { createServer } from 'vite';
import { toSrt } from '../src/lib/subtitles/srt.ts';
import { nativeMuxSeconds } from '../tests/e2e/support/export-native.ts';
import { mib, sampleRendererMemory } from '../tests/e2e/support/memory.ts';
import type { ExportBenchResult } from './export-page.ts';
import { benchBurnIn } from './export-burn.ts';
import { bigFile, loopedSpeech } from './make-media.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
const DEV_PORT = 4393;
const onlyArg = process.argv.indexOf('--only');
const only = new Set((onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? '') : '3,60,180,burn').split(','));

console.log('generating media (first run only)…');
const makers: Record<string, () => string> = {
  '3': () => path.join(root, 'tests/fixtures/media/speech-3min.mp4'),
  '60': () => loopedSpeech(root, out, 60),
  '180': () => loopedSpeech(root, out, 180),
  big: () => bigFile(root, out),
};
const files = Object.entries(makers).filter(([name]) => only.has(name)).map(([, make]) => make());
// mediabunny is imported only by the burn-in worker: pre-bundled up front, so the dev server
// doesn't discover it mid-run and reload the page.
const dev = await createServer({ root, server: { port: DEV_PORT, strictPort: true, host: '127.0.0.1' }, optimizeDeps: { include: ['mediabunny'] }, logLevel: 'silent' });
await dev.listen();
const profile = mkdtempSync(path.join(tmpdir(), 'zimu-bench-export-'));
const scratch = mkdtempSync(path.join(tmpdir(), 'zimu-bench-export-out-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

console.log('\nfile                     size      media  kind  native  browser  ratio  ×realtime  peak');
try {
  for (const file of files) for (const container of ['mp4', 'mkv'] as const) await measure(browser, file, container);
  if (only.has('burn')) await benchBurnIn(browser, `http://127.0.0.1:${DEV_PORT}/bench/export.html`, out, scratch);
} finally {
  await browser.close();
  await dev.close();
  rmSync(scratch, { recursive: true, force: true });
}

/** Two subtitle tracks with a cue every 3 s over the whole file, as a real transcript has. */
function subtitles(duration: number): string[] {
  const cues = Array.from({ length: Math.floor(duration / 3) }, (_, i) => ({ start: i * 3, end: i * 3 + 2.5, text: `Line ${i + 1} of the subtitles.` }));
  return [toSrt(cues), toSrt(cues.map((c) => ({ ...c, text: `第 ${c.text} 行字幕。` })))];
}

async function measure(browser: BrowserContext, file: string, container: 'mp4' | 'mkv'): Promise<void> {
  const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).toString());
  const srts = subtitles(duration);
  const srtFiles = srts.map((text, i) => {
    const srtFile = path.join(scratch, `${i}.srt`);
    writeFileSync(srtFile, text);
    return srtFile;
  });
  const nativeOut = path.join(scratch, `native.${container}`);
  let native: number;
  try {
    native = nativeMuxSeconds(file, srtFiles, container, nativeOut);
  } catch {
    // The raw video of the file over 4 GB has no MP4 form: the app says so too (export-unsupported-codec).
    console.log(`${path.basename(file).padEnd(24)} ${container.padStart(5)}: the container can't hold these streams without re-encoding`);
    return;
  } finally {
    rmSync(nativeOut, { force: true });
  }
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${DEV_PORT}/bench/export.html`);
  await page.locator('#file').setInputFiles(file);
  const memory = sampleRendererMemory(profile);
  const result: ExportBenchResult = await page.evaluate(
    ({ srts: texts, container: kind }) => {
      const run: unknown = Reflect.get(window, 'runExportBench');
      if (typeof run !== 'function') throw new Error('bench page not loaded');
      return Reflect.apply(run, window, [texts, kind]);
    },
    { srts, container },
  );
  const peak = memory.stop();
  // Leave the private file system empty for the next file.
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('zimu-video-export', { recursive: true }).catch(() => undefined));
  await page.close();
  const seconds = result.muxMs / 1000;
  console.log([
    path.basename(file).padEnd(24),
    `${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`.padStart(9),
    `${(duration / 60).toFixed(0)} min`.padStart(8),
    container.padStart(5),
    `${native.toFixed(2)} s`.padStart(7),
    `${seconds.toFixed(2)} s`.padStart(8),
    `${(seconds / native).toFixed(1)}×`.padStart(6),
    `${(duration / seconds).toFixed(0)}×`.padStart(10),
    mib(peak).padStart(9),
  ].join(' '), result.error ? ` error: ${result.error}` : ` (ffmpeg load ${(result.warmMs / 1000).toFixed(1)} s, ${result.chunks} chunks)`);
}
