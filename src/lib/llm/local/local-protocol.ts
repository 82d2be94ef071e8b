import type { ChatMessage } from '../chat.ts';
import type { Device, DevicePreference, ModelSource } from '../../transcription/models.ts';
import type { ResultChecks } from '../../workers/protocol.ts';
import { isFiniteNumber, isOptionalString, isRecord } from '../../workers/shape.ts';
import type { LocalDtype, LocalPrecision } from './local-catalog.ts';

/** What loads a model: changing any of it loads another (the old one is disposed first). */
export interface LocalModelOptions {
  readonly source: ModelSource;
  readonly device: DevicePreference;
  readonly precision: LocalPrecision;
}

/** How one answer is generated. */
export interface GenerateOptions {
  readonly maxNewTokens: number;
  /** A longer prompt is refused with `llm-context-too-long` instead of running for minutes. */
  readonly maxPromptTokens: number;
}

export type LocalLlmRequest =
  /** Downloads (or reuses) and loads the model, then runs one token to compile its kernels. */
  | { readonly type: 'load'; readonly model: LocalModelOptions }
  /** Answers a conversation with the loaded model, streaming `delta` events. */
  | { readonly type: 'generate'; readonly messages: readonly ChatMessage[]; readonly options: GenerateOptions }
  /** Frees the model (GPU buffers and WASM memory). */
  | { readonly type: 'unload' };

export interface LocalModelReady {
  readonly modelId: string;
  readonly device: Device;
  readonly dtype: LocalDtype;
  /** The model that was disposed to make room for this one (one model at a time). */
  readonly replaced?: string;
}

/** Why generation ended. */
export type GenerationEnd = 'eos' | 'length' | 'stopped';

/** One answer, with what it cost: the figures the benchmark prints. */
export interface Generation {
  readonly text: string;
  readonly promptTokens: number;
  readonly newTokens: number;
  /** Time to the first new token (the prompt's prefill), in ms. */
  readonly prefillMs: number;
  /** Time for the remaining tokens, in ms. */
  readonly decodeMs: number;
  readonly end: GenerationEnd;
}

export interface LocalLlmResults {
  readonly load: LocalModelReady;
  readonly generate: Generation;
  readonly unload: boolean;
}

export type LocalLlmEvent =
  | { readonly type: 'stage'; readonly stage: 'loading-model' | 'warming-up' }
  /** Per-file download progress in bytes. */
  | { readonly type: 'download'; readonly file: string; readonly loaded: number; readonly total: number }
  /** WebGPU failed to load the model and it was loaded for WASM instead. */
  | { readonly type: 'fallback'; readonly reason: string }
  /** The next piece of the answer. */
  | { readonly type: 'delta'; readonly text: string };

const DEVICES: readonly unknown[] = ['webgpu', 'wasm'];
const DTYPES: readonly unknown[] = ['q4f16', 'q4', 'q8', 'fp16', 'fp32'];
const ENDS: readonly unknown[] = ['eos', 'length', 'stopped'];

function isReady(value: unknown): value is LocalModelReady {
  return isRecord(value) && typeof value.modelId === 'string' && DEVICES.includes(value.device) && DTYPES.includes(value.dtype) && isOptionalString(value.replaced);
}

function isGeneration(value: unknown): value is Generation {
  if (!isRecord(value) || typeof value.text !== 'string' || !ENDS.includes(value.end)) return false;
  return [value.promptTokens, value.newTokens, value.prefillMs, value.decodeMs].every(isFiniteNumber);
}

/** The page's checks of what the local LLM worker answers. */
export const localLlmResultChecks: ResultChecks<LocalLlmResults> = {
  load: isReady,
  generate: isGeneration,
  unload: (value: unknown): value is boolean => typeof value === 'boolean',
};
