/**
 * Studio benchmark (prints figures, asserts nothing) over a 3-hour transcript of 3,000+ cues,
 * all in one run —
 *   the segmenter in Node: English and Chinese transcripts, first call and warm median;
 *   in the built app (Chromium): importing the transcript as SRT until the list is painted;
 *   input latency, keydown to the frame after the update, for typing, split, merge and undo;
 *   jumping from the top of the list to its bottom; renderer memory and the JS heap.
 * Latencies are taken with the page's own clock (see studio-page.ts), not the test's.
 *   npm run bench:studio
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { mib, rendererMemory, sampleRendererMemory } from '../tests/e2e/support/memory.ts';
import type { Cue } from '../src/lib/subtitles/cue.ts';
import { PROFILES, type ReadabilityProfile } from '../src/lib/subtitles/segment/profiles.ts';
import { segmentCues } from '../src/lib/subtitles/segment/segment-cues.ts';
import { makeTranscript, writeTranscriptSrt } from './make-transcript.ts';
import { armImport, installProbe, jumpToBottom, scrollListTo, usedHeap, type StudioProbe } from './studio-page.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
// Not 4173/4174 (the e2e suite) nor 4373–4375 (bench:media): this can run beside either.
const APP_PORT = 4473;
const HOURS = 3;
const WARM_RUNS = 10;
const EDIT_PLACES = 30;
const SCROLL_RUNS = 10;
// 100 characters, typed one key press at a time into one cue.
const TYPED = ' and then we went all the way back to the old station, because nobody remembered where the cars were';
const TARGETS = { typingP99Ms: 50, segmenterMs: 200 };

const loadAtStart = loadavg()[0] ?? NaN;
console.log('generating the 3-hour transcripts…');
const english = makeTranscript('en', HOURS);
const chinese = makeTranscript('zh', HOURS);
const srt = writeTranscriptSrt(out, 'en', english);
writeTranscriptSrt(out, 'zh', chinese);
console.log(`  ${path.relative(root, srt.file)}: ${srt.count} cues over ${((english.at(-1)?.end ?? 0) / 3600).toFixed(2)} h (and its Chinese twin)`);

console.log(`\nsegmentCues in Node ${process.versions.node} (target: under ${TARGETS.segmenterMs} ms for the whole transcript)`);
console.log('transcript                   cues in  cues out  first call  warm median of 10');
for (const [name, cues, profile] of [
  ['English, netflix-en', english, PROFILES['netflix-en']],
  ['Chinese, netflix-zh-hans', chinese, PROFILES['netflix-zh-hans']],
] as const) {
  const result = timeSegmenter(cues, profile);
  console.log([name.padEnd(27), String(cues.length).padStart(8), String(result.out).padStart(9), ms(result.firstMs).padStart(11), ms(result.warmMs).padStart(18)].join(' '));
}

if (!existsSync(path.join(root, 'dist/index.html'))) execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
const app = await preview({ root, preview: { port: APP_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
// A profile folder of our own: its path identifies this browser's processes for the memory figures.
const profile = mkdtempSync(path.join(tmpdir(), 'zimu-bench-studio-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
try {
  await measureStudio(browser.pages()[0] ?? (await browser.newPage()));
} finally {
  await browser.close();
  await app.close();
}
const others = spawnSync('ps', ['-eo', 'args=']).stdout.toString().split('\n').filter((line) => /chromium.*--type=renderer/.test(line)).length;
console.log(`\nmachine: ${availableParallelism()} CPUs, load average ${loadAtStart.toFixed(2)} at the start and ${(loadavg()[0] ?? NaN).toFixed(2)} at the end;` +
  ` ${others} other Chromium renderer processes running at the end (another test run or benchmark skews every figure).`);

function timeSegmenter(cues: readonly Cue[], profile: ReadabilityProfile): { firstMs: number; warmMs: number; out: number } {
  let started = performance.now();
  const first = segmentCues(cues, profile);
  const firstMs = performance.now() - started;
  const warm: number[] = [];
  for (let run = 0; run < WARM_RUNS; run++) {
    started = performance.now();
    segmentCues(cues, profile);
    warm.push(performance.now() - started);
  }
  return { firstMs, warmMs: percentile(warm, 50), out: first.length };
}

async function measureStudio(page: Page): Promise<void> {
  await page.goto(`http://127.0.0.1:${APP_PORT}/`);
  await page.evaluate(installProbe);
  const baseline = rendererMemory(profile);
  const memory = sampleRendererMemory(profile);

  await page.evaluate(armImport, srt.count);
  const wallStart = performance.now();
  await page.getByTestId('file-input').setInputFiles(srt.file);
  await page.waitForFunction(() => window.zimuProbe?.importMs !== undefined, undefined, { timeout: 600_000, polling: 100 });
  const importWallMs = performance.now() - wallStart;
  const importMs = await page.evaluate(() => window.zimuProbe?.importMs ?? NaN);
  const importTasks = await takeLongTasks(page);
  await page.waitForTimeout(1000);
  const heap = await page.evaluate(usedHeap, false);
  const heapAfterGc = await page.evaluate(usedHeap, true);

  const typing = await timeTyping(page);
  const edits = await timeEdits(page);
  const editTasks = await takeLongTasks(page);
  const peak = memory.stop();
  const scroll = await timeScroll(page);

  console.log(`\nthe built app in ${chromiumVersion()} (headless), ${srt.count} cues imported as SRT`);
  console.log(`import → list painted: ${ms(importMs)} in the page (${ms(importWallMs)} by the benchmark's clock);` +
    ` ${importTasks.length} long tasks, the longest ${ms(Math.max(0, ...importTasks))}`);
  console.log(`\nkeydown → frame after the update   presses   median      p99    worst  missed   (target: typing under ${TARGETS.typingP99Ms} ms at p99)`);
  latencyRow('typing (one cue, 100 keys)', typing);
  latencyRow(`split (Alt+S), ${EDIT_PLACES} places`, edits.split);
  latencyRow(`merge (Alt+M), ${EDIT_PLACES} places`, edits.merge);
  latencyRow(`undo (Ctrl+Z), ${EDIT_PLACES} places`, edits.undo);
  console.log(`long tasks while typing and editing: ${editTasks.length}, the longest ${ms(Math.max(0, ...editTasks))}`);
  // Each place adds one cue: split (+1), merge (−1), undo of the merge (+1).
  console.log(`cues after the edits: ${scroll.count} (${srt.count} + ${EDIT_PLACES} when every edit landed)`);
  console.log(`\nscroll top → bottom (scrollTop = scrollHeight until the last row is painted), ${SCROLL_RUNS} jumps:` +
    ` median ${ms(percentile(scroll.ms, 50))}, worst ${ms(Math.max(...scroll.ms))}; last row in view after ${scroll.inView}/${SCROLL_RUNS}`);
  console.log(`\nrenderer RSS: ${mib(baseline)} with the app open, peak ${mib(peak)} during the import and the edits`);
  console.log(`JS heap after import: ${mib(heap)} in use, ${mib(heapAfterGc)} after a full GC`);
}

type EditName = 'split' | 'merge' | 'undo';

interface Latencies {
  readonly samples: readonly number[];
  readonly misses: number;
}

/** Types TYPED into the text of the cue in the middle of the list, one key press at a time. */
async function timeTyping(page: Page): Promise<Latencies> {
  await editRowAt(page, 0.5);
  await setMode(page, 'typing');
  for (const [index, char] of [...TYPED].entries()) {
    await page.keyboard.type(char);
    await page.waitForFunction((n) => (window.zimuProbe?.samples.length ?? 0) > n, index);
  }
  const typed = await page.getByTestId('cue-text-input').inputValue();
  if (!typed.endsWith(TYPED)) console.log(`  note: the cue's text does not end with what was typed: ${JSON.stringify(typed.slice(-120))}`);
  const result = await takeSamples(page);
  await page.keyboard.press('Escape');
  return result;
}

/** At EDIT_PLACES rows spread through the list: split at the caret (mid-text), merge with the next cue, undo the merge. */
async function timeEdits(page: Page): Promise<Record<EditName, Latencies>> {
  const series: Record<EditName, { samples: number[]; misses: number }> = {
    split: { samples: [], misses: 0 },
    merge: { samples: [], misses: 0 },
    undo: { samples: [], misses: 0 },
  };
  const keys: readonly (readonly [EditName, string])[] = [['split', 'Alt+KeyS'], ['merge', 'Alt+KeyM'], ['undo', 'Control+KeyZ']];
  for (let place = 0; place < EDIT_PLACES; place++) {
    await editRowAt(page, (place + 0.5) / EDIT_PLACES);
    await page.evaluate(() => {
      const box = document.activeElement;
      if (box instanceof HTMLTextAreaElement) box.setSelectionRange(box.value.length >> 1, box.value.length >> 1);
    });
    await setMode(page, 'action');
    for (const [name, key] of keys) {
      const sample = await timeKey(page, key);
      if (sample === undefined) series[name].misses++;
      else series[name].samples.push(sample);
    }
    await setMode(page, 'off');
    await page.keyboard.press('Escape');
  }
  await takeSamples(page);
  return series;
}

/** Presses `key` and waits for the probe to time it; undefined when the list did not change. */
async function timeKey(page: Page, key: string): Promise<number | undefined> {
  const seen = await page.evaluate(() => (window.zimuProbe?.samples.length ?? 0) + (window.zimuProbe?.misses ?? 0));
  const samples = await page.evaluate(() => window.zimuProbe?.samples.length ?? 0);
  await page.keyboard.press(key);
  await page.waitForFunction((n) => (window.zimuProbe?.samples.length ?? 0) + (window.zimuProbe?.misses ?? 0) > n, seen);
  return page.evaluate((n) => window.zimuProbe?.samples[n], samples);
}

/** Scrolls to `fraction` of the list and opens the text of the row in the middle of the view for editing. */
async function editRowAt(page: Page, fraction: number): Promise<void> {
  const index = await page.evaluate(scrollListTo, fraction);
  await page.locator(`[data-testid="cue"][data-index="${index}"] [data-testid="cue-text"]`).click();
  await page.waitForFunction(() => document.activeElement instanceof HTMLElement && document.activeElement.dataset.testid === 'cue-text-input');
}

async function timeScroll(page: Page): Promise<{ ms: number[]; inView: number; count: number }> {
  const count = Number(await page.getByTestId('cues').getAttribute('data-count'));
  const times: number[] = [];
  let inView = 0;
  for (let run = 0; run < SCROLL_RUNS; run++) {
    await page.evaluate(scrollListTo, 0);
    const jump = await page.evaluate(jumpToBottom, count);
    times.push(jump.ms);
    if (jump.inView) inView++;
  }
  return { ms: times, inView, count };
}

async function setMode(page: Page, mode: StudioProbe['mode']): Promise<void> {
  await page.evaluate((next) => {
    const probe = window.zimuProbe;
    if (probe) probe.mode = next;
  }, mode);
}

/** The samples of the series just measured; the probe is switched off and emptied. */
async function takeSamples(page: Page): Promise<Latencies> {
  return page.evaluate(() => {
    const probe = window.zimuProbe;
    if (!probe) return { samples: [], misses: 0 };
    const result = { samples: probe.samples, misses: probe.misses };
    Object.assign(probe, { mode: 'off', samples: [], misses: 0 });
    return result;
  });
}

async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => window.zimuProbe?.longTasks.splice(0) ?? []);
}

function latencyRow(name: string, { samples, misses }: Latencies): void {
  const cells = [percentile(samples, 50), percentile(samples, 99), Math.max(...samples)].map((value) => ms(value).padStart(8));
  console.log(`${name.padEnd(35)}${String(samples.length).padStart(8)} ${cells.join(' ')}${String(misses).padStart(8)}`);
}

/** The browser's version (Playwright has no browser object for a persistent context, and the user agent says 156.0.0.0). */
function chromiumVersion(): string {
  const version = browser.browser()?.version();
  if (version) return `Chromium ${version}`;
  const line = existsSync('/usr/bin/chromium') ? spawnSync('/usr/bin/chromium', ['--version']).stdout.toString() : '';
  return line.split(' built')[0]?.trim() || 'Chromium';
}

/** Nearest-rank percentile: with 100 samples p99 is the 99th, with 30 it is the worst. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function ms(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—';
}
