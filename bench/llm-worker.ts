/// <reference lib="webworker" />
/**
 * The LLM benchmark's worker, where the app runs its model too (local-llm.worker.ts): ONNX
 * Runtime's WASM threads need a thread that may block, which a page's main thread may not.
 * Loads a chat model with transformers.js as local-engine.ts does (AutoTokenizer +
 * AutoModelForCausalLM, the dtype `localDtypeFor` picks, ONNX Runtime's WASM self-hosted) but with
 * the device and thread count the page's query asks for, runs llm-measure.ts on the prompts
 * llm.ts wrote, and posts each speed run as it ends, then the report (llm-page.ts).
 */
import { AutoModelForCausalLM, AutoTokenizer, env } from '@huggingface/transformers';
import ortWasmMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import type { LocalModel } from '../src/lib/llm/local/local-engine.ts';
import { LOCAL_PRECISIONS, localDtypeFor, thinksAloud, type LocalPrecision } from '../src/lib/llm/local/local-catalog.ts';
import type { Device } from '../src/lib/transcription/models.ts';
import { isLlmBenchInput, LLM_BENCH, type PageReport, type PageSetup, type WorkerMessage } from './llm-options.ts';
import { measureSpeed, translateTranscript, warmUp } from './llm-measure.ts';

const post = (message: WorkerMessage): void => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (typeof event.data !== 'string') return;
  void run(new URLSearchParams(event.data)).then((report) => post({ type: 'report', report }));
}, { once: true });

async function run(params: URLSearchParams): Promise<PageReport> {
  try {
    const device: Device = params.get('device') === 'webgpu' ? 'webgpu' : 'wasm';
    const threads = Number(params.get('threads') ?? 1);
    configure(params.get('host') ?? '', threads);
    if (threads > 1 && !self.crossOriginIsolated) throw new Error('the page is not cross-origin isolated: WASM runs on one thread only');
    const input: unknown = await (await fetch(`/${LLM_BENCH.inputPath}`)).json();
    if (!isLlmBenchInput(input)) throw new Error(`${LLM_BENCH.inputPath} is not a benchmark input`);
    const gpu = device === 'webgpu' ? await describeAdapter() : { adapter: '', shaderF16: false };
    const started = performance.now();
    const loaded = await load(params.get('model') ?? '', device, localDtypeFor(device, gpu.shaderF16, precision(params.get('precision'))));
    const detail = loaded.dtype + (gpu.adapter ? ` on ${gpu.adapter}` : '');
    post({ type: 'stage', stage: 'loaded', atMs: performance.now() - started, detail });
    await warmUp(loaded);
    post({ type: 'stage', stage: 'warmed-up', atMs: performance.now() - started, detail });
    const setup: PageSetup = { dtype: loaded.dtype, threads, isolated: self.crossOriginIsolated, adapter: gpu.adapter, loadMs: performance.now() - started };
    try {
      if (params.get('job') === 'translate') {
        const answerTokens = Number(params.get('answer-tokens') ?? LLM_BENCH.randomAnswerTokens);
        const figures = await translateTranscript(loaded, input.transcript, answerTokens, (sofar) => post({ type: 'request', sofar }));
        return { kind: 'translate', figures, ...setup };
      }
      return { kind: 'speed', runs: await measureSpeed(loaded, input.prefill, (figures) => post({ type: 'run', run: figures })), ...setup };
    } finally {
      await loaded.model.dispose();
    }
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

/** The app's runtime settings (onnx-runtime.ts), with the thread count set here, not derived. */
function configure(host: string, threads: number): void {
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = `${host}/`;
  env.useWasmCache = false;
  // every run loads afresh from the model server: no copy of 340 MB in the browser's cache
  env.useBrowserCache = false;
  const wasm = env.backends.onnx.wasm;
  if (wasm) {
    wasm.wasmPaths = { mjs: new URL(ortWasmMjs, self.location.href).href, wasm: new URL(ortWasm, self.location.href).href };
    wasm.numThreads = threads;
  }
}

/** `auto` (the app's default) unless the query names a precision, as the user's override would. */
function precision(value: string | null): LocalPrecision {
  return LOCAL_PRECISIONS.find((p) => p === value) ?? 'auto';
}

/** The adapter as the browser names it, and whether it has fp16 shaders (the app's q4f16 test). */
async function describeAdapter(): Promise<{ adapter: string; shaderF16: boolean }> {
  const adapter = 'gpu' in navigator ? await navigator.gpu.requestAdapter() : null;
  if (!adapter) throw new Error('no WebGPU adapter');
  const { vendor, architecture, description } = adapter.info;
  const name = [vendor, architecture, description].filter(Boolean).join(' ') || 'unnamed adapter';
  const shaderF16 = adapter.features.has('shader-f16');
  return { adapter: `${name}${shaderF16 ? ', shader-f16' : ''}`, shaderF16 };
}

async function load(modelId: string, device: Device, dtype: LocalModel['dtype']): Promise<LocalModel> {
  const tokenizer = await AutoTokenizer.from_pretrained(modelId);
  const model = await AutoModelForCausalLM.from_pretrained(modelId, { device, dtype });
  return { modelId, device, dtype, tokenizer, model, thinks: thinksAloud(modelId) };
}
