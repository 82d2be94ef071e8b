import { assertNever } from '../assert-never.ts';
import type { OutputWriter } from './chunk-writes.ts';
import { WorkerClient } from '../workers/client.ts';
import type { BurnEnd, BurnEstimate, BurnJob } from './burn-in/burn-in-protocol.ts';
import type { VideoContainer } from './export-plan.ts';
import { exportResultChecks, type ExportEvent, type ExportRequest, type ExportResults, type ExportStage, type MuxEnd, type MuxTrack } from './export-protocol.ts';
import { streamToOutput } from './streamed-run.ts';

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

/** Where a streamed export's bytes go and how it reports. */
export interface StreamedOptions {
  readonly output: OutputWriter;
  readonly signal?: AbortSignal;
  readonly onStage?: (stage: ExportStage) => void;
  /** Media seconds written, against the input's duration once known. */
  readonly onProgress?: (seconds: number, duration: number | undefined) => void;
}

export interface MuxOptions extends StreamedOptions {
  readonly file: File;
  readonly container: VideoContainer;
  readonly tracks: readonly MuxTrack[];
}

/** The export worker's events for a streamed run: stages and progress to the caller, chunks to the writer. */
function onEvents(options: StreamedOptions, write: (position: number, bytes: Uint8Array<ArrayBuffer>) => void) {
  return (event: ExportEvent) => {
    switch (event.type) {
      case 'stage':
        return options.onStage?.(event.stage);
      case 'progress':
        return options.onProgress?.(event.seconds, event.duration);
      case 'chunk':
        return write(event.position, event.bytes);
      default:
        assertNever(event);
    }
  };
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
export function muxToOutput(options: MuxOptions, engine: ExportEngine = exportClient()): Promise<MuxEnd> {
  const { file, container, tracks } = options;
  return streamToOutput(options, 'export-failed', ({ streamed, signal, write }) =>
    engine.run({ type: 'mux', file, container, tracks, ...streamed }, { signal, onEvent: onEvents(options, write) }));
}

/**
 * Times the first `sampleSeconds` of a burn-in on ffmpeg.wasm (libass, x264 in software): the
 * fallback where WebCodecs has no encoder, and the device's pace for its estimate.
 *
 * @example
 * const estimate = await estimateFfmpegBurnIn({ file, cues, style }, 1, signal); // estimate.path === 'ffmpeg'
 */
export function estimateFfmpegBurnIn(job: BurnJob, sampleSeconds: number, signal?: AbortSignal, engine: ExportEngine = exportClient()): Promise<BurnEstimate> {
  return engine.run({ type: 'burn-estimate', ...job, sampleSeconds }, { signal });
}

/**
 * Burns the cues in on ffmpeg.wasm (libass draws them, x264 `veryfast` encodes, the audio is
 * copied) and writes the MP4 to `output` as it is made, like {@link muxToOutput}.
 *
 * @example
 * await ffmpegBurnToOutput({ file, cues, style, output: sink, signal, onProgress });
 */
export function ffmpegBurnToOutput(options: BurnJob & StreamedOptions, engine: ExportEngine = exportClient()): Promise<BurnEnd> {
  const { file, cues, style } = options;
  return streamToOutput(options, 'burn-in-failed', ({ streamed, signal, write }) =>
    engine.run({ type: 'burn', file, cues, style, ...streamed }, { signal, onEvent: onEvents(options, write) }));
}
