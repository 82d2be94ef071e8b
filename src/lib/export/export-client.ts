import { assertNever } from '../assert-never.ts';
import { AppErrorException } from '../errors.ts';
import { createFlowCounter, releaseChunk } from '../media/flow-control.ts';
import { WorkerClient } from '../workers/client.ts';
import type { VideoContainer } from './export-plan.ts';
import { exportResultChecks, type ExportEvent, type ExportRequest, type ExportResults, type ExportStage, type MuxEnd, type MuxTrack } from './export-protocol.ts';

/** 4 MiB per chunk: few messages for a long film, and little held while the disk catches up. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Chunks the worker may get ahead of the disk: at most 16 MiB in flight, whatever the file size. */
const AHEAD_LIMIT = 4;

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

/** Where the output goes, one write at a time, in order (a SaveSink). */
export interface OutputWriter {
  write(position: number, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
}

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
  const released = createFlowCounter();
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  let writes = Promise.resolve();
  let failure: { readonly cause: unknown } | undefined;
  let received = 0;
  const write = async (position: number, bytes: Uint8Array<ArrayBuffer>) => {
    // Nothing more is written once the mux is stopped: the sink is about to be discarded.
    if (failure || controller.signal.aborted) return;
    try {
      await options.output.write(position, bytes);
      releaseChunk(released);
    } catch (cause) {
      failure = { cause };
      controller.abort();
    }
  };
  const onEvent = (event: ExportEvent) => {
    switch (event.type) {
      case 'stage':
        return options.onStage?.(event.stage);
      case 'progress':
        return options.onProgress?.(event.seconds, event.duration);
      case 'chunk':
        received++;
        writes = writes.then(() => write(event.position, event.bytes));
        return;
      default:
        assertNever(event);
    }
  };
  const request: Extract<ExportRequest, { type: 'mux' }> = {
    type: 'mux', file: options.file, container: options.container, tracks: options.tracks, chunkBytes: CHUNK_BYTES, released, aheadLimit: AHEAD_LIMIT,
  };
  try {
    const end = await engine.run(request, { signal: controller.signal, onEvent });
    await writes;
    if (failure) throw writeFailed(failure.cause);
    // Every chunk comes before the end; a missing one would leave a hole in the file.
    if (received !== end.chunks) throw new AppErrorException({ code: 'export-failed', detail: `${received} of ${end.chunks} chunks arrived` });
    return end;
  } catch (error) {
    // Not waiting for a write still in progress: a cancel must not wait on a slow disk, and the
    // caller discards the file (which ends that write) anyway.
    throw failure ? writeFailed(failure.cause) : error;
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}

function writeFailed(cause: unknown): AppErrorException {
  return new AppErrorException({ code: 'export-write-failed', detail: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) });
}
