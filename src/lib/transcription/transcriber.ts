import type { LanguageDetection } from './recognition/language-ranking.ts';
import { WorkerClient } from '../workers/client.ts';
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

/**
 * Loads (or reuses) the engine and warms it up; resolves with the engine that is ready. Stages,
 * device choices and downloads arrive as events meanwhile.
 */
export function prepareEngine(engine: EngineOptions, run: { signal?: AbortSignal; onEvent?: (event: TranscriberEvent) => void }): Promise<EngineReady> {
  return transcriberClient().run({ type: 'prepare', engine }, run);
}

/** Speech probability per 512-sample frame of the next piece of a stream. `pcm` is transferred. */
export function detectSpeech(pcm: Float32Array, first: boolean, signal?: AbortSignal): Promise<Float32Array> {
  return transcriberClient().run({ type: 'detect-speech', pcm, first }, { signal, transfer: [pcm.buffer] });
}

/**
 * Recognises one window (≤ 30 s) starting `offset` seconds into the media; resolves with its
 * cues (absolute times) and how many looping lines were cleaned. `pcm` is transferred.
 */
export function recogniseWindow(
  pcm: Float32Array,
  offset: number,
  decode: DecodeOptions,
  run: { signal?: AbortSignal; onEvent?: (event: TranscriberEvent) => void },
): Promise<WindowResult> {
  return transcriberClient().run({ type: 'recognise', pcm, offset, decode }, { signal: run.signal, transfer: [pcm.buffer], onEvent: run.onEvent });
}

/**
 * Whisper's own language detection on one window (the first speech); undefined for
 * English-only models. `pcm` is transferred.
 */
export async function detectWindowLanguage(pcm: Float32Array, signal?: AbortSignal): Promise<LanguageDetection | undefined> {
  return (await transcriberClient().run({ type: 'detect-language', pcm }, { signal, transfer: [pcm.buffer] })) ?? undefined;
}
