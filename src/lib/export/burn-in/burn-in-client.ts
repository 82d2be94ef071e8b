import { assertNever } from '../../assert-never.ts';
import { WorkerClient } from '../../workers/client.ts';
import { ChunkWrites, OUTPUT_AHEAD_LIMIT, OUTPUT_CHUNK_BYTES, type OutputWriter } from '../chunk-writes.ts';
import { burnInResultChecks, type BurnEnd, type BurnEstimate, type BurnInEvent, type BurnInRequest, type BurnInResults, type BurnJob } from './burn-in-protocol.ts';

/** Media seconds timed for the estimate: enough frames to get past the encoder's start-up. */
export const ESTIMATE_SAMPLE_SECONDS = 2;

/** The burn-in worker's client (a stand-in in tests). */
export type BurnInEngine = WorkerClient<BurnInRequest, BurnInResults, BurnInEvent>;

let client: BurnInEngine | undefined;

function burnInClient(): BurnInEngine {
  client ??= new WorkerClient(() => new Worker(new URL('./burn-in.worker.ts', import.meta.url), { type: 'module' }), burnInResultChecks);
  return client;
}

/**
 * Plans a burn-in on this device (encoder, container) and times its first seconds, so the
 * dialog can say how long the whole file will take before it starts.
 *
 * @example
 * const { container, seconds } = await estimateBurnIn({ file, cues, style }, signal);
 */
export function estimateBurnIn(job: BurnJob, signal?: AbortSignal, engine: BurnInEngine = burnInClient()): Promise<BurnEstimate> {
  return engine.run({ type: 'estimate', ...job, sampleSeconds: ESTIMATE_SAMPLE_SECONDS }, { signal });
}

/** A burn-in run: the job, where its bytes go, and how it reports. */
export interface BurnOptions extends BurnJob {
  readonly output: OutputWriter;
  readonly signal?: AbortSignal;
  readonly onProgress?: (seconds: number, duration: number) => void;
}

/**
 * Burns the cues into the video, writing the new file to `output` as it is encoded (the worker
 * waits while the disk is behind). A failed write stops it (`export-write-failed`); aborting
 * `signal` stops it with `cancelled`, and the caller discards the partial file.
 *
 * @example
 * const sink = await openSaveTarget(env, request);
 * await burnToOutput({ file, cues, style, output: sink, signal });
 * await sink.close();
 */
export async function burnToOutput(options: BurnOptions, engine: BurnInEngine = burnInClient()): Promise<BurnEnd> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  const writes = new ChunkWrites(options.output, controller);
  const onEvent = (event: BurnInEvent) => {
    switch (event.type) {
      case 'progress':
        return options.onProgress?.(event.seconds, event.duration);
      case 'chunk':
        return writes.add(event.position, event.bytes);
      default:
        assertNever(event);
    }
  };
  const { file, cues, style } = options;
  const request: BurnInRequest = { type: 'burn', file, cues, style, chunkBytes: OUTPUT_CHUNK_BYTES, released: writes.released, aheadLimit: OUTPUT_AHEAD_LIMIT };
  try {
    const end = await engine.run(request, { signal: controller.signal, onEvent });
    await writes.finish(end.chunks, 'burn-in-failed');
    return end;
  } catch (error) {
    throw writes.error(error);
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}
