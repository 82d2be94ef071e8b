import { assertNever } from '../../assert-never.ts';
import { toAppError } from '../../errors.ts';
import { WorkerClient } from '../../workers/client.ts';
import { estimateFfmpegBurnIn, ffmpegBurnToOutput, type StreamedOptions } from '../export-client.ts';
import { streamToOutput } from '../streamed-run.ts';
import { burnInResultChecks, type BurnEnd, type BurnEstimate, type BurnInEvent, type BurnInRequest, type BurnInResults, type BurnJob, type BurnPath } from './burn-in-protocol.ts';
import { webCodecsMayBurn } from './webcodecs-check.ts';

/** Media seconds timed for the WebCodecs estimate: enough frames to get past the encoder's start-up. */
export const ESTIMATE_SAMPLE_SECONDS = 2;
/** Media seconds timed for the ffmpeg estimate: a few stats lines past the start-up, kept short as software encoding runs well under real time. */
export const FFMPEG_ESTIMATE_SAMPLE_SECONDS = 2;

/** The burn-in worker's client (a stand-in in tests). */
export type BurnInEngine = WorkerClient<BurnInRequest, BurnInResults, BurnInEvent>;

let client: BurnInEngine | undefined;

function burnInClient(): BurnInEngine {
  client ??= new WorkerClient(() => new Worker(new URL('./burn-in.worker.ts', import.meta.url), { type: 'module' }), burnInResultChecks);
  return client;
}

/**
 * Plans a burn-in on this device and times its first seconds, so the dialog can say how long
 * the whole file will take before it starts. WebCodecs where this browser has an encoder for
 * the video (H.264, else VP9/AV1/VP8); else the ffmpeg.wasm fallback (libass and x264 in
 * software, many times slower), whose estimate says `path: 'ffmpeg'`.
 *
 * @example
 * const { path, container, seconds } = await estimateBurnIn({ file, cues, style }, signal);
 */
export async function estimateBurnIn(
  job: BurnJob, signal?: AbortSignal, engine: BurnInEngine = burnInClient(), fallback: typeof estimateFfmpegBurnIn = estimateFfmpegBurnIn,
): Promise<BurnEstimate> {
  if (await webCodecsMayBurn()) {
    try {
      return await engine.run({ type: 'estimate', ...job, sampleSeconds: ESTIMATE_SAMPLE_SECONDS }, { signal });
    } catch (caught) {
      // The worker found no encoder for this video's size: the fallback can still do it.
      if (toAppError(caught, 'burn-in-failed').code !== 'burn-in-unsupported') throw caught;
    }
  }
  return fallback(job, FFMPEG_ESTIMATE_SAMPLE_SECONDS, signal);
}

/** A burn-in run: the job, the path its estimate chose, where its bytes go and how it reports. */
export interface BurnOptions extends BurnJob, StreamedOptions {
  readonly path: BurnPath;
}

/**
 * Burns the cues into the video on the path the estimate chose, writing the new file to
 * `output` as it is encoded (the worker waits while the disk is behind). A failed write stops
 * it (`export-write-failed`); aborting `signal` stops it with `cancelled`, and the caller
 * discards the partial file.
 *
 * @example
 * const sink = await openSaveTarget(env, request);
 * await burnToOutput({ file, cues, style, path: estimate.path, output: sink, signal });
 * await sink.close();
 */
export function burnToOutput(options: BurnOptions, engine: BurnInEngine = burnInClient()): Promise<BurnEnd> {
  if (options.path === 'ffmpeg') return ffmpegBurnToOutput(options);
  const { file, cues, style } = options;
  return streamToOutput(options, 'burn-in-failed', ({ streamed, signal, write }) => {
    const onEvent = (event: BurnInEvent) => {
      switch (event.type) {
        case 'progress':
          return options.onProgress?.(event.seconds, event.duration);
        case 'chunk':
          return write(event.position, event.bytes);
        default:
          assertNever(event);
      }
    };
    return engine.run({ type: 'burn', file, cues, style, ...streamed }, { signal, onEvent });
  });
}
