import type { ResultChecks } from '../workers/protocol.ts';
import { isFiniteNumber, isRecord } from '../workers/shape.ts';
import { isBurnEnd, isBurnEstimate, type BurnEnd, type BurnEstimate, type BurnJob } from './burn-in/burn-in-protocol.ts';
import type { TrackFormat, VideoContainer } from './export-plan.ts';

/** One subtitle track for the export worker: its file's text and how to tag it. */
export interface MuxTrack {
  /** The whole subtitle file (SRT or ASS); small, so it is written into ffmpeg's memory. */
  readonly text: string;
  readonly format: TrackFormat;
  /** ISO 639-2 in the container's form. */
  readonly language: string;
  readonly title: string;
  readonly isDefault: boolean;
}

/** How a request that writes a file sends it to the page. */
export interface StreamedOutput {
  /** Bytes per `chunk` event (the last one of a run, and header patches, are shorter). */
  readonly chunkBytes: number;
  /** Shared counter of chunks the page has written (see media/flow-control.ts). */
  readonly released: Int32Array;
  /** How many chunks may wait unwritten before ffmpeg pauses. */
  readonly aheadLimit: number;
}

/** Requests the export worker serves. */
export type ExportRequest =
  /** Loads and compiles ffmpeg ahead of the export (while the dialog is open); resolves true. */
  | { readonly type: 'warm' }
  | ({
      /** Copies the file's video and audio into `container` with `tracks` added; no re-encode. */
      readonly type: 'mux';
      readonly file: File;
      readonly container: VideoContainer;
      readonly tracks: readonly MuxTrack[];
    } & StreamedOutput)
  /** Burn-in without WebCodecs: times the first `sampleSeconds` through libass and x264 into nothing. */
  | ({ readonly type: 'burn-estimate'; readonly sampleSeconds: number } & BurnJob)
  /** Burn-in without WebCodecs: libass draws the cues, x264 `veryfast` encodes, into MP4; audio copied. */
  | ({ readonly type: 'burn' } & BurnJob & StreamedOutput);

/** How a mux ended: the output's length, the chunks it was sent in, the media time written. */
export interface MuxEnd {
  readonly bytes: number;
  readonly chunks: number;
  readonly seconds: number;
}

/** What each export request resolves to. */
export interface ExportResults {
  readonly warm: boolean;
  readonly mux: MuxEnd;
  readonly 'burn-estimate': BurnEstimate;
  readonly burn: BurnEnd;
}

export type ExportStage = 'loading-engine' | 'muxing' | 'loading-font' | 'burning';

/** Events the export worker sends while serving a request. */
export type ExportEvent =
  | { readonly type: 'stage'; readonly stage: ExportStage }
  /** Media seconds written so far, and the input's duration once ffmpeg has read it. */
  | { readonly type: 'progress'; readonly seconds: number; readonly duration: number | undefined }
  /**
   * Output bytes to write at `position` of the file, in order: a later chunk may overwrite an
   * earlier one's bytes (a muxer filling in a header). The buffer is transferred.
   */
  | { readonly type: 'chunk'; readonly position: number; readonly bytes: Uint8Array<ArrayBuffer> };

/** The page's checks of what the export worker answers. */
export const exportResultChecks: ResultChecks<ExportResults> = {
  warm: (value): value is boolean => value === true,
  mux: isMuxEnd,
  'burn-estimate': isBurnEstimate,
  burn: isBurnEnd,
};

function isMuxEnd(value: unknown): value is MuxEnd {
  return isRecord(value) && isFiniteNumber(value.bytes) && isFiniteNumber(value.chunks) && isFiniteNumber(value.seconds);
}
