/// <reference lib="webworker" />
import { AppErrorException } from '../errors.ts';
import { reply, serve, type HandlerContext } from '../workers/host.ts';
import { engineDtype, getEngine, type LoadCallbacks, type SpeechEngine } from './engine.ts';
import type { EngineOptions, EngineReady, TranscriberEvent, TranscriberRequest, TranscriberResults } from './transcriber-protocol.ts';
import { detectSpeech } from './vad-session.ts';

/** Engines that have run once; an engine is reused across files and needs warming only once. */
const warmedUp = new WeakSet<SpeechEngine>();
let engine: SpeechEngine | undefined;
let engineOptions: EngineOptions | undefined;

type Context = HandlerContext<TranscriberEvent>;

serve<TranscriberRequest, TranscriberResults, TranscriberEvent>(self, 'transcription-failed', {
  prepare: (request, context) => prepare(request.engine, context),
  'detect-speech': async (request, context) => {
    const probabilities = await detectSpeech(request.pcm, request.first, context.cancelled);
    return reply(probabilities, [probabilities.buffer]);
  },
  'detect-language': async (request, context) => (await withFallback(context, (ready) => ready.detectLanguage(request.pcm))) ?? null,
  recognise: async ({ pcm, offset, segments, decode }, context) => {
    const result = await withFallback(context, (ready) => ready.recognise({ pcm, offset, segments }, decode, context.cancelled));
    // A cancelled window has no result: the host answers `cancelled` whatever is thrown.
    if (context.cancelled()) throw new AppErrorException({ code: 'cancelled' });
    return result;
  },
});

function loadCallbacks({ emit }: Context): LoadCallbacks {
  return {
    onDownload: (file, loaded, total) => emit({ type: 'download', file, loaded, total }),
    onFallback: (from, reason) => emit({ type: 'device', device: 'wasm', dtype: engineDtype(engineOptions ?? { speechEngine: 'whisper', precision: 'auto' }, 'wasm'), fallbackFrom: from, reason }),
  };
}

async function prepare(options: EngineOptions, context: Context): Promise<EngineReady> {
  context.emit({ type: 'stage', stage: 'loading-model' });
  engineOptions = options;
  engine = await getEngine(options, loadCallbacks(context));
  context.emit({ type: 'device', device: engine.device, dtype: engine.dtype });
  // WebGPU often fails on the first inference rather than at load: the warm-up falls back too.
  const ready = await withFallback(context, async (loaded) => {
    await warmUp(loaded, context);
    return loaded;
  });
  return { device: ready.device, dtype: ready.dtype };
}

async function warmUp(ready: SpeechEngine, { emit, cancelled }: Context): Promise<void> {
  if (cancelled() || warmedUp.has(ready)) return;
  emit({ type: 'stage', stage: 'warming-up' });
  // The first run compiles kernels (WebGPU shaders, WASM code paths); it runs on silence so the
  // progress bar says "warming up" instead of looking stuck on the first window.
  await ready.warmUp();
  warmedUp.add(ready);
}

/**
 * Runs `work` on the engine. When WebGPU fails (a lost device, out of memory, an op it can't run)
 * and the user did not insist on WebGPU, this worker can't go on: ONNX Runtime's module here is
 * left unable to run even WASM sessions, so it says `webgpu-lost` and the page replaces the worker
 * and continues on WASM from this very window (transcriber.ts). Judged by the engine the work ran
 * on: requests already running when the GPU went fail too.
 */
async function withFallback<T>(context: Context, work: (ready: SpeechEngine) => Promise<T>): Promise<T> {
  const used = engine;
  if (!used || !engineOptions) throw new AppErrorException({ code: 'transcription-failed', detail: 'engine not prepared' });
  try {
    return await work(used);
  } catch (error) {
    if (context.cancelled() || used.device !== 'webgpu' || engineOptions.device === 'webgpu' || error instanceof AppErrorException) throw error;
    throw new AppErrorException({ code: 'webgpu-lost', detail: error instanceof Error ? error.message : String(error) });
  }
}
