import type { ResultChecks } from '../../workers/protocol.ts';
import { isFiniteNumber, isRecord } from '../../workers/shape.ts';
import type { BurnCue } from './cue-at.ts';
import type { SubtitleStyle } from './subtitle-layout.ts';

/** The file type a burned-in video is written as: MP4 for H.264, WebM for VP9/AV1/VP8. */
export type BurnContainer = 'mp4' | 'webm';

/**
 * How the burn-in runs: `webcodecs` (the browser's encoder, hardware where present, each frame
 * drawn by the canvas renderer) or `ffmpeg` (ffmpeg.wasm: libass draws, x264 encodes in
 * software — many times slower), where WebCodecs has no encoder.
 */
export type BurnPath = 'webcodecs' | 'ffmpeg';

/** What this browser will make of the file: the path, the encoder, the container, the frame size. */
export interface BurnPlan {
  readonly path: BurnPath;
  /** The encoder: mediabunny's codec name ('avc', 'vp9', 'av1', 'vp8') on WebCodecs, 'x264' on ffmpeg. */
  readonly codec: string;
  readonly container: BurnContainer;
  readonly width: number;
  readonly height: number;
  /** The input's duration, seconds. */
  readonly duration: number;
}

/** The plan and how long the whole burn-in should take here, from timing its first frames. */
export interface BurnEstimate extends BurnPlan {
  /** Media seconds burned per second of wall time on this device. */
  readonly speed: number;
  /** Estimated wall seconds for the whole file. */
  readonly seconds: number;
}

/** What burn-in draws: the cues (sorted, text as shown) and their style. */
export interface BurnJob {
  readonly file: File;
  readonly cues: readonly BurnCue[];
  readonly style: SubtitleStyle;
}

/** Requests the burn-in worker serves. */
export type BurnInRequest =
  /** Plans the output and times the first `sampleSeconds` of media into nothing. */
  | ({ readonly type: 'estimate'; readonly sampleSeconds: number } & BurnJob)
  | ({
      /** Re-encodes the video with the cues drawn on; the audio copied where the container allows. */
      readonly type: 'burn';
      /** Bytes per `chunk` event (the last, and header patches, are shorter). */
      readonly chunkBytes: number;
      /** Shared counter of chunks the page has written (see media/flow-control.ts). */
      readonly released: Int32Array;
      readonly aheadLimit: number;
    } & BurnJob);

/** How a burn-in ended. */
export interface BurnEnd {
  readonly bytes: number;
  readonly chunks: number;
  readonly frames: number;
}

/** What each burn-in request resolves to. */
export interface BurnInResults {
  readonly estimate: BurnEstimate;
  readonly burn: BurnEnd;
}

/** Events the burn-in worker sends while burning. */
export type BurnInEvent =
  /** Media seconds burned so far of `duration`. */
  | { readonly type: 'progress'; readonly seconds: number; readonly duration: number }
  /** Output bytes for `position` of the file, in order (a later chunk may patch a header). Transferred. */
  | { readonly type: 'chunk'; readonly position: number; readonly bytes: Uint8Array<ArrayBuffer> };

/** The page's checks of what the burn-in worker answers. */
export const burnInResultChecks: ResultChecks<BurnInResults> = {
  estimate: isBurnEstimate,
  burn: isBurnEnd,
};

/** Whether a worker's answer is a {@link BurnEnd}. */
export function isBurnEnd(value: unknown): value is BurnEnd {
  return isRecord(value) && isFiniteNumber(value.bytes) && isFiniteNumber(value.chunks) && isFiniteNumber(value.frames);
}

/** Whether a worker's answer is a {@link BurnEstimate}. */
export function isBurnEstimate(value: unknown): value is BurnEstimate {
  return isRecord(value) && (value.path === 'webcodecs' || value.path === 'ffmpeg') && typeof value.codec === 'string'
    && (value.container === 'mp4' || value.container === 'webm')
    && isFiniteNumber(value.width) && isFiniteNumber(value.height) && isFiniteNumber(value.duration)
    && isFiniteNumber(value.speed) && isFiniteNumber(value.seconds);
}
