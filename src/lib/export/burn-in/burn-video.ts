/// <reference lib="webworker" />
import {
  ALL_FORMATS, BlobSource, canEncodeVideo, Conversion, getFirstEncodableVideoCodec, Input, Mp4OutputFormat, NullTarget, Output,
  StreamTarget, WebMOutputFormat, type StreamTargetChunk, type Target, type VideoCodec, type VideoSample,
} from 'mediabunny';
import { AppErrorException } from '../../errors.ts';
import type { BurnContainer, BurnJob, BurnPlan } from './burn-in-protocol.ts';
import { textAt } from './cue-at.ts';
import { drawSubtitle, measureWith } from './subtitle-draw.ts';
import { layoutSubtitle, type SubtitleLayout } from './subtitle-layout.ts';

/** The encoders tried where H.264 is missing, best first; each goes into WebM. */
const WEBM_CODECS: readonly VideoCodec[] = ['vp9', 'av1', 'vp8'];

/**
 * The first encoder this browser has for the frame size: H.264 into MP4 (plays everywhere),
 * else VP9, AV1 or VP8 into WebM; `burn-in-unsupported` with none.
 */
export async function chooseEncoder(width: number, height: number): Promise<{ codec: VideoCodec; container: BurnContainer }> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoDecoder === 'undefined') {
    throw new AppErrorException({ code: 'burn-in-unsupported', detail: 'no WebCodecs' });
  }
  if (await canEncodeVideo('avc', { width, height })) return { codec: 'avc', container: 'mp4' };
  const codec = await getFirstEncodableVideoCodec([...WEBM_CODECS], { width, height });
  if (codec) return { codec, container: 'webm' };
  throw new AppErrorException({ code: 'burn-in-unsupported', detail: `${width}×${height}` });
}

/** Opens the input and plans the output: its encoder, container, frame size and duration. */
export async function planBurn(file: File): Promise<{ input: Input; plan: BurnPlan }> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new AppErrorException({ code: 'burn-in-no-video' });
  const width = track.displayWidth;
  const height = track.displayHeight;
  const { codec, container } = await chooseEncoder(width, height);
  return { input, plan: { path: 'webcodecs', codec, container, width, height, duration: await input.computeDuration() } };
}

/** A frame painter: the video frame, then the cue shown at its time (layouts cached per text). */
function framePainter(job: BurnJob, plan: BurnPlan) {
  const canvas = new OffscreenCanvas(plan.width, plan.height);
  const context = canvas.getContext('2d');
  if (!context) throw new AppErrorException({ code: 'burn-in-failed', detail: 'no 2D canvas in this worker' });
  const measure = measureWith(context);
  const layouts = new Map<string, SubtitleLayout>();
  let frames = 0;
  const paint = (sample: VideoSample): OffscreenCanvas => {
    sample.draw(context, 0, 0, plan.width, plan.height);
    const text = textAt(job.cues, sample.timestamp);
    if (text !== '') {
      let layout = layouts.get(text);
      if (!layout) {
        layout = layoutSubtitle(text, plan, job.style, measure);
        layouts.set(text, layout);
      }
      drawSubtitle(context, layout, job.style);
    }
    sample.close();
    frames++;
    return canvas;
  };
  return { paint, frames: () => frames };
}

/** Where a conversion's output goes and how it is told to stop. */
export interface BurnRun {
  readonly target: Target;
  /** Media seconds converted so far. */
  readonly onProgress?: (seconds: number) => void;
  /** Polled while running; true cancels the conversion. */
  readonly cancelled: () => boolean;
  /** Stop once this much media is converted (the estimate's sample). */
  readonly until?: number;
}

/**
 * Re-encodes `job.file` per `plan` with each frame painted by the shared subtitle renderer;
 * the audio copied where the container takes it (else re-encoded by mediabunny). Resolves with
 * the frames painted; a cancel rejects with `cancelled`.
 */
export async function burnVideo(input: Input, job: BurnJob, plan: BurnPlan, run: BurnRun): Promise<number> {
  // The MP4 index at the end (no fast start): 'in-memory' would hold the whole film until the end.
  const format = plan.container === 'mp4' ? new Mp4OutputFormat({ fastStart: false }) : new WebMOutputFormat();
  const output = new Output({ format, target: run.target });
  const painter = framePainter(job, plan);
  const conversion = await Conversion.init({
    input, output,
    video: { codec: codecOf(plan.codec), forceTranscode: true, process: painter.paint, processedWidth: plan.width, processedHeight: plan.height },
  });
  if (!conversion.isValid) {
    throw new AppErrorException({ code: 'burn-in-failed', detail: conversion.discardedTracks.map((track) => track.reason).join(', ') });
  }
  if (run.onProgress) {
    const report = run.onProgress;
    conversion.onProgress = (_progress, seconds) => report(seconds);
  }
  // The worker's event loop runs between frames, so a cancel is noticed within a frame or two.
  const watch = setInterval(() => {
    if (run.cancelled()) void conversion.cancel();
  }, 50);
  try {
    await conversion.execute(run.until === undefined ? undefined : { until: run.until });
    if (run.until !== undefined) await conversion.cancel();
  } catch (error) {
    if (run.cancelled()) throw new AppErrorException({ code: 'cancelled' });
    throw error instanceof AppErrorException ? error : new AppErrorException({ code: 'burn-in-failed', detail: String(error) });
  } finally {
    clearInterval(watch);
  }
  if (run.cancelled()) throw new AppErrorException({ code: 'cancelled' });
  return painter.frames();
}

/** A target that discards everything (timing the estimate). */
export function discardTarget(): Target {
  return new NullTarget();
}

/** A target that streams the file out in `chunkBytes` pieces through `write` (which may wait). */
export function streamTarget(chunkBytes: number, write: (chunk: StreamTargetChunk) => Promise<void>): Target {
  return new StreamTarget(new WritableStream<StreamTargetChunk>({ write }), { chunked: true, chunkSize: chunkBytes });
}

function codecOf(name: string): VideoCodec {
  const known: readonly VideoCodec[] = ['avc', ...WEBM_CODECS];
  const codec = known.find((candidate) => candidate === name);
  if (!codec) throw new AppErrorException({ code: 'burn-in-unsupported', detail: name });
  return codec;
}
