/**
 * ASR benchmark (prints figures, asserts nothing). Whisper: the whisper-tiny-sized generated model on the
 * same 70 s of speech with a fixed token budget per 30 s chunk, in the browser (WASM with 1 and 2
 * threads; WebGPU on whatever adapter the browser has — SwiftShader on CPU-only machines, for the
 * record) and natively in Node with onnxruntime-node, measured in the same run, with the
 * browser/native ratio. Each figure is the second of two runs (the first compiles and warms up).
 * SenseVoice (asr-sensevoice.ts): a SenseVoiceSmall-sized model against native sherpa-onnx, same run.
 *   npm run bench:asr
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, pipeline } from '@huggingface/transformers';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { generateTestModels, TEST_MODELS } from '../tests/fixtures/models/generate.ts';
import { startModelServer } from '../tests/e2e/support/model-server.ts';
import { ASR_BENCH_OPTIONS } from './asr-options.ts';
import type { AsrBenchResult } from './asr-page.ts';
import { senseVoiceBench } from './asr-sensevoice.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
const [DEV_PORT, MODEL_PORT] = [4376, 4377];
const modelsRoot = path.join(root, 'tests/fixtures/models/out');
const model = TEST_MODELS.tiny;

mkdirSync(out, { recursive: true });
const pcmFile = path.join(out, 'speech-70s.f32');
if (!existsSync(pcmFile)) {
  execFileSync('ffmpeg', ['-v', 'error', '-i', path.join(root, 'tests/fixtures/media/speech-3min.mp4'), '-t', '70', '-ac', '1', '-ar', '16000', '-f', 'f32le', '-y', pcmFile]);
}
console.log('generating the whisper-tiny-sized model (first run only)…');
await generateTestModels(modelsRoot, ['tiny']);

const native = await nativeRun();
const models = await startModelServer(modelsRoot, MODEL_PORT);
const dev = await createServer({ root, server: { port: DEV_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
await dev.listen();
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-webgpu-adapter=swiftshader'],
});
/** SwiftShader runs WebGPU on the CPU, very slowly: it is measured for the record, within a limit. */
const RUN_LIMIT_MS = { wasm: 900_000, webgpu: 300_000 } as const;

console.log(`\nwhisper-tiny dimensions, random weights, 70 s of audio, ${ASR_BENCH_OPTIONS.max_new_tokens} new tokens per 30 s chunk, fp32`);
console.log(`${'Node, onnxruntime-node (native)'.padEnd(36)} ${(native.runMs / 1000).toFixed(2).padStart(7)} s   1.00×  (real-time factor ${(native.runMs / 70_000).toFixed(3)})`);
try {
  for (const [label, device, threads] of [['browser WASM, 1 thread', 'wasm', 1], ['browser WASM, 2 threads', 'wasm', 2], ['browser WebGPU (adapter as found)', 'webgpu', 2]] as const) {
    const r = await browserRun(device, threads).catch((error: unknown) => ({ loadMs: NaN, firstRunMs: NaN, runMs: NaN, textLength: 0, error: String(error).split('\n')[0] }));
    const figure = r.error ? `not measured: ${r.error}` : `${(r.runMs / 1000).toFixed(2).padStart(7)} s   ${(r.runMs / native.runMs).toFixed(2)}×  (load ${(r.loadMs / 1000).toFixed(1)} s, first run ${(r.firstRunMs / 1000).toFixed(1)} s)`;
    console.log(`${label.padEnd(36)} ${figure}`);
  }
  await senseVoiceBench({ browser, devPort: DEV_PORT, modelPort: MODEL_PORT, modelsRoot, pcmFile, limitMs: RUN_LIMIT_MS });
} finally {
  await browser.close();
  await dev.close();
  models.close();
}

async function nativeRun(): Promise<AsrBenchResult> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${modelsRoot}/`;
  env.cacheDir = mkdtempSync(path.join(tmpdir(), 'zimu-asr-'));
  const bytes = readFileSync(pcmFile);
  const pcm = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const t0 = performance.now();
  const asr = await pipeline('automatic-speech-recognition', model, { dtype: 'fp32' });
  const t1 = performance.now();
  await asr(pcm, ASR_BENCH_OPTIONS);
  const t2 = performance.now();
  const output = await asr(pcm, ASR_BENCH_OPTIONS);
  const t3 = performance.now();
  await asr.dispose();
  return { loadMs: t1 - t0, firstRunMs: t2 - t1, runMs: t3 - t2, textLength: output.text.length };
}

async function browserRun(device: 'wasm' | 'webgpu', threads: number): Promise<AsrBenchResult> {
  const page = await browser.newPage();
  const query = new URLSearchParams({ model, host: `http://127.0.0.1:${MODEL_PORT}`, device, threads: String(threads), pcm: '/bench/out/speech-70s.f32' });
  await page.goto(`http://127.0.0.1:${DEV_PORT}/bench/asr.html?${query}`);
  try {
    await page.waitForFunction(() => Reflect.has(window, 'benchResult'), undefined, { timeout: RUN_LIMIT_MS[device], polling: 500 });
    const result: AsrBenchResult = await page.evaluate(() => Reflect.get(window, 'benchResult'));
    return result;
  } finally {
    await page.close();
  }
}
