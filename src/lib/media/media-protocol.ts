import type { MediaInfo } from './media-info.ts';

/** Requests the media worker serves. */
export type MediaRequest = {
  readonly type: 'extract';
  readonly file: File;
  /** Which audio stream (index among audio streams); the first when absent. */
  readonly audioTrack?: number;
};

export type MediaStage = 'loading-engine' | 'probing' | 'extracting';

/** Events the media worker sends while serving a request. */
export type MediaEvent =
  | { readonly type: 'stage'; readonly stage: MediaStage }
  | { readonly type: 'probe'; readonly info: MediaInfo }
  /** Fraction 0..1 of the audio decoded so far. */
  | { readonly type: 'progress'; readonly fraction: number }
  /** 16 kHz mono float32 PCM; its buffer is transferred. */
  | { readonly type: 'audio'; readonly pcm: Float32Array; readonly sampleRate: number };
