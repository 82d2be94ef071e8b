/**
 * The burn-in half of bench:export: one minute of 720p with a cue every 3 s (English over
 * Chinese), burned in by the app in the browser on each path it has — WebCodecs, and the
 * ffmpeg.wasm fallback (libass + x264 veryfast), forced by taking the page's `VideoEncoder`
 * away as a browser without WebCodecs would be — against native ffmpeg's `subtitles=` filter
 * (libass) with libx264 `veryfast`, in the same run; frames per second each and their ratio.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { toSrt } from '../src/lib/subtitles/srt.ts';
import type { BurnBenchResult } from './export-page.ts';

/** The benchmark's clip: 60 s of 1280×720 at 25 fps (1,500 frames), H.264 and AAC. */
const SECONDS = 60;
const FPS = 25;

function clip(out: string): string {
  const file = path.join(out, 'burn-720p-1min.mp4');
  if (existsSync(file)) return file;
  mkdirSync(out, { recursive: true });
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=${FPS}`, '-f', 'lavfi', '-i', 'sine=frequency=440',
    '-t', String(SECONDS), '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file]);
  return file;
}

function cues() {
  return Array.from({ length: SECONDS / 3 }, (_, i) => ({ start: i * 3, end: i * 3 + 2.5, text: `Line ${i + 1} of the subtitles.\n第 ${i + 1} 行字幕。` }));
}

function nativeSeconds(file: string, srt: string, output: string): number {
  const started = performance.now();
  // libass through the filter, x264 veryfast, audio copied: what the fallback path would do natively.
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', file, '-vf', `subtitles=${srt}`, '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'copy', output]);
  return (performance.now() - started) / 1000;
}

/** Runs both and prints one line each and the ratio. */
export async function benchBurnIn(browser: BrowserContext, pageUrl: string, out: string, scratch: string): Promise<void> {
  const file = clip(out);
  const frames = SECONDS * FPS;
  const list = cues();
  const srt = path.join(scratch, 'burn.srt');
  writeFileSync(srt, toSrt(list));
  const nativeOut = path.join(scratch, 'burn-native.mp4');
  const native = nativeSeconds(file, srt, nativeOut);
  rmSync(nativeOut, { force: true });
  console.log('\nburn-in, 1 min of 720p (1,500 frames), cue every 3 s');
  console.log(`  native ffmpeg subtitles= + libx264 veryfast: ${native.toFixed(2)} s, ${(frames / native).toFixed(0)} fps`);
  for (const fallback of [false, true]) {
    const result = await inBrowser(browser, pageUrl, file, list, fallback);
    const label = fallback ? 'browser fallback, no WebCodecs' : 'browser WebCodecs';
    if (result.error) {
      console.log(`  ${label}: error: ${result.error}`);
      continue;
    }
    const seconds = result.burnMs / 1000;
    console.log(`  ${label} (${result.path}: ${result.codec} in ${result.container}): ${seconds.toFixed(2)} s, ${(result.frames / seconds).toFixed(1)} fps`
      + ` (${result.frames} frames; the app estimated ${result.estimateSeconds.toFixed(1)} s)`);
    console.log(`    ratio browser/native time: ${(seconds / native).toFixed(2)}×`);
  }
}

/** One burn-in through the app's client in a fresh page; `fallback` takes WebCodecs' encoder away first. */
async function inBrowser(browser: BrowserContext, pageUrl: string, file: string, list: ReturnType<typeof cues>, fallback: boolean): Promise<BurnBenchResult> {
  const page = await browser.newPage();
  if (fallback) await page.addInitScript(() => Reflect.deleteProperty(globalThis, 'VideoEncoder'));
  const run = async (): Promise<BurnBenchResult> => {
    await page.goto(pageUrl);
    await page.waitForFunction(() => typeof Reflect.get(window, 'runBurnBench') === 'function');
    await page.locator('#file').setInputFiles(file);
    return page.evaluate((texts) => {
      const start: unknown = Reflect.get(window, 'runBurnBench');
      if (typeof start !== 'function') throw new Error('bench page not loaded');
      return Reflect.apply(start, window, [texts]);
    }, list);
  };
  // A first run may meet the dev server's reload after it bundles the worker's dependencies.
  const result = await run().catch(run);
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('zimu-video-export', { recursive: true }).catch(() => undefined));
  await page.close();
  return result;
}
