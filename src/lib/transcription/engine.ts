import {
  env,
  pipeline,
  type AutomaticSpeechRecognitionPipeline,
  type ProgressInfo,
} from '@huggingface/transformers';
// ONNX Runtime's WASM, served from this origin at the version transformers.js pins (never the CDN default).
import ortWasmMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { withTimeout } from '../async.ts';
import { AppErrorException } from '../errors.ts';
import { detectDevice, wasmThreadCount } from './device.ts';
import { dtypeFor, normalizeHost, type Device, type DevicePreference, type ModelSource } from './models.ts';

/** Big models on slow links take long; this only catches a load that will never finish. */
const LOAD_TIMEOUT_MS = 30 * 60_000;

export interface Engine {
  readonly key: string;
  readonly device: Device;
  readonly asr: AutomaticSpeechRecognitionPipeline;
}

export interface LoadCallbacks {
  readonly onProgress: (info: ProgressInfo) => void;
  readonly onFallback: (from: Device, reason: string) => void;
}

let current: Promise<Engine> | undefined;
let currentKey: string | undefined;

configureRuntime();

/** One engine per worker, reused across files; a different model or device disposes the old one. */
export async function getEngine(source: ModelSource, preference: DevicePreference, callbacks: LoadCallbacks): Promise<Engine> {
  const key = JSON.stringify([normalizeHost(source.host), source.modelId, preference]);
  if (current && currentKey === key) return current;
  const previous = current;
  current = undefined;
  if (previous) await disposeEngine(previous);
  currentKey = key;
  current = loadEngine(key, source, preference, callbacks).catch((error: unknown) => {
    current = undefined;
    throw error;
  });
  return current;
}

function configureRuntime(): void {
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  const onnx = env.backends.onnx;
  if (onnx.wasm) {
    onnx.wasm.wasmPaths = { mjs: new URL(ortWasmMjs, self.location.href).href, wasm: new URL(ortWasm, self.location.href).href };
    onnx.wasm.numThreads = wasmThreadCount();
  }
}

async function loadEngine(key: string, source: ModelSource, preference: DevicePreference, callbacks: LoadCallbacks): Promise<Engine> {
  env.remoteHost = normalizeHost(source.host);
  const device = await detectDevice(preference);
  try {
    return { key, device, asr: await createPipeline(source.modelId, device, callbacks.onProgress) };
  } catch (error) {
    // WebGPU can fail where WASM works (missing ops, lost device, no memory): fall back, say so.
    if (device !== 'webgpu' || preference === 'webgpu') throw asLoadError(error);
    callbacks.onFallback('webgpu', error instanceof Error ? error.message : String(error));
    return { key, device: 'wasm', asr: await createPipeline(source.modelId, 'wasm', callbacks.onProgress).catch((e: unknown) => {
      throw asLoadError(e);
    }) };
  }
}

async function createPipeline(modelId: string, device: Device, onProgress: (info: ProgressInfo) => void) {
  const loading = pipeline('automatic-speech-recognition', modelId, {
    device,
    dtype: dtypeFor(device),
    progress_callback: onProgress,
  });
  return withTimeout(loading, LOAD_TIMEOUT_MS, () => new AppErrorException({ code: 'engine-timeout', detail: modelId }));
}

async function disposeEngine(engine: Promise<Engine>): Promise<void> {
  try {
    await (await engine).asr.dispose();
  } catch {
    // A failed or half-loaded engine has nothing left to free.
  }
}

function asLoadError(error: unknown): AppErrorException {
  if (error instanceof AppErrorException) return error;
  return new AppErrorException({ code: 'model-load-failed', detail: error instanceof Error ? error.message : String(error) });
}
