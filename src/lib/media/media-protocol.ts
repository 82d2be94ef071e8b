import type { MediaInfo } from './media-info.ts';

/** Requests the media worker serves. */
export type MediaRequest =
  | { readonly type: 'probe'; readonly file: File }
  | {
      readonly type: 'extract';
      readonly file: File;
      /** Index among the file's audio streams. */
      readonly audioTrack: number;
      /** Samples per `chunk` event. */
      readonly chunkSamples: number;
      /** Shared counter of chunks the page is done with (see flow-control.ts). */
      readonly released: Int32Array;
      /** How many chunks may wait unreleased before decoding pauses. */
      readonly aheadLimit: number;
    };

export type MediaStage = 'loading-engine' | 'probing' | 'extracting';

/** Events the media worker sends while serving a request. */
export type MediaEvent =
  | { readonly type: 'stage'; readonly stage: MediaStage }
  | { readonly type: 'probe'; readonly info: MediaInfo }
  /** 16 kHz mono float32 PCM starting at `startSample` of the stream; its buffer is transferred. */
  | { readonly type: 'chunk'; readonly pcm: Float32Array; readonly startSample: number }
  /**
   * The stream ended after `samples` samples. `damage` is set when decoding stopped on an error
   * after some audio came out (a truncated or corrupt file): what came before it is good.
   */
  | { readonly type: 'end'; readonly samples: number; readonly damage?: string };
