/**
 * SenseVoice figures for bench:asr: a generated model with SenseVoiceSmall's dimensions (random
 * int8 weights, tests/fixtures/models/sensevoice-models.ts `senseVoiceBench`) over the same speech
 * in 10 s chunks — natively with sherpa-onnx (sherpa-onnx-node, its own front end, decoder and
 * onnxruntime 1.28) and with the app's recogniseSenseVoice on onnxruntime-node, and in the browser
 * on ONNX Runtime Web as the app loads it (WASM 1 and 2 threads, WebGPU on the adapter as found),
 * all in the same run. Each figure follows a 1 s warm-up call.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { recogniseSenseVoice } from '../src/lib/transcription/sensevoice/recognise.ts';
import { SENSEVOICE_TEST_MODELS, generateSenseVoiceModels, senseVoiceModelDir } from '../tests/fixtures/models/sensevoice-models.ts';
import { loadNodeSenseVoice } from '../tests/fixtures/models/sensevoice-node.ts';
import { sherpaSenseVoice } from '../tests/fixtures/models/sensevoice-sherpa.ts';
import { SENSEVOICE_BENCH_SECONDS, SENSEVOICE_CHUNK_SECONDS, type SenseVoiceBenchResult } from './asr-sensevoice-options.ts';

export interface SenseVoiceBenchContext {
  readonly browser: Browser;
  readonly devPort: number;
  readonly modelPort: number;
  readonly modelsRoot: string;
  /** 16 kHz mono float32 PCM file, also served by the dev server at /bench/out/<name> */
  readonly pcmFile: string;
  readonly limitMs: { readonly wasm: number; readonly webgpu: number };
}

const chunks = (pcm: Float32Array): Float32Array[] => {
  const step = SENSEVOICE_CHUNK_SECONDS * 16000;
  return Array.from({ length: Math.ceil(pcm.length / step) }, (_, i) => pcm.subarray(i * step, (i + 1) * step));
};

async function time<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await f();
  return [performance.now() - t0, value];
}

/** Prints SenseVoice's real-time factors, native and in the browser. */
export async function senseVoiceBench(ctx: SenseVoiceBenchContext): Promise<void> {
  console.log('\ngenerating the SenseVoiceSmall-sized model (first run only, a few minutes)…');
  await generateSenseVoiceModels(ctx.modelsRoot, ['senseVoiceBench']);
  const dir = senseVoiceModelDir(ctx.modelsRoot, 'senseVoiceBench');
  const bytes = readFileSync(ctx.pcmFile);
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const seconds = SENSEVOICE_BENCH_SECONDS;
  const pcm = all.subarray(0, seconds * 16000);
  const rows: [string, SenseVoiceBenchResult][] = [];

  for (const threads of [1, 2]) {
    const [loadMs, sherpa] = await time(() => sherpaSenseVoice(dir, 'model.int8.onnx', { threads }));
    const [warmMs] = await time(() => sherpa.recognise(pcm.subarray(0, 16000)));
    const [runMs, chars] = await time(() => chunks(pcm).reduce((n, c) => n + sherpa.recognise(c).text.length, 0));
    rows.push([`native sherpa-onnx, ${threads} thread${threads > 1 ? 's' : ''}`, { loadMs, warmMs, runMs, chars }]);
  }
  {
    const [loadMs, model] = await time(() => loadNodeSenseVoice(dir, 'model.int8.onnx', 2));
    const options = { language: 'auto', itn: true } as const;
    const [warmMs] = await time(() => recogniseSenseVoice(model.runner, model.meta, model.table, pcm.subarray(0, 16000), options));
    const [runMs, chars] = await time(async () => {
      let n = 0;
      for (const c of chunks(pcm)) n += (await recogniseSenseVoice(model.runner, model.meta, model.table, c, options)).text.length;
      return n;
    });
    await model.session.release();
    rows.push(['native, app front end + onnxruntime-node, 2 threads', { loadMs, warmMs, runMs, chars }]);
  }
  for (const [label, device, threads] of [['browser WASM, 1 thread', 'wasm', 1], ['browser WASM, 2 threads', 'wasm', 2], ['browser WebGPU (adapter as found)', 'webgpu', 2]] as const) {
    const r = await browserRun(ctx, device, threads).catch((error: unknown): SenseVoiceBenchResult => ({ loadMs: NaN, warmMs: NaN, runMs: NaN, chars: 0, error: String(error).split('\n')[0] }));
    rows.push([label, r]);
  }

  const reference = rows[1]?.[1].runMs ?? NaN; // sherpa-onnx, 2 threads
  console.log(`\nSenseVoice: SenseVoiceSmall dimensions (d 512, 50 + 20 SANM layers, 25,055 tokens), random int8 weights, ${seconds} s of the same speech in ${SENSEVOICE_CHUNK_SECONDS} s chunks`);
  for (const [label, r] of rows) {
    const figure = r.error
      ? `not measured: ${r.error}`
      : `${(r.runMs / 1000).toFixed(2).padStart(7)} s   ${(r.runMs / reference).toFixed(2)}×  (real-time factor ${(r.runMs / (seconds * 1000)).toFixed(3)}; load ${(r.loadMs / 1000).toFixed(1)} s, 1 s warm-up ${(r.warmMs / 1000).toFixed(1)} s)`;
    console.log(`${label.padEnd(52)} ${figure}`);
  }
}

async function browserRun(ctx: SenseVoiceBenchContext, device: 'wasm' | 'webgpu', threads: number): Promise<SenseVoiceBenchResult> {
  const page = await ctx.browser.newPage();
  const query = new URLSearchParams({
    model: SENSEVOICE_TEST_MODELS.senseVoiceBench,
    host: `http://127.0.0.1:${ctx.modelPort}`,
    device,
    threads: String(threads),
    pcm: `/bench/out/${path.basename(ctx.pcmFile)}`,
    seconds: String(SENSEVOICE_BENCH_SECONDS),
  });
  await page.goto(`http://127.0.0.1:${ctx.devPort}/bench/asr-sensevoice.html?${query}`);
  try {
    await page.waitForFunction(() => Reflect.has(window, 'benchResult'), undefined, { timeout: ctx.limitMs[device], polling: 500 });
    const result: SenseVoiceBenchResult = await page.evaluate(() => Reflect.get(window, 'benchResult'));
    return result;
  } finally {
    await page.close();
  }
}
