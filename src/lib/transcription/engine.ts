import {
  env,
  pipeline,
  type AutomaticSpeechRecognitionPipeline,
  type ProgressInfo,
} from '@huggingface/transformers';
import { withTimeout } from '../async.ts';
import { asLoadError } from './load-error.ts';
import { AppErrorException } from '../errors.ts';
import { detectDevice } from './device.ts';
import { configureOnnxRuntime } from './onnx-runtime.ts';
import { dtypeFor, normalizeHost, type Device, type DtypeConfig } from './models.ts';
import type { EngineOptions } from './transcriber-protocol.ts';

/** Big models on slow links take long; this only catches a load that will never finish. */
const LOAD_TIMEOUT_MS = 30 * 60_000;

export interface Engine {
  readonly device: Device;
  readonly dtype: DtypeConfig;
  readonly asr: AutomaticSpeechRecognitionPipeline;
}

export interface LoadCallbacks {
  readonly onProgress: (info: ProgressInfo) => void;
  readonly onFallback: (from: Device, reason: string) => void;
}

let current: { readonly key: string; readonly engine: Promise<Engine> } | undefined;
/** Set once WebGPU failed in this worker: "automatic" then means WASM, not another failure per file. */
let webgpuFailed = false;

configureOnnxRuntime();

/**
 * One engine per worker, reused across files; another model, device or precision disposes the
 * old one first (its GPU buffers and WASM memory are freed, not left to the garbage collector).
 */
export function getEngine(requested: EngineOptions, callbacks: LoadCallbacks): Promise<Engine> {
  const options: EngineOptions = webgpuFailed && requested.device === 'auto' ? { ...requested, device: 'wasm' } : requested;
  return swapEngine(JSON.stringify([normalizeHost(options.source.host), options.source.modelId, options.device, options.precision]), () =>
    loadEngine(options, callbacks),
  );
}

async function swapEngine(key: string, load: () => Promise<Engine>): Promise<Engine> {
  if (current?.key === key) return current.engine;
  const previous = current;
  const engine = (async () => {
    if (previous) await disposeEngine(previous.engine);
    return load();
  })();
  current = { key, engine };
  return engine.catch((error: unknown) => {
    if (current?.key === key) current = undefined; // forget failures: the next try loads again
    throw error;
  });
}

async function loadEngine(options: EngineOptions, callbacks: LoadCallbacks): Promise<Engine> {
  env.remoteHost = normalizeHost(options.source.host);
  const device = await detectDevice(options.device);
  try {
    return await createEngine(options, device, callbacks.onProgress);
  } catch (error) {
    // WebGPU can fail where WASM works (missing ops or files, lost device, no memory): fall
    // back and say so, unless the user asked for WebGPU explicitly.
    if (device !== 'webgpu' || options.device === 'webgpu') throw asLoadError(error, navigator.onLine);
    webgpuFailed = true;
    callbacks.onFallback('webgpu', error instanceof Error ? error.message : String(error));
    return createEngine(options, 'wasm', callbacks.onProgress).catch((e: unknown) => {
      throw asLoadError(e, navigator.onLine);
    });
  }
}

async function createEngine(options: EngineOptions, device: Device, onProgress: (info: ProgressInfo) => void): Promise<Engine> {
  const dtype = dtypeFor(device, options.precision);
  const loading = pipeline('automatic-speech-recognition', options.source.modelId, { device, dtype, progress_callback: onProgress });
  const asr = await withTimeout(loading, LOAD_TIMEOUT_MS, () => new AppErrorException({ code: 'engine-timeout', detail: options.source.modelId }));
  return { device, dtype, asr };
}

async function disposeEngine(engine: Promise<Engine>): Promise<void> {
  try {
    await (await engine).asr.dispose();
  } catch {
    // A failed or half-loaded engine has nothing left to free.
  }
}
