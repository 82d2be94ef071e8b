/**
 * Benchmark page: runs transformers.js' Whisper pipeline with the app's runtime settings
 * (self-hosted ONNX Runtime WASM) on PCM fetched from the dev server, with the thread count and
 * device the URL asks for, and publishes timings on `window`.
 *   /bench/asr.html?model=zimu-test/whisper-tiny-random&host=http://127.0.0.1:4375&device=wasm&threads=2&pcm=/bench/out/speech-70s.f32
 */
import { env, pipeline } from '@huggingface/transformers';
import ortWasmMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { ASR_BENCH_OPTIONS } from './asr-options.ts';

export interface AsrBenchResult {
  readonly loadMs: number;
  readonly firstRunMs: number;
  readonly runMs: number;
  readonly textLength: number;
  readonly error?: string;
}

const params = new URLSearchParams(location.search);
void run().then((result) => Reflect.set(window, 'benchResult', result));

async function run(): Promise<AsrBenchResult> {
  try {
    env.allowLocalModels = false;
    env.remoteHost = `${params.get('host') ?? ''}/`;
    const wasm = env.backends.onnx.wasm;
    if (wasm) {
      wasm.wasmPaths = { mjs: new URL(ortWasmMjs, location.href).href, wasm: new URL(ortWasm, location.href).href };
      wasm.numThreads = Number(params.get('threads') ?? 1);
    }
    const pcm = new Float32Array(await (await fetch(params.get('pcm') ?? '')).arrayBuffer());
    const device = params.get('device') === 'webgpu' ? 'webgpu' : 'wasm';
    const t0 = performance.now();
    const asr = await pipeline('automatic-speech-recognition', params.get('model') ?? '', { device, dtype: 'fp32' });
    const t1 = performance.now();
    await asr(pcm, ASR_BENCH_OPTIONS);
    const t2 = performance.now();
    const output = await asr(pcm, ASR_BENCH_OPTIONS);
    const t3 = performance.now();
    return { loadMs: t1 - t0, firstRunMs: t2 - t1, runMs: t3 - t2, textLength: output.text.length };
  } catch (error) {
    return { loadMs: NaN, firstRunMs: NaN, runMs: NaN, textLength: 0, error: String(error) };
  }
}
