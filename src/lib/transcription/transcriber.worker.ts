/// <reference lib="webworker" />
import { StoppingCriteria, type ProgressInfo } from '@huggingface/transformers';
import { AppErrorException } from '../errors.ts';
import { serve, type HandlerContext } from '../workers/host.ts';
import { assertNever } from '../workers/protocol.ts';
import { getEngine, type Engine } from './engine.ts';
import type { DecodeOptions, EngineOptions, TranscriberEvent, TranscriberRequest } from './transcriber-protocol.ts';
import { detectSpeech } from './vad-session.ts';
import { chunksToCues } from './chunk-cues.ts';

const SAMPLE_RATE = 16_000;
/** Engines that have run once; an engine is reused across files and needs warming only once. */
const warmedUp = new WeakSet<Engine>();
let engine: Engine | undefined;

serve<TranscriberRequest, TranscriberEvent>(self, async (request, context) => {
  switch (request.type) {
    case 'prepare':
      return prepare(request.engine, context);
    case 'detect-speech':
      return context.emit({ type: 'speech', probabilities: await detectSpeech(request.pcm, request.first, context.cancelled) });
    case 'recognise':
      return recognise(request.pcm, request.offset, request.decode, context);
    default:
      assertNever(request);
  }
});

async function prepare(options: EngineOptions, { emit, cancelled }: HandlerContext<TranscriberEvent>): Promise<void> {
  emit({ type: 'stage', stage: 'loading-model' });
  engine = await getEngine(options.source, options.device, {
    onProgress: (info) => reportDownload(info, emit),
    onFallback: (from, reason) => emit({ type: 'device', device: 'wasm', fallbackFrom: from, reason }),
  });
  emit({ type: 'device', device: engine.device });
  if (cancelled() || warmedUp.has(engine)) return;
  emit({ type: 'stage', stage: 'warming-up' });
  // The first run compiles kernels (WebGPU shaders, WASM code paths); do it on silence so the
  // progress bar says "warming up" instead of looking stuck on the first window.
  await engine.asr(new Float32Array(SAMPLE_RATE), { max_new_tokens: 1 });
  warmedUp.add(engine);
}

async function recognise(pcm: Float32Array, offset: number, decode: DecodeOptions, { emit, cancelled }: HandlerContext<TranscriberEvent>) {
  if (!engine) throw new AppErrorException({ code: 'transcription-failed', detail: 'engine not prepared' });
  const output = await engine.asr(pcm, {
    return_timestamps: true,
    ...(decode.language ? { language: decode.language } : {}),
    task: decode.task,
    ...(decode.maxNewTokens ? { max_new_tokens: decode.maxNewTokens } : {}),
    stopping_criteria: [new StopWhenCancelled(cancelled)],
  });
  if (cancelled()) return;
  if (!output.chunks) throw new AppErrorException({ code: 'transcription-failed', detail: 'no timestamps in output' });
  emit({ type: 'cues', cues: chunksToCues(output.chunks, offset, pcm.length / SAMPLE_RATE) });
}

/** Ends generation at the next token once the page cancels, so a cancel takes effect in milliseconds. */
class StopWhenCancelled extends StoppingCriteria {
  readonly #stopped: () => boolean;
  constructor(stopped: () => boolean) {
    super();
    this.#stopped = stopped;
  }
  override _call(inputIds: number[][]): boolean[] {
    const stop = this.#stopped();
    return inputIds.map(() => stop);
  }
}

function reportDownload(info: ProgressInfo, emit: HandlerContext<TranscriberEvent>['emit']): void {
  if (info.status === 'progress') emit({ type: 'download', file: info.file, loaded: info.loaded, total: info.total });
}
