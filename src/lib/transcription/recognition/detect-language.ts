import { SAMPLE_RATE } from '../../media/sample-rate.ts';
import { Tensor, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { rankLanguages, type LanguageDetection } from './language-ranking.ts';
import { specialIdsFromConfig } from './special-ids.ts';

/**
 * Spoken-language detection as Whisper does it. transformers.js 4.3 does not detect: without a
 * `language` its Whisper `generate` logs a warning and transcribes as English. OpenAI's
 * `detect_language` is one decoder step: encode ≤ 30 s of audio, feed only
 * <|startoftranscript|>, and read the next-token distribution over the language tokens.
 */

/** What detection needs of the ASR pipeline (a loaded `AutomaticSpeechRecognitionPipeline` fits). */
export type WhisperPipeline = Pick<AutomaticSpeechRecognitionPipeline, 'model' | 'processor'>;

/** Whisper hears at most 30 s at a time; more would be cut off by the feature extractor anyway. */
const WINDOW_SAMPLES = 30 * SAMPLE_RATE;

/**
 * The language spoken in (the first 30 s of) 16 kHz mono `pcm`, with its probability and the
 * likeliest few; undefined for English-only models (`*.en`), which have no language tokens, where
 * detection does not apply: they transcribe everything as English.
 *
 * Runs `asr.processor(pcm)` for log-mel features, then `asr.model.forward({ input_features,
 * decoder_input_ids })`: the encoder and one merged-decoder step (empty cache), the same first
 * step `generate` takes. Feed it speech (the first VAD window), not silence: on silence Whisper
 * guesses.
 *
 * @example
 * const detected = await detectLanguage(engine.asr, firstSpeechWindow);
 * // → { language: 'fr', probability: 0.93, ranking: [{ language: 'fr', probability: 0.93 }, …] }
 */
export async function detectLanguage(asr: WhisperPipeline, pcm: Float32Array, options: DetectOptions = {}): Promise<LanguageDetection | undefined> {
  const ids = specialIdsFromConfig(asr.model.generation_config);
  if (ids.kind === 'english-only') return undefined;
  const logits = await firstStepLogits(asr, pcm.subarray(0, WINDOW_SAMPLES), ids.startOfTranscript);
  return rankLanguages(logits, ids.languages, options.top ?? 5);
}

export interface DetectOptions {
  /** How many languages `ranking` lists (5 unless told). */
  readonly top?: number;
}

/** Next-token logits after <|startoftranscript|> alone, as float32 over the vocabulary. */
async function firstStepLogits(asr: WhisperPipeline, pcm: Float32Array, startOfTranscript: number): Promise<Float32Array> {
  const features: unknown = (await asr.processor(pcm))?.input_features;
  if (!(features instanceof Tensor)) throw new Error('the processor gave no input_features');
  const decoderInputIds = new Tensor('int64', BigInt64Array.of(BigInt(startOfTranscript)), [1, 1]);
  const outputs: unknown = await asr.model.forward({ input_features: features, decoder_input_ids: decoderInputIds });
  try {
    const logits = isRecord(outputs) ? outputs.logits : undefined;
    if (!(logits instanceof Tensor)) throw new Error('the decoder gave no logits');
    // fp16 decoders give float16 logits; on WebGPU the present.* outputs live on the GPU.
    const data = logits.to('float32').data;
    if (!(data instanceof Float32Array)) throw new Error(`unexpected logits type ${logits.type}`);
    return data.slice(0, logits.dims.at(-1));
  } finally {
    disposeAll(outputs);
    features.dispose();
  }
}

/** Frees every output tensor (the KV cache outputs would otherwise hold GPU buffers). */
function disposeAll(outputs: unknown): void {
  if (!isRecord(outputs)) return;
  for (const value of Object.values(outputs)) if (value instanceof Tensor) value.dispose();
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}
