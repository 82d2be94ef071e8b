/**
 * In-browser LLM benchmark (prints figures, asserts nothing), all in one run on the same generated
 * model — Qwen2.5-0.5B's layers, heads and hidden size with a 32k vocabulary and random weights:
 *   prefill and decode speed of the app's `generateAnswer` on a ~550-token translation prompt with
 *   64 new tokens, in the browser (in a worker, as the app runs it: WASM with 1 and 2 threads, at
 *   the app's dtype (q8) and at q4; WebGPU on whatever adapter the browser has — SwiftShader on
 *   CPU-only machines, within a time limit) and natively in Node with onnxruntime-node, with the
 *   browser/native ratios; each figure the second of two runs;
 *   the 3-minute fixture's transcript translated end to end with the app's `translateCues` on
 *   browser WASM: by the scripted chat model (exact answers: the app's own cost per request and
 *   token) and by the random model (answers fail the checks: a worst case of retries and splits).
 *   npm run bench:llm
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { LOCAL_LIMITS, localDtypeFor, type LocalDtype, type LocalPrecision } from '../src/lib/llm/local/local-catalog.ts';
import type { Device } from '../src/lib/transcription/models.ts';
import { isArrayOf } from '../src/lib/workers/shape.ts';
import { CHAT_MODEL_SPECS, CHAT_TEST_MODELS, generateChatModels } from '../tests/fixtures/models/chat-models.ts';
import { QWEN_PRESETS } from '../tests/fixtures/models/chat-qwen2.ts';
import { startModelServer } from '../tests/e2e/support/model-server.ts';
import { configureNode, loadNative, writeBenchInput } from './llm-native.ts';
import { measureSpeed, translateTranscript, warmUp } from './llm-measure.ts';
import { isPageReport, isSpeedRun, isStage, isTranslateFigures, LLM_BENCH, type PageReport, type SpeedRun, type Stage, type TranslateFigures } from './llm-options.ts';
import { notMeasuredLine, SPEED_HEADER, speedLine, TRANSLATION_HEADER, translationLine } from './llm-print.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modelsRoot = path.join(root, 'tests/fixtures/models/out');
// Not 4173/4174 (the e2e suite) nor 4373–4377 (bench:media, bench:asr): this can run beside them.
const [DEV_PORT, MODEL_PORT] = [4378, 4379];
const CORES = availableParallelism();
/** SwiftShader runs WebGPU on the CPU, very slowly: it is tried for the record, within a limit. */
const LIMIT_MS = { wasm: 600_000, webgpu: 120_000, translate: 900_000 } as const;
const benchId = CHAT_TEST_MODELS.qwenBench;
const scriptedId = CHAT_TEST_MODELS.chatScripted;
/** What the app loads on WASM; Node's CPU provider gets the same, and the other 4/8-bit choice beside it. */
const appDtype = localDtypeFor('wasm', false);
const otherDtype: LocalDtype = appDtype === 'q8' ? 'q4' : 'q8';
const NATIVE_DTYPES: readonly LocalDtype[] = [appDtype, otherDtype];
const SPEED_ROWS: readonly { label: string; device: Device; threads: number; precision: LocalPrecision }[] = [
  { label: 'browser WASM, 1 thread', device: 'wasm', threads: 1, precision: 'auto' },
  { label: 'browser WASM, 2 threads', device: 'wasm', threads: 2, precision: 'auto' },
  { label: `browser WASM, 2 threads, ${otherDtype} (precision set)`, device: 'wasm', threads: 2, precision: otherDtype },
  { label: 'browser WebGPU', device: 'webgpu', threads: 2, precision: 'auto' },
];

interface PageProgress {
  readonly stages: readonly Stage[];
  readonly partial: readonly SpeedRun[];
  readonly sofar?: TranslateFigures;
}
interface PageOutcome extends PageProgress {
  readonly report: PageReport;
}

const startedAt = performance.now();
const loadAtStart = load();
console.log('generating the benchmark models (first run only: about a minute and 2.6 GB on disk)…');
await generateChatModels(modelsRoot, ['chatScripted', 'qwenBench']);
const input = writeBenchInput(root);

console.log(`running natively in Node ${process.versions.node} (onnxruntime-node, ${CORES} threads)…`);
configureNode(modelsRoot);
const native = new Map<string, { readonly run: SpeedRun; readonly loadMs: number; readonly load: number }>();
for (const dtype of NATIVE_DTYPES) {
  const started = performance.now();
  const model = await loadNative(benchId, dtype, CORES);
  await warmUp(model);
  const loadMs = performance.now() - started;
  native.set(dtype, { run: measured(await measureSpeed(model, input.prefill, () => undefined)), loadMs, load: load() });
  await model.model.dispose();
}
const nativeScripted = await loadNative(scriptedId, appDtype, CORES);
await warmUp(nativeScripted);
const nativeTranslation = await translateTranscript(nativeScripted, input.transcript, LOCAL_LIMITS.maxNewTokens);
const nativeTranslationLoad = load();
await nativeScripted.model.dispose();

printHeader();
const models = await startModelServer(modelsRoot, MODEL_PORT);
const dev = await createServer({ root, server: { port: DEV_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
await dev.listen();
try {
  for (const [dtype, row] of native) console.log(speedLine('Node, onnxruntime-node (native)', dtype, CORES, row.run, row.loadMs, row.run, row.load));
  for (const row of SPEED_ROWS) {
    const query = { job: 'speed', model: benchId, device: row.device, threads: String(row.threads), precision: row.precision };
    const { report, stages, partial } = await browserRun(query, LIMIT_MS[row.device]);
    if (report.kind === 'speed') {
      // q4f16 (WebGPU with fp16 shaders) has no native twin: it is compared with the app's WASM dtype
      const reference = native.get(report.dtype) ?? native.get(appDtype);
      const label = row.label + (report.adapter ? `: ${report.adapter}` : '');
      if (reference) console.log(speedLine(label, report.dtype, report.threads, measured(report.runs), report.loadMs, reference.run, load()));
    } else {
      console.log(notMeasuredLine(row.label, report.kind === 'failed' ? report.error : 'no speed figures', stages, partial));
    }
  }
  console.log(`\nTranslating the 3-minute fixture's transcript (${input.transcript.length} cues) with translateCues, LOCAL_PROMPTS.translate,`);
  console.log(`${LOCAL_LIMITS.batchSize} cues a batch, ${LOCAL_LIMITS.contextLines} context line, ${appDtype}, browser WASM with 2 threads:`);
  console.log(TRANSLATION_HEADER);
  console.log(translationLine(`scripted, Node (native), ≤${LOCAL_LIMITS.maxNewTokens} tokens`, nativeTranslation, nativeTranslationLoad));
  const scripted = await browserRun({ job: 'translate', model: scriptedId, device: 'wasm', threads: '2', 'answer-tokens': String(LOCAL_LIMITS.maxNewTokens) }, LIMIT_MS.translate);
  printTranslation(`scripted, browser, ≤${LOCAL_LIMITS.maxNewTokens} tokens`, scripted);
  const random = await browserRun({ job: 'translate', model: benchId, device: 'wasm', threads: '2', 'answer-tokens': String(LLM_BENCH.randomAnswerTokens) }, LIMIT_MS.translate);
  printTranslation(`0.5B-shaped random, browser, ≤${LLM_BENCH.randomAnswerTokens} tokens`, random);
  console.log('  The scripted model answers exactly (its graph is tiny): its time is the app\'s and the runtime\'s own cost per request and token.');
  console.log('  The random model is a WORST CASE: its answers never carry the right line numbers, so each batch is asked twice, then');
  console.log('  split in halves down to single cues, whose unnumbered answers are taken as they are.');
} finally {
  await dev.close();
  models.close();
}
console.log(`\nmachine: ${CORES} CPUs; load average ${loadAtStart.toFixed(2)} at the start, ${load().toFixed(2)} at the end; whole run ${((performance.now() - startedAt) / 60_000).toFixed(1)} min.`);
console.log('note: figures on a shared 2-core machine are noisy (other jobs take the same cores); only the ratios measured in the same run are comparable.');

function printHeader(): void {
  const spec = CHAT_MODEL_SPECS.qwenBench;
  const shape = spec.kind === 'random' ? QWEN_PRESETS[spec.preset] : undefined;
  const vocab = shape?.vocab.kind === 'gpt2' ? ` ${shape.vocab.size} (GPT-2's first tokens + ChatML)` : '';
  console.log(`\n${benchId}: random weights with Qwen2.5-0.5B's dimensions —`);
  if (shape) console.log(`  ${shape.layers} layers, hidden ${shape.d}, ${shape.heads} query / ${shape.kvHeads} key-value heads of ${shape.headDim}, FFN ${shape.ffn}, vocabulary${vocab}`);
  console.log(`prompt: one translation batch of ${LLM_BENCH.prefillLines} transcript lines (batchMessages, LOCAL_PROMPTS.translate; the app sends ${LOCAL_LIMITS.batchSize} a request);`);
  console.log(`${LLM_BENCH.newTokens} new tokens, greedy, end-of-turn held off with min_new_tokens; prefill = time to the first new token, decode = the other ${LLM_BENCH.newTokens - 1};`);
  console.log(`each figure is the second of two runs (the first, of ${LLM_BENCH.warmUpTokens} new tokens, compiles and warms up), after the app's one-token warm-up.`);
  console.log(`The app loads ${appDtype} on WASM (localDtypeFor); the browser runs the model in a worker, as the app does.`);
  console.log('Ratios: browser tok/s ÷ native tok/s at the same dtype (below 1: slower than native). "load": the 1-minute load average');
  console.log(`as the row ended, this run's own threads included (on an idle machine about 1 or 2): well above that, other jobs took the cores.\n`);
  console.log(SPEED_HEADER);
}

function printTranslation(label: string, outcome: PageOutcome): void {
  const { report } = outcome;
  if (report.kind === 'translate') console.log(translationLine(label, report.figures, load()));
  else console.log(notMeasuredLine(label, report.kind === 'failed' ? report.error : 'no translation figures', outcome.stages, [], outcome.sofar));
}

/** The 1-minute load average now. */
function load(): number {
  return loadavg()[0] ?? NaN;
}

/** The measured run: the second (the first compiled and warmed up). */
function measured(runs: readonly SpeedRun[]): SpeedRun {
  const run = runs.at(-1);
  if (!run) throw new Error('no speed run');
  return run;
}

/**
 * Opens the benchmark page with `query` in a browser of its own and waits for its report, at most
 * `limitMs`. A browser per run: SwiftShader's GPU process goes on with queued WebGPU work after its
 * page has closed, and would slow every later run down.
 */
async function browserRun(query: Record<string, string>, limitMs: number): Promise<PageOutcome> {
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-webgpu-adapter=swiftshader'],
  });
  const page = await browser.newPage();
  const search = new URLSearchParams({ ...query, host: `http://127.0.0.1:${MODEL_PORT}` });
  const progress = async (): Promise<PageProgress> => {
    const [stages, partial, sofar]: unknown[] = await page.evaluate(() => ['benchStages', 'benchRuns', 'benchTranslation'].map((key) => Reflect.get(window, key)));
    return {
      stages: isArrayOf(stages, isStage) ? stages : [],
      partial: isArrayOf(partial, isSpeedRun) ? partial : [],
      ...(isTranslateFigures(sofar) ? { sofar } : {}),
    };
  };
  try {
    await page.goto(`http://127.0.0.1:${DEV_PORT}/bench/llm.html?${search}`);
    await page.waitForFunction(() => Reflect.has(window, 'benchReport'), undefined, { timeout: limitMs, polling: 1000 });
    const report: unknown = await page.evaluate(() => Reflect.get(window, 'benchReport'));
    return { report: isPageReport(report) ? report : { kind: 'failed', error: 'the page reported something else' }, ...(await progress()) };
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `timed out after ${limitMs / 1000} s` : (String(error).split('\n')[0] ?? '');
    return { report: { kind: 'failed', error: reason }, ...(await progress().catch(() => ({ stages: [], partial: [] }))) };
  } finally {
    await browser.close();
  }
}
