import { AppErrorException } from '../errors.ts';
import { WorkerClient } from '../workers/client.ts';
import { assertNever } from '../workers/protocol.ts';
import { AsyncQueue } from './async-queue.ts';
import { createFlowCounter, releaseChunk } from './flow-control.ts';
import type { MediaInfo } from './media-info.ts';
import type { MediaEvent, MediaRequest, MediaStage } from './media-protocol.ts';

let client: WorkerClient<MediaRequest, MediaEvent> | undefined;

function mediaClient(): WorkerClient<MediaRequest, MediaEvent> {
  client ??= new WorkerClient(() => new Worker(new URL('./media.worker.ts', import.meta.url), { type: 'module' }));
  return client;
}

/** Reads a file's streams without decoding anything. Throws AppErrorException (not-media, no-audio-stream…). */
export async function probeMedia(file: File, options: { signal?: AbortSignal; onStage?: (stage: MediaStage) => void } = {}): Promise<MediaInfo> {
  let info: MediaInfo | undefined;
  await mediaClient().run({ type: 'probe', file }, {
    signal: options.signal,
    onEvent: (event) => {
      if (event.type === 'stage') options.onStage?.(event.stage);
      if (event.type === 'probe') info = event.info;
    },
  });
  if (!info) throw new AppErrorException({ code: 'not-media' });
  return info;
}

export interface AudioChunk {
  readonly pcm: Float32Array;
  /** Position of `pcm[0]` in the whole stream, in samples. */
  readonly startSample: number;
  /** Tells the decoder this chunk is done with, so it may decode further ahead. */
  release(): void;
}

export type AudioStreamItem =
  | { readonly type: 'chunk'; readonly chunk: AudioChunk }
  | { readonly type: 'end'; readonly samples: number; readonly damage?: string };

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
  const request: MediaRequest = { type: 'extract', file, audioTrack: options.audioTrack, chunkSamples: options.chunkSamples, released, aheadLimit: options.aheadLimit };
  const onEvent = (event: MediaEvent) => {
    switch (event.type) {
      case 'stage':
      case 'probe':
        return;
      case 'chunk':
        return queue.push({ type: 'chunk', chunk: { pcm: event.pcm, startSample: event.startSample, release: () => releaseChunk(released) } });
      case 'end':
        return queue.push({ type: 'end', samples: event.samples, damage: event.damage });
      default:
        assertNever(event);
    }
  };
  mediaClient().run(request, { signal: options.signal, onEvent }).then(() => queue.close(), (error: unknown) => queue.fail(error));
  return queue;
}
