import { AppErrorException } from '../errors.ts';
import { WorkerClient } from '../workers/client.ts';
import { assertNever } from '../workers/protocol.ts';
import type { MediaInfo } from './media-info.ts';
import type { MediaEvent, MediaRequest, MediaStage } from './media-protocol.ts';

export interface ExtractOptions {
  readonly signal?: AbortSignal;
  readonly audioTrack?: number;
  readonly onStage?: (stage: MediaStage) => void;
  readonly onProbe?: (info: MediaInfo) => void;
  readonly onProgress?: (fraction: number) => void;
}

export interface ExtractedAudio {
  readonly pcm: Float32Array;
  readonly sampleRate: number;
  readonly info: MediaInfo;
}

let client: WorkerClient<MediaRequest, MediaEvent> | undefined;

function mediaClient(): WorkerClient<MediaRequest, MediaEvent> {
  client ??= new WorkerClient(() => new Worker(new URL('./media.worker.ts', import.meta.url), { type: 'module' }));
  return client;
}

/**
 * Decodes a file's audio to 16 kHz mono float32 PCM in the media worker.
 *
 * @example
 * const { pcm } = await extractAudio(file, { signal, onProgress: (f) => (bar.value = f) });
 */
export async function extractAudio(file: File, options: ExtractOptions = {}): Promise<ExtractedAudio> {
  let info: MediaInfo | undefined;
  let audio: { pcm: Float32Array; sampleRate: number } | undefined;
  const onEvent = (event: MediaEvent) => {
    switch (event.type) {
      case 'stage':
        return options.onStage?.(event.stage);
      case 'probe':
        info = event.info;
        return options.onProbe?.(event.info);
      case 'progress':
        return options.onProgress?.(event.fraction);
      case 'audio':
        audio = { pcm: event.pcm, sampleRate: event.sampleRate };
        return;
      default:
        assertNever(event);
    }
  };
  const request: MediaRequest = { type: 'extract', file, audioTrack: options.audioTrack };
  await mediaClient().run(request, { signal: options.signal, onEvent });
  if (!audio || !info) throw new AppErrorException({ code: 'extraction-failed', detail: 'no audio returned' });
  return { ...audio, info };
}
