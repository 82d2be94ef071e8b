import type { Cue } from '../subtitles/cue.ts';
import type { Device, DevicePreference, ModelSource } from './models.ts';

export interface TranscribeOptions {
  readonly source: ModelSource;
  readonly device: DevicePreference;
  /** Whisper language code (`en`, `zh`…); undefined lets the model decide. */
  readonly language?: string;
  readonly task: 'transcribe' | 'translate';
  /** Tokens per 30 s window; undefined means the model's own limit. */
  readonly maxNewTokens?: number;
}

export type TranscriberRequest = {
  readonly type: 'transcribe';
  /** 16 kHz mono float32; transferred, not copied. */
  readonly pcm: Float32Array;
  readonly options: TranscribeOptions;
};

export type TranscriberStage = 'loading-model' | 'warming-up' | 'transcribing';

export type TranscriberEvent =
  | { readonly type: 'stage'; readonly stage: TranscriberStage }
  | { readonly type: 'device'; readonly device: Device; readonly fallbackFrom?: Device; readonly reason?: string }
  /** Per-file download progress in bytes. */
  | { readonly type: 'download'; readonly file: string; readonly loaded: number; readonly total: number }
  /** Fraction 0..1 of the audio recognised. */
  | { readonly type: 'progress'; readonly fraction: number }
  /** Cues of one finished window, with absolute times. */
  | { readonly type: 'cues'; readonly window: number; readonly cues: readonly Cue[] };
