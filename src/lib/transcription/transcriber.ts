import type { Cue } from '../subtitles/cue.ts';
import type { LanguageDetection } from './recognition/language-ranking.ts';
import { WorkerClient } from '../workers/client.ts';
import type { DecodeOptions, EngineOptions, TranscriberEvent, TranscriberRequest } from './transcriber-protocol.ts';

let client: WorkerClient<TranscriberRequest, TranscriberEvent> | undefined;

function transcriberClient(): WorkerClient<TranscriberRequest, TranscriberEvent> {
  // Generation stops at the next token on cancel; the grace covers one slow decoder step or
  // an encoder pass before the worker (and its loaded model) is thrown away.
  client ??= new WorkerClient(
    () => new Worker(new URL('./transcriber.worker.ts', import.meta.url), { type: 'module' }),
    { cancelGraceMs: 1500 },
  );
  return client;
}

/** Loads (or reuses) the engine and warms it up; stages, device and downloads arrive as events. */
export function prepareEngine(engine: EngineOptions, run: { signal?: AbortSignal; onEvent: (event: TranscriberEvent) => void }): Promise<void> {
  return transcriberClient().run({ type: 'prepare', engine }, run);
}

/** Speech probability per 512-sample frame of the next piece of a stream. `pcm` is transferred. */
export async function detectSpeech(pcm: Float32Array, first: boolean, signal?: AbortSignal): Promise<Float32Array> {
  let probabilities: Float32Array = new Float32Array(0);
  await transcriberClient().run(
    { type: 'detect-speech', pcm, first },
    { signal, transfer: [pcm.buffer], onEvent: (event) => event.type === 'speech' && (probabilities = event.probabilities) },
  );
  return probabilities;
}

/**
 * Recognises one window (≤ 30 s) starting `offset` seconds into the media; returns its cues
 * with absolute times. `pcm` is transferred.
 */
export async function recogniseWindow(
  pcm: Float32Array,
  offset: number,
  decode: DecodeOptions,
  run: { signal?: AbortSignal; onLoops?: (count: number) => void; onEvent?: (event: TranscriberEvent) => void },
): Promise<readonly Cue[]> {
  let cues: readonly Cue[] = [];
  await transcriberClient().run(
    { type: 'recognise', pcm, offset, decode },
    {
      signal: run.signal,
      transfer: [pcm.buffer],
      onEvent: (event) => {
        if (event.type === 'cues') cues = event.cues;
        else if (event.type === 'loops') run.onLoops?.(event.count);
        else run.onEvent?.(event);
      },
    },
  );
  return cues;
}

/** Whisper's own language detection on one window (the first speech). `pcm` is transferred. */
export async function detectWindowLanguage(pcm: Float32Array, signal?: AbortSignal): Promise<LanguageDetection | undefined> {
  let detection: LanguageDetection | undefined;
  await transcriberClient().run(
    { type: 'detect-language', pcm },
    { signal, transfer: [pcm.buffer], onEvent: (event) => event.type === 'language' && (detection = event.detection) },
  );
  return detection;
}
