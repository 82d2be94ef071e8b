import { SAMPLE_RATE } from '../media/sample-rate.ts';
/// <reference lib="webworker" />
import type { ProgressInfo } from '@huggingface/transformers';
import { AppErrorException } from '../errors.ts';
import type { Cue } from '../subtitles/cue.ts';
import { reply, serve, type HandlerContext } from '../workers/host.ts';
import { chunksToCues, wordChunksToCues } from './chunk-cues.ts';
import { getEngine, type Engine, type LoadCallbacks } from './engine.ts';
import { dtypeFor } from './models.ts';
import type { DecodeOptions, EngineOptions, EngineReady, TranscriberEvent, TranscriberRequest, TranscriberResults, WindowResult } from './transcriber-protocol.ts';
import { StopOnCancel } from './stop-on-cancel.ts';
import { detectSpeech } from './vad-session.ts';
import { detectLanguage } from './recognition/detect-language.ts';
import { initialPromptTokens } from './recognition/initial-prompt.ts';
import { buildDecoderPrompt, DecoderPromptError } from './recognition/prompt.ts';
import { cleanRepetitions } from './recognition/repetition.ts';
import { specialIdsFromConfig } from './recognition/special-ids.ts';

/** Engines that have run once; an engine is reused across files and needs warming only once. */
const warmedUp = new WeakSet<Engine>();
let engine: Engine | undefined;
let engineOptions: EngineOptions | undefined;

type Context = HandlerContext<TranscriberEvent>;

serve<TranscriberRequest, TranscriberResults, TranscriberEvent>(self, 'transcription-failed', {
  prepare: (request, context) => prepare(request.engine, context),
  'detect-speech': async (request, context) => {
    const probabilities = await detectSpeech(request.pcm, request.first, context.cancelled);
    return reply(probabilities, [probabilities.buffer]);
  },
  'detect-language': async (request, context) => (await withFallback(context, (ready) => detectLanguage(ready.asr, request.pcm))) ?? null,
  recognise: (request, context) => recognise(request.pcm, request.offset, request.decode, context),
});

function loadCallbacks({ emit }: Context): LoadCallbacks {
  return {
    onProgress: (info: ProgressInfo) => {
      if (info.status === 'progress') emit({ type: 'download', file: info.file, loaded: info.loaded, total: info.total });
    },
    onFallback: (from, reason) => emit({ type: 'device', device: 'wasm', dtype: dtypeFor('wasm', engineOptions?.precision), fallbackFrom: from, reason }),
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

async function warmUp(ready: Engine, { emit, cancelled }: Context): Promise<void> {
  if (cancelled() || warmedUp.has(ready)) return;
  emit({ type: 'stage', stage: 'warming-up' });
  // The first run compiles kernels (WebGPU shaders, WASM code paths); do it on silence so the
  // progress bar says "warming up" instead of looking stuck on the first window.
  await ready.asr(new Float32Array(SAMPLE_RATE), { max_new_tokens: 1 });
  warmedUp.add(ready);
}

async function recognise(pcm: Float32Array, offset: number, decode: DecodeOptions, context: Context): Promise<WindowResult> {
  const decoded = await withFallback(context, (ready) => decodeWindow(ready, pcm, offset, decode, context.cancelled));
  // A cancelled window has no result: the host answers `cancelled` whatever is thrown.
  if (context.cancelled()) throw new AppErrorException({ code: 'cancelled' });
  const { cues, trimmed, dropped } = cleanRepetitions(decoded);
  return { cues, loops: trimmed + dropped };
}

/**
 * Runs `work` on the engine. When WebGPU fails (a lost device, out of memory, an op it can't run)
 * and the user did not insist on WebGPU, this worker can't go on: ONNX Runtime's module here is
 * left unable to run even WASM sessions, so it says `webgpu-lost` and the page replaces the worker
 * and continues on WASM from this very window (transcriber.ts). Judged by the engine the work ran
 * on: requests already running when the GPU went fail too.
 */
async function withFallback<T>(context: Context, work: (ready: Engine) => Promise<T>): Promise<T> {
  const used = engine;
  if (!used || !engineOptions) throw new AppErrorException({ code: 'transcription-failed', detail: 'engine not prepared' });
  try {
    return await work(used);
  } catch (error) {
    if (context.cancelled() || used.device !== 'webgpu' || engineOptions.device === 'webgpu' || error instanceof AppErrorException) throw error;
    throw new AppErrorException({ code: 'webgpu-lost', detail: error instanceof Error ? error.message : String(error) });
  }
}

async function decodeWindow(ready: Engine, pcm: Float32Array, offset: number, decode: DecodeOptions, cancelled: () => boolean): Promise<Cue[]> {
  // An initial prompt survives transformers.js' segment decoding only in word mode (it leaks into
  // the first segment's text otherwise), so a prompt switches decoding to words.
  const words = decode.wordTimestamps || decode.initialPrompt.trim() !== '';
  const output = await ready.asr(pcm, {
    return_timestamps: words ? 'word' : true,
    decoder_input_ids: decoderPrompt(ready, decode, words),
    ...(decode.maxNewTokens ? { max_new_tokens: decode.maxNewTokens } : {}),
    ...(decode.noRepeatNgramSize > 0 ? { no_repeat_ngram_size: decode.noRepeatNgramSize } : {}),
    ...(decode.repetitionPenalty > 1 ? { repetition_penalty: decode.repetitionPenalty } : {}),
    stopping_criteria: [new StopOnCancel(cancelled)],
  });
  if (!output.chunks) throw new AppErrorException({ code: 'transcription-failed', detail: 'no timestamps in output' });
  const seconds = pcm.length / SAMPLE_RATE;
  const cues = words ? wordChunksToCues(output.chunks, offset, seconds) : chunksToCues(output.chunks, offset, seconds);
  return decode.wordTimestamps ? cues : cues.map(({ start, end, text }) => ({ start, end, text }));
}

/**
 * The decoder's starting tokens, built here rather than by transformers.js from `language`/`task`:
 * it also takes Cantonese (large-v3) and English-only models, and carries the initial prompt.
 */
function decoderPrompt(ready: Engine, decode: DecodeOptions, words: boolean): number[] {
  const ids = specialIdsFromConfig(ready.asr.model.generation_config);
  const previousTokens = decode.initialPrompt.trim() ? initialPromptTokens(ready.asr.tokenizer, decode.initialPrompt) : undefined;
  try {
    return buildDecoderPrompt(ids, { language: ids.kind === 'english-only' ? 'en' : (decode.language ?? 'en'), task: decode.task, timestamps: true, previousTokens: words ? previousTokens : undefined });
  } catch (error) {
    if (error instanceof DecoderPromptError) throw new AppErrorException({ code: 'unsupported-language', detail: error.language });
    throw error;
  }
}
