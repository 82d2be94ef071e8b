import type { ResultChecks } from '../workers/protocol.ts';
import { isFloat32Array, isRecord } from '../workers/shape.ts';
import { isMediaInfo, type MediaInfo } from './media-info.ts';

/** Requests the media worker serves. */
export type MediaRequest =
  /** Loads and compiles ffmpeg ahead of the first file (a warm start); resolves true once loaded. */
  | { readonly type: 'warm' }
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

/**
 * How an extraction ended: after `samples` samples. `damage` is set when decoding stopped on an
 * error after some audio came out (a truncated or corrupt file): what came before it is good.
 * `peaks` holds the last peak, of the stream's final partial 10 ms, when no chunk carried it.
 */
export interface ExtractEnd {
  readonly samples: number;
  readonly damage?: string;
  readonly peaks: Float32Array;
  readonly startPeak: number;
}

/** What each media request resolves to. */
export interface MediaResults {
  readonly warm: boolean;
  readonly probe: MediaInfo;
  readonly extract: ExtractEnd;
}

export type MediaStage = 'loading-engine' | 'probing' | 'extracting';

/** Events the media worker sends while serving a request. */
export type MediaEvent =
  | { readonly type: 'stage'; readonly stage: MediaStage }
  /**
   * 16 kHz mono float32 PCM starting at `startSample` of the stream, and the waveform peaks
   * (max |sample| per 10 ms, see peaks.ts) completed by it, starting at peak `startPeak`.
   * Both buffers are transferred.
   */
  | { readonly type: 'chunk'; readonly pcm: Float32Array; readonly startSample: number; readonly peaks: Float32Array; readonly startPeak: number };

/** The page's checks of what the media worker answers. */
export const mediaResultChecks: ResultChecks<MediaResults> = {
  warm: (value): value is boolean => value === true,
  probe: isMediaInfo,
  extract: isExtractEnd,
};

function isExtractEnd(value: unknown): value is ExtractEnd {
  return (
    isRecord(value) &&
    typeof value.samples === 'number' &&
    (value.damage === undefined || typeof value.damage === 'string') &&
    isFloat32Array(value.peaks) &&
    typeof value.startPeak === 'number'
  );
}
