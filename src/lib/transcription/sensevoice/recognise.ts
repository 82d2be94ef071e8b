/**
 * SenseVoice end to end over an injected ONNX runner: fbank → LFR → CMVN → encoder (the runner)
 * → CTC greedy → text. The runner owns the session (onnxruntime-web in the worker,
 * onnxruntime-node in tests), so this module stays pure.
 */
import { ctcGreedy } from './ctc.ts';
import { computeFbank } from './fbank.ts';
import { applyCmvn, stackLfr } from './lfr-cmvn.ts';
import type { SenseVoiceMeta } from './metadata.ts';
import { tokensToText } from './tokens.ts';

/**
 * The export prepends 4 query frames (language, event, emotion, text norm) before the audio, so
 * logits have T + 4 frames and text tokens are timed from frame 4 (export-onnx.py, `x_length += 4`).
 */
export const QUERY_FRAMES = 4;
/** One 10 ms fbank frame, in seconds; an LFR frame is `lfrShift` of them. */
const FBANK_FRAME_SECONDS = 0.01;

export interface SenseVoiceRunner {
  /**
   * Runs the graph: `x` float32 [1, frames, 560], `x_length` int32 [frames], `language` int32
   * [language], `text_norm` int32 [textNorm] → `logits` [1, frames + 4, vocab].
   */
  run(input: { features: Float32Array; frames: number; language: number; textNorm: number }): Promise<{
    logits: Float32Array;
    frames: number;
    vocab: number;
  }>;
}

export type SenseVoiceLanguage = 'auto' | 'zh' | 'en' | 'yue' | 'ja' | 'ko';
export const SENSEVOICE_LANGUAGES: readonly SenseVoiceLanguage[] = ['auto', 'zh', 'en', 'yue', 'ja', 'ko'];

export interface SenseVoiceToken {
  readonly text: string;
  /** seconds from the start of the pcm */
  readonly time: number;
}

export interface SenseVoiceResult {
  readonly text: string;
  /** The language tag the model emitted first (e.g. 'zh'); undefined when it emitted none. */
  readonly language?: string;
  readonly tokens: readonly SenseVoiceToken[];
}

export interface SenseVoiceOptions {
  readonly language: SenseVoiceLanguage;
  /** Punctuation and inverse text normalisation ("withitn"). */
  readonly itn: boolean;
}

/** The model input for `pcm`: LFR-stacked, CMVN-normalised fbank (frames × lfrWindow·80). */
export function senseVoiceFeatures(meta: SenseVoiceMeta, pcm: Float32Array): { features: Float32Array; frames: number } {
  const fbank = computeFbank(pcm, { normalizeSamples: meta.normalizeSamples });
  const lfr = stackLfr(fbank.features, fbank.frames, meta.lfrWindow, meta.lfrShift);
  applyCmvn(lfr.features, meta.negMean, meta.invStddev);
  return lfr;
}

/**
 * Recognises 16 kHz mono `pcm` (one VAD segment; the model takes up to about 30 s well).
 *
 * @example
 * const result = await recogniseSenseVoice(runner, meta, table, pcm, { language: 'auto', itn: true });
 * result.text; // '欢迎使用字幕。'
 */
export async function recogniseSenseVoice(
  runner: SenseVoiceRunner,
  meta: SenseVoiceMeta,
  table: readonly string[],
  pcm: Float32Array,
  options: SenseVoiceOptions,
): Promise<SenseVoiceResult> {
  const input = senseVoiceFeatures(meta, pcm);
  if (input.frames === 0) return { text: '', tokens: [] };
  const out = await runner.run({
    features: input.features,
    frames: input.frames,
    language: meta.languages[options.language],
    textNorm: options.itn ? meta.withItn : meta.withoutItn,
  });
  const ids = ctcGreedy(out.logits, Math.min(out.frames, input.frames + QUERY_FRAMES), out.vocab, meta.blankId);
  const decoded = tokensToText(
    ids.map((t) => t.id),
    table,
  );
  const frameSeconds = meta.lfrShift * FBANK_FRAME_SECONDS;
  const tokens = decoded.pieces.map(({ piece, index }) => ({
    text: piece,
    time: Math.max(0, ((ids[index]?.frame ?? QUERY_FRAMES) - QUERY_FRAMES) * frameSeconds),
  }));
  return { text: decoded.text, ...(decoded.tags.language === undefined ? {} : { language: decoded.tags.language }), tokens };
}
