import type { Cue } from '../subtitles/cue.ts';
import type { ResultChecks } from '../workers/protocol.ts';
import type { LanguageDetection } from './recognition/language-ranking.ts';
import type { Device, DevicePreference, DtypeConfig, ModelSource, Precision } from './models.ts';
import { isEngineReady, isLanguageResult, isWindowResult } from './transcriber-results.ts';
import { isFloat32Array } from '../workers/shape.ts';
import type { SampleRange } from './vad/speech-segments.ts';

/** The speech engines behind one interface: Whisper (transformers.js) and SenseVoice-Small (ONNX Runtime). */
export type SpeechEngineKind = 'whisper' | 'sensevoice';

/** What loads an engine: changing any of it loads another. */
export interface EngineOptions {
  readonly speechEngine: SpeechEngineKind;
  readonly source: ModelSource;
  readonly device: DevicePreference;
  readonly precision: Precision;
}

/** How one window is decoded. */
export interface DecodeOptions {
  /** Whisper language code (`en`, `zh`…); undefined lets the model decide. */
  readonly language?: string;
  readonly task: 'transcribe' | 'translate';
  /** Tokens per 30 s window; undefined means the model's own limit. */
  readonly maxNewTokens?: number;
  /** Word-level times (cross-attention alignment; needs a model exported with attentions). */
  readonly wordTimestamps: boolean;
  /** Names and terms to prime the decoder with (Whisper's initial prompt); '' for none. */
  readonly initialPrompt: string;
  /** Generation guards against loops: 0 and 1 leave them off. */
  readonly noRepeatNgramSize: number;
  readonly repetitionPenalty: number;
}

export type TranscribeOptions = EngineOptions & DecodeOptions;

export type TranscriberRequest =
  /** Loads (or reuses) the engine and warms it up. */
  | { readonly type: 'prepare'; readonly engine: EngineOptions }
  /**
   * Speech probability per 512-sample frame of the next piece of one stream (Silero VAD keeps
   * its state between pieces; `first` starts a new stream). PCM is transferred.
   */
  | { readonly type: 'detect-speech'; readonly pcm: Float32Array; readonly first: boolean }
  /** The engine's language detection on one (speech) window. PCM is transferred. */
  | { readonly type: 'detect-language'; readonly pcm: Float32Array }
  /**
   * Recognises one window (≤ 30 s) that starts `offset` seconds into the media. `segments`: its
   * speech, in samples of the window (the whole window without VAD); SenseVoice gives one cue per
   * segment, Whisper reads the window as a whole. PCM is transferred.
   */
  | { readonly type: 'recognise'; readonly pcm: Float32Array; readonly offset: number; readonly segments: readonly SampleRange[]; readonly decode: DecodeOptions };

/** The engine that is loaded and warmed up (after any fallback from WebGPU to WASM). */
export interface EngineReady {
  readonly device: Device;
  readonly dtype: DtypeConfig;
}

/** One recognised window. */
export interface WindowResult {
  /** Cues with absolute times. */
  readonly cues: readonly Cue[];
  /** How many looping lines the repetition guard removed or trimmed. */
  readonly loops: number;
}

/** What each transcriber request resolves to. */
export interface TranscriberResults {
  readonly prepare: EngineReady;
  /** Speech probability per 512-sample frame (transferred). */
  readonly 'detect-speech': Float32Array;
  /** `null` for English-only models, where detection doesn't apply. */
  readonly 'detect-language': LanguageDetection | null;
  readonly recognise: WindowResult;
}

export type TranscriberStage = 'loading-model' | 'warming-up' | 'transcribing';

/** Progress the transcriber reports while serving a request; results come with `done`. */
export type TranscriberEvent =
  | { readonly type: 'stage'; readonly stage: TranscriberStage }
  | {
      readonly type: 'device';
      readonly device: Device;
      readonly dtype: DtypeConfig;
      /** Set when WebGPU failed (at load or mid-run) and recognition went on with WASM. */
      readonly fallbackFrom?: Device;
      readonly reason?: string;
    }
  /** Per-file download progress in bytes. */
  | { readonly type: 'download'; readonly file: string; readonly loaded: number; readonly total: number };

/** The page's checks of what the transcriber answers. */
export const transcriberResultChecks: ResultChecks<TranscriberResults> = {
  prepare: isEngineReady,
  'detect-speech': isFloat32Array,
  'detect-language': isLanguageResult,
  recognise: isWindowResult,
};
