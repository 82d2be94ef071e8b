import { assertNever } from '../assert-never.ts';
import { ChunkWrites, OUTPUT_AHEAD_LIMIT, OUTPUT_CHUNK_BYTES, type OutputWriter } from './chunk-writes.ts';
import { WorkerClient } from '../workers/client.ts';
import type { VideoContainer } from './export-plan.ts';
import { exportResultChecks, type ExportEvent, type ExportRequest, type ExportResults, type ExportStage, type MuxEnd, type MuxTrack } from './export-protocol.ts';


/** The export worker's client (a stand-in over a MessageChannel in tests). */
export type ExportEngine = WorkerClient<ExportRequest, ExportResults, ExportEvent>;

let client: ExportEngine | undefined;

function exportClient(): ExportEngine {
  client ??= new WorkerClient(() => new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' }), exportResultChecks);
  return client;
}

/** Loads and compiles ffmpeg in the export worker now, so Export starts without waiting for it. */
export function warmExportEngine(signal?: AbortSignal): Promise<boolean> {
  return exportClient().run({ type: 'warm' }, { signal });
}

export type { OutputWriter } from './chunk-writes.ts';

export interface MuxOptions {
  readonly file: File;
  readonly container: VideoContainer;
  readonly tracks: readonly MuxTrack[];
  readonly output: OutputWriter;
  readonly signal?: AbortSignal;
  readonly onStage?: (stage: ExportStage) => void;
  /** Media seconds written, against the input's duration once known. */
  readonly onProgress?: (seconds: number, duration: number | undefined) => void;
}

/**
 * Copies the file's video and audio into a new container with subtitle tracks added, writing
 * the output to `output` as ffmpeg makes it. The worker waits while the writes are behind, so
 * memory stays flat for any size. Resolves once every byte is written; a failed write stops
 * the mux (`export-write-failed`), and aborting `signal` stops it with `cancelled`.
 *
 * @example
 * const sink = await openSaveTarget(env, request);
 * await muxToOutput({ file, container: 'mkv', tracks, output: sink, signal });
 * await sink.close();
 */
export async function muxToOutput(options: MuxOptions, engine: ExportEngine = exportClient()): Promise<MuxEnd> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  const writes = new ChunkWrites(options.output, controller);
  const onEvent = (event: ExportEvent) => {
    switch (event.type) {
      case 'stage':
        return options.onStage?.(event.stage);
      case 'progress':
        return options.onProgress?.(event.seconds, event.duration);
      case 'chunk':
        return writes.add(event.position, event.bytes);
      default:
        assertNever(event);
    }
  };
  const request: Extract<ExportRequest, { type: 'mux' }> = {
    type: 'mux', file: options.file, container: options.container, tracks: options.tracks, chunkBytes: OUTPUT_CHUNK_BYTES, released: writes.released, aheadLimit: OUTPUT_AHEAD_LIMIT,
  };
  try {
    const end = await engine.run(request, { signal: controller.signal, onEvent });
    await writes.finish(end.chunks, 'export-failed');
    return end;
  } catch (error) {
    throw writes.error(error);
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}
