import { WorkerClient } from '../workers/client.ts';
import { assertNever } from '../assert-never.ts';
import { AsyncQueue } from './async-queue.ts';
import { createFlowCounter, releaseChunk } from './flow-control.ts';
import type { MediaInfo } from './media-info.ts';
import { mediaResultChecks, type ExtractEnd, type MediaEvent, type MediaRequest, type MediaResults, type MediaStage } from './media-protocol.ts';

let client: WorkerClient<MediaRequest, MediaResults, MediaEvent> | undefined;

function mediaClient(): WorkerClient<MediaRequest, MediaResults, MediaEvent> {
  client ??= new WorkerClient(() => new Worker(new URL('./media.worker.ts', import.meta.url), { type: 'module' }), mediaResultChecks);
  return client;
}

/** Loads and compiles ffmpeg in the media worker now, so the first file starts without waiting for it. */
export function warmMediaEngine(signal?: AbortSignal): Promise<boolean> {
  return mediaClient().run({ type: 'warm' }, { signal });
}

/** Reads a file's streams without decoding anything. Throws AppErrorException (not-media, no-audio-stream…). */
export function probeMedia(file: File, options: { signal?: AbortSignal; onStage?: (stage: MediaStage) => void } = {}): Promise<MediaInfo> {
  return mediaClient().run({ type: 'probe', file }, {
    signal: options.signal,
    onEvent: (event) => {
      if (event.type === 'stage') options.onStage?.(event.stage);
    },
  });
}

export interface AudioChunk {
  readonly pcm: Float32Array;
  /** Position of `pcm[0]` in the whole stream, in samples. */
  readonly startSample: number;
  /** Waveform peaks (max |sample| per 10 ms, see peaks.ts) this chunk completed. */
  readonly peaks: Float32Array;
  /** Index of `peaks[0]` among the stream's peaks. */
  readonly startPeak: number;
  /** Tells the decoder this chunk is done with, so it may decode further ahead. */
  release(): void;
}

/**
 * A chunk, or the end of the stream: after `samples` samples, with `damage` when decoding
 * stopped on an error, and the peak of a final partial 10 ms that no chunk carried.
 */
export type AudioStreamItem = { readonly type: 'chunk'; readonly chunk: AudioChunk } | ({ readonly type: 'end' } & ExtractEnd);

export interface StreamOptions {
  readonly audioTrack: number;
  readonly chunkSamples: number;
  /** Chunks decoded ahead of what has been released; bounds memory whatever the file's length. */
  readonly aheadLimit: number;
  readonly signal?: AbortSignal;
}

/**
 * Decodes one audio track to 16 kHz mono PCM as a stream of chunks, in one continuous pass (no
 * seams), at the pace the consumer releases chunks.
 *
 * @example
 * for await (const item of streamAudio(file, { audioTrack: 0, chunkSamples: 480_256, aheadLimit: 4 })) {
 *   if (item.type === 'chunk') { use(item.chunk.pcm); item.chunk.release(); }
 * }
 */
export function streamAudio(file: File, options: StreamOptions): AsyncIterable<AudioStreamItem> {
  const queue = new AsyncQueue<AudioStreamItem>();
  const released = createFlowCounter();
  const onEvent = (event: MediaEvent) => {
    switch (event.type) {
      case 'stage':
        return;
      case 'chunk': {
        const { pcm, startSample, peaks, startPeak } = event;
        return queue.push({ type: 'chunk', chunk: { pcm, startSample, peaks, startPeak, release: () => releaseChunk(released) } });
      }
      default:
        assertNever(event);
    }
  };
  mediaClient()
    .run({ type: 'extract', file, audioTrack: options.audioTrack, chunkSamples: options.chunkSamples, released, aheadLimit: options.aheadLimit }, { signal: options.signal, onEvent })
    .then(
      (end) => {
        queue.push({ type: 'end', ...end });
        queue.close();
      },
      (error: unknown) => queue.fail(error),
    );
  return queue;
}
