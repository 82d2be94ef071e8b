/// <reference lib="webworker" />
import { StoppingCriteria, type ProgressInfo } from '@huggingface/transformers';
import { AppErrorException } from '../errors.ts';
import { serve, type HandlerContext } from '../workers/host.ts';
import { assertNever } from '../workers/protocol.ts';
import { getEngine, type Engine } from './engine.ts';
import type { TranscribeOptions, TranscriberEvent, TranscriberRequest } from './transcriber-protocol.ts';
import { chunksToCues, planWindows } from './windows.ts';

const SAMPLE_RATE = 16_000;
/** Engines that have run once; an engine is reused across files and needs warming only once. */
const warmedUp = new WeakSet<Engine>();

serve<TranscriberRequest, TranscriberEvent>(self, async (request, context) => {
  switch (request.type) {
    case 'transcribe':
      return transcribe(request.pcm, request.options, context);
    default:
      assertNever(request.type);
  }
});

async function transcribe(pcm: Float32Array, options: TranscribeOptions, context: HandlerContext<TranscriberEvent>): Promise<void> {
  const { emit } = context;
  const stopped = context.cancelled;
  emit({ type: 'stage', stage: 'loading-model' });
  const engine = await getEngine(options.source, options.device, {
    onProgress: (info) => reportDownload(info, emit),
    onFallback: (from, reason) => emit({ type: 'device', device: 'wasm', fallbackFrom: from, reason }),
  });
  emit({ type: 'device', device: engine.device });
  if (stopped()) return;
  if (!warmedUp.has(engine)) {
    emit({ type: 'stage', stage: 'warming-up' });
    // The first run compiles kernels (WebGPU shaders, WASM code paths); do it on silence so the
    // progress bar says "warming up" instead of looking stuck on the first window.
    await engine.asr(new Float32Array(SAMPLE_RATE), { max_new_tokens: 1 });
    warmedUp.add(engine);
  }
  emit({ type: 'stage', stage: 'transcribing' });
  const windows = planWindows(pcm.length, SAMPLE_RATE);
  for (const window of windows) {
    if (stopped()) return;
    const cues = await recogniseWindow(engine, pcm.subarray(window.start, window.end), window.start / SAMPLE_RATE, options, stopped);
    if (stopped()) return;
    emit({ type: 'cues', window: window.index, cues });
    emit({ type: 'progress', fraction: window.end / pcm.length });
  }
}

async function recogniseWindow(engine: Engine, audio: Float32Array, offset: number, options: TranscribeOptions, stopped: () => boolean) {
  const output = await engine.asr(audio, {
    return_timestamps: true,
    ...(options.language ? { language: options.language } : {}),
    task: options.task,
    ...(options.maxNewTokens ? { max_new_tokens: options.maxNewTokens } : {}),
    stopping_criteria: [new StopWhenCancelled(stopped)],
  });
  if (!output.chunks) throw new AppErrorException({ code: 'transcription-failed', detail: 'no timestamps in output' });
  return chunksToCues(output.chunks, offset, audio.length / SAMPLE_RATE);
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
