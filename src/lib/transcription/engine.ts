import { withTimeout } from '../async.ts';
import { asLoadError } from './load-error.ts';
import { AppErrorException } from '../errors.ts';
import { detectDevice } from './device.ts';
import { configureOnnxRuntime } from './onnx-runtime.ts';
import { dtypeFor, normalizeHost, type Device, type DtypeConfig } from './models.ts';
import type { LanguageDetection } from './recognition/language-ranking.ts';
import type { DecodeOptions, EngineOptions, SpeechEngineKind, WindowResult } from './transcriber-protocol.ts';
import type { SampleRange } from './vad/speech-segments.ts';
import { createWhisperEngine } from './engine-whisper.ts';
import { createSenseVoiceEngine, SENSEVOICE_DTYPE } from './engine-sensevoice.ts';

/** Big models on slow links take long; this only catches a load that will never finish. */
const LOAD_TIMEOUT_MS = 30 * 60_000;

/** One window to recognise: its audio, where it starts in the media (seconds), and its speech. */
export interface EngineWindow {
  readonly pcm: Float32Array;
  readonly offset: number;
  /** Speech inside the window, in samples of `pcm`. */
  readonly segments: readonly SampleRange[];
}

/**
 * What the worker asks of a speech engine, whichever it is: the pipeline, VAD windows, cancel,
 * progress and the WebGPU→WASM fallback are the same for every engine.
 */
export interface SpeechEngine {
  readonly kind: SpeechEngineKind;
  readonly device: Device;
  readonly dtype: DtypeConfig;
  /** One short run on silence, so kernels compile before the first real window. */
  warmUp(): Promise<void>;
  /** The spoken language of one (speech) window; undefined where the model can't tell (English-only Whisper). */
  detectLanguage(pcm: Float32Array): Promise<LanguageDetection | undefined>;
  /** Cues with absolute times for one window; stops early (any result) once `cancelled()`. */
  recognise(window: EngineWindow, decode: DecodeOptions, cancelled: () => boolean): Promise<WindowResult>;
  /** Frees GPU buffers and WASM memory. */
  dispose(): Promise<void>;
}

export interface LoadCallbacks {
  /** Bytes of one model file, as they arrive (or at once when it is cached). */
  readonly onDownload: (file: string, loaded: number, total: number) => void;
  readonly onFallback: (from: Device, reason: string) => void;
}

/** Builds one engine of a kind on a device; throws when that device can't run it. */
export type EngineFactory = (options: EngineOptions, device: Device, onDownload: LoadCallbacks['onDownload']) => Promise<SpeechEngine>;

const FACTORIES: Readonly<Record<SpeechEngineKind, EngineFactory>> = {
  whisper: createWhisperEngine,
  sensevoice: createSenseVoiceEngine,
};

/** The precision an engine runs at on a device: SenseVoice has one (its int8 export). */
export function engineDtype(options: Pick<EngineOptions, 'speechEngine' | 'precision'>, device: Device): DtypeConfig {
  return options.speechEngine === 'sensevoice' ? SENSEVOICE_DTYPE : dtypeFor(device, options.precision);
}

let current: { readonly key: string; readonly engine: Promise<SpeechEngine> } | undefined;
/** Set once WebGPU failed in this worker: "automatic" then means WASM, not another failure per file. */
let webgpuFailed = false;

configureOnnxRuntime();

/**
 * One engine per worker, reused across files; another engine, model, device or precision disposes
 * the old one first (its GPU buffers and WASM memory are freed, not left to the garbage collector).
 */
export function getEngine(requested: EngineOptions, callbacks: LoadCallbacks): Promise<SpeechEngine> {
  const options: EngineOptions = webgpuFailed && requested.device === 'auto' ? { ...requested, device: 'wasm' } : requested;
  const key = JSON.stringify([options.speechEngine, normalizeHost(options.source.host), options.source.modelId, options.device, options.precision]);
  return swapEngine(key, () => loadEngine(options, callbacks));
}

async function swapEngine(key: string, load: () => Promise<SpeechEngine>): Promise<SpeechEngine> {
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

async function loadEngine(options: EngineOptions, callbacks: LoadCallbacks): Promise<SpeechEngine> {
  const device = await detectDevice(options.device);
  try {
    return await createEngine(options, device, callbacks);
  } catch (error) {
    // WebGPU can fail where WASM works (missing ops or files, lost device, no memory): fall
    // back and say so, unless the user asked for WebGPU explicitly.
    if (device !== 'webgpu' || options.device === 'webgpu') throw asLoadError(error, navigator.onLine);
    webgpuFailed = true;
    callbacks.onFallback('webgpu', error instanceof Error ? error.message : String(error));
    return createEngine(options, 'wasm', callbacks).catch((e: unknown) => {
      throw asLoadError(e, navigator.onLine);
    });
  }
}

function createEngine(options: EngineOptions, device: Device, callbacks: LoadCallbacks): Promise<SpeechEngine> {
  const loading = FACTORIES[options.speechEngine](options, device, callbacks.onDownload);
  return withTimeout(loading, LOAD_TIMEOUT_MS, () => new AppErrorException({ code: 'engine-timeout', detail: options.source.modelId }));
}

async function disposeEngine(engine: Promise<SpeechEngine>): Promise<void> {
  try {
    await (await engine).dispose();
  } catch {
    // A failed or half-loaded engine has nothing left to free.
  }
}
