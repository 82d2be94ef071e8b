import type { LanguageDetection } from './recognition/language-ranking.ts';
import { AppErrorException } from '../errors.ts';
import { WorkerClient } from '../workers/client.ts';
import type { SampleRange } from './vad/speech-segments.ts';
import {
  transcriberResultChecks,
  type DecodeOptions,
  type EngineOptions,
  type EngineReady,
  type TranscriberEvent,
  type TranscriberRequest,
  type TranscriberResults,
  type WindowResult,
} from './transcriber-protocol.ts';

let client: WorkerClient<TranscriberRequest, TranscriberResults, TranscriberEvent> | undefined;

function transcriberClient(): WorkerClient<TranscriberRequest, TranscriberResults, TranscriberEvent> {
  // Generation stops at the next token on cancel; the grace covers one slow decoder step or
  // an encoder pass before the worker (and its loaded model) is thrown away.
  client ??= new WorkerClient(
    () => new Worker(new URL('./transcriber.worker.ts', import.meta.url), { type: 'module' }),
    transcriberResultChecks,
    { cancelGraceMs: 1500 },
  );
  return client;
}

interface RunHooks {
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: TranscriberEvent) => void;
}

/** The engine the last `prepareEngine` asked for: what a replaced worker loads again. */
let preparedFor: EngineOptions | undefined;
/** WebGPU died once in this page: 'auto' means WASM from now on. */
let webgpuLost = false;

/**
 * Loads (or reuses) the engine and warms it up; resolves with the engine that is ready. Stages,
 * device choices and downloads arrive as events meanwhile.
 */
export function prepareEngine(engine: EngineOptions, run: RunHooks): Promise<EngineReady> {
  preparedFor = engine;
  return withWorkerRecovery(run, () => transcriberClient().run({ type: 'prepare', engine: effective(engine) }, run));
}

function effective(engine: EngineOptions): EngineOptions {
  return webgpuLost && engine.device === 'auto' ? { ...engine, device: 'wasm' } : engine;
}

/**
 * Runs a request; when the worker reports that WebGPU was lost, replaces the worker and carries on
 * with WASM there. A lost device leaves ONNX Runtime's module in that worker unable to run WASM
 * sessions either (their runs fail in the WebGPU buffer manager: tests/e2e/webgpu-loss.spec.ts),
 * so only a fresh worker, with a fresh runtime, can go on. The request is then made again.
 */
async function withWorkerRecovery<T>(run: RunHooks, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof AppErrorException) || error.error.code !== 'webgpu-lost' || !preparedFor) throw error;
    webgpuLost = true;
    transcriberClient().terminate({ code: 'webgpu-lost' });
    const ready = await transcriberClient().run({ type: 'prepare', engine: effective(preparedFor) }, run);
    run.onEvent?.({ type: 'device', device: ready.device, dtype: ready.dtype, fallbackFrom: 'webgpu', reason: error.error.detail });
    return request();
  }
}

/** Speech probability per 512-sample frame of the next piece of a stream. `pcm` is transferred. */
export function detectSpeech(pcm: Float32Array, first: boolean, signal?: AbortSignal): Promise<Float32Array> {
  return transcriberClient().run({ type: 'detect-speech', pcm, first }, { signal, transfer: [pcm.buffer] });
}

/**
 * Recognises one window (≤ 30 s) starting `offset` seconds into the media, with its speech
 * `segments` (samples of the window); resolves with its cues (absolute times) and how many looping
 * lines were cleaned. `pcm` is transferred.
 */
export function recogniseWindow(
  pcm: Float32Array,
  offset: number,
  segments: readonly SampleRange[],
  decode: DecodeOptions,
  run: { signal?: AbortSignal; onEvent?: (event: TranscriberEvent) => void },
): Promise<WindowResult> {
  // The worker takes the PCM; a copy stays here in case the window must be recognised again.
  const again = pcm.slice();
  let first = true;
  return withWorkerRecovery(run, () => {
    const samples = first ? pcm : again.slice();
    first = false;
    return transcriberClient().run({ type: 'recognise', pcm: samples, offset, segments, decode }, { signal: run.signal, transfer: [samples.buffer], onEvent: run.onEvent });
  });
}

/**
 * The engine's own language detection on one window (the first speech); undefined for
 * English-only models. `pcm` is transferred.
 */
export async function detectWindowLanguage(pcm: Float32Array, run: RunHooks = {}): Promise<LanguageDetection | undefined> {
  const again = pcm.slice();
  let first = true;
  const detection = await withWorkerRecovery(run, () => {
    const samples = first ? pcm : again.slice();
    first = false;
    return transcriberClient().run({ type: 'detect-language', pcm: samples }, { signal: run.signal, transfer: [samples.buffer] });
  });
  return detection ?? undefined;
}
