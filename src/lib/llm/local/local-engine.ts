import { AutoModelForCausalLM, AutoTokenizer, env, type PreTrainedModel, type PreTrainedTokenizer, type ProgressInfo } from '@huggingface/transformers';
import { withTimeout } from '../../async.ts';
import { AppErrorException } from '../../errors.ts';
import { detectDevice, gpuCapabilities } from '../../transcription/device.ts';
import { asLoadError } from '../../transcription/load-error.ts';
import { normalizeHost, type Device } from '../../transcription/models.ts';
import { configureOnnxRuntime } from '../../transcription/onnx-runtime.ts';
import { localDtypeFor, thinksAloud, type LocalDtype } from './local-catalog.ts';
import type { LocalModelOptions } from './local-protocol.ts';

/** A big model on a slow link takes long; this only catches a load that will never finish. */
const LOAD_TIMEOUT_MS = 60 * 60_000;

/** A loaded model with its tokenizer; one at a time per worker. */
export interface LocalModel {
  readonly modelId: string;
  readonly device: Device;
  readonly dtype: LocalDtype;
  readonly tokenizer: PreTrainedTokenizer;
  readonly model: PreTrainedModel;
  /** Qwen3-style: ask it not to think aloud. */
  readonly thinks: boolean;
  /** The model disposed to make room for this one, if any. */
  readonly replaced?: string;
}

export interface LocalLoadCallbacks {
  readonly onProgress: (info: ProgressInfo) => void;
  readonly onFallback: (reason: string) => void;
}

let current: { readonly key: string; readonly model: Promise<LocalModel> } | undefined;

configureOnnxRuntime();

/**
 * The model for `options`, loaded once and reused; another model, device or precision disposes
 * the old one first, so two never hold memory at once.
 */
export function getLocalModel(options: LocalModelOptions, callbacks: LocalLoadCallbacks): Promise<LocalModel> {
  const key = JSON.stringify([normalizeHost(options.source.host), options.source.modelId.trim(), options.device, options.precision]);
  if (current?.key === key) return current.model;
  const previous = current;
  const model = (async () => {
    const replaced = previous ? await dispose(previous.model) : undefined;
    const loaded = await load(options, callbacks);
    return replaced ? { ...loaded, replaced } : loaded;
  })();
  current = { key, model };
  return model.catch((error: unknown) => {
    if (current?.key === key) current = undefined; // forget failures: the next try loads again
    throw error;
  });
}

/** Frees the loaded model, if any; true when there was one. */
export async function unloadLocalModel(): Promise<boolean> {
  const loaded = current;
  current = undefined;
  if (!loaded) return false;
  await dispose(loaded.model);
  return true;
}

async function load(options: LocalModelOptions, callbacks: LocalLoadCallbacks): Promise<LocalModel> {
  env.remoteHost = normalizeHost(options.source.host);
  const device = await detectDevice(options.device);
  try {
    return await create(options, device, callbacks.onProgress);
  } catch (error) {
    // As for Whisper: WebGPU can fail where WASM works (missing ops, no memory, a lost device).
    if (device !== 'webgpu' || options.device === 'webgpu') throw loadError(error);
    callbacks.onFallback(error instanceof Error ? error.message : String(error));
    return create(options, 'wasm', callbacks.onProgress).catch((e: unknown) => {
      throw loadError(e);
    });
  }
}

async function create(options: LocalModelOptions, device: Device, onProgress: (info: ProgressInfo) => void): Promise<LocalModel> {
  const modelId = options.source.modelId.trim();
  const shaderF16 = device === 'webgpu' && (await gpuCapabilities()).shaderF16;
  const dtype = localDtypeFor(device, shaderF16, options.precision);
  const timeout = () => new AppErrorException({ code: 'engine-timeout', detail: modelId });
  const tokenizer = await withTimeout(AutoTokenizer.from_pretrained(modelId, { progress_callback: onProgress }), LOAD_TIMEOUT_MS, timeout);
  const model = await withTimeout(
    AutoModelForCausalLM.from_pretrained(modelId, { device, dtype, progress_callback: onProgress }),
    LOAD_TIMEOUT_MS,
    timeout,
  );
  return { modelId, device, dtype, tokenizer, model, thinks: thinksAloud(modelId) };
}

/** The Whisper loader's reading of a failure, with "model failed" made specific to this model. */
function loadError(error: unknown): AppErrorException {
  const typed = asLoadError(error, navigator.onLine);
  return typed.error.code === 'model-load-failed' ? new AppErrorException({ ...typed.error, code: 'llm-local-load-failed' }) : typed;
}

/** Frees a model's sessions; resolves with its id (undefined when it never loaded). */
async function dispose(model: Promise<LocalModel>): Promise<string | undefined> {
  try {
    const loaded = await model;
    await loaded.model.dispose();
    return loaded.modelId;
  } catch {
    return undefined; // a failed or half-loaded model has nothing left to free
  }
}
