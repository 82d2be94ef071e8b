import { env, pipeline, type AutomaticSpeechRecognitionPipeline, type ProgressInfo } from '@huggingface/transformers';
import { SAMPLE_RATE } from '../media/sample-rate.ts';
import { AppErrorException } from '../errors.ts';
import type { Cue } from '../subtitles/cue.ts';
import { chunksToCues, wordChunksToCues } from './chunk-cues.ts';
import type { EngineWindow, LoadCallbacks, SpeechEngine } from './engine.ts';
import { dtypeFor, normalizeHost, type Device } from './models.ts';
import type { DecodeOptions, EngineOptions, WindowResult } from './transcriber-protocol.ts';
import { StopOnCancel } from './stop-on-cancel.ts';
import { detectLanguage } from './recognition/detect-language.ts';
import { initialPromptTokens } from './recognition/initial-prompt.ts';
import { buildDecoderPrompt, DecoderPromptError } from './recognition/prompt.ts';
import { cleanRepetitions } from './recognition/repetition.ts';
import { specialIdsFromConfig } from './recognition/special-ids.ts';

/**
 * Whisper through transformers.js' speech-recognition pipeline: the files come from the chosen
 * host (`env.remoteHost`) through transformers.js' own cache.
 */
export async function createWhisperEngine(options: EngineOptions, device: Device, onDownload: LoadCallbacks['onDownload']): Promise<SpeechEngine> {
  env.remoteHost = normalizeHost(options.source.host);
  const dtype = dtypeFor(device, options.precision);
  const progress = (info: ProgressInfo) => {
    if (info.status === 'progress') onDownload(info.file, info.loaded, info.total);
  };
  const asr = await pipeline('automatic-speech-recognition', options.source.modelId, { device, dtype, progress_callback: progress });
  return {
    kind: 'whisper',
    device,
    dtype,
    // The first run compiles kernels (WebGPU shaders, WASM code paths); one token on silence does it.
    warmUp: async () => void (await asr(new Float32Array(SAMPLE_RATE), { max_new_tokens: 1 })),
    detectLanguage: (pcm) => detectLanguage(asr, pcm),
    recognise: (window, decode, cancelled) => recogniseWindow(asr, window, decode, cancelled),
    dispose: () => asr.dispose(),
  };
}

async function recogniseWindow(asr: AutomaticSpeechRecognitionPipeline, window: EngineWindow, decode: DecodeOptions, cancelled: () => boolean): Promise<WindowResult> {
  const decoded = await decodeWindow(asr, window.pcm, window.offset, decode, cancelled);
  const { cues, trimmed, dropped } = cleanRepetitions(decoded);
  return { cues, loops: trimmed + dropped };
}

async function decodeWindow(asr: AutomaticSpeechRecognitionPipeline, pcm: Float32Array, offset: number, decode: DecodeOptions, cancelled: () => boolean): Promise<Cue[]> {
  // An initial prompt survives transformers.js' segment decoding only in word mode (it leaks into
  // the first segment's text otherwise), so a prompt switches decoding to words.
  const words = decode.wordTimestamps || decode.initialPrompt.trim() !== '';
  const output = await asr(pcm, {
    return_timestamps: words ? 'word' : true,
    decoder_input_ids: decoderPrompt(asr, decode, words),
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
function decoderPrompt(asr: AutomaticSpeechRecognitionPipeline, decode: DecodeOptions, words: boolean): number[] {
  const ids = specialIdsFromConfig(asr.model.generation_config);
  const previousTokens = decode.initialPrompt.trim() ? initialPromptTokens(asr.tokenizer, decode.initialPrompt) : undefined;
  try {
    return buildDecoderPrompt(ids, { language: ids.kind === 'english-only' ? 'en' : (decode.language ?? 'en'), task: decode.task, timestamps: true, previousTokens: words ? previousTokens : undefined });
  } catch (error) {
    if (error instanceof DecoderPromptError) throw new AppErrorException({ code: 'unsupported-language', detail: error.language });
    throw error;
  }
}
