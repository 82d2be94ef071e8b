import { assertNever } from '../../assert-never.ts';
import { AppErrorException } from '../../errors.ts';
import { createFlowCounter, releaseChunk } from '../../media/flow-control.ts';
import { WorkerClient } from '../../workers/client.ts';
import type { OutputWriter } from '../export-client.ts';
import { burnInResultChecks, type BurnEnd, type BurnEstimate, type BurnInEvent, type BurnInRequest, type BurnInResults, type BurnJob } from './burn-in-protocol.ts';

/** 4 MiB per chunk, as the soft-subtitle export writes. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Chunks the worker may get ahead of the disk. */
const AHEAD_LIMIT = 4;
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
  const released = createFlowCounter();
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  let writes = Promise.resolve();
  let failure: { readonly cause: unknown } | undefined;
  let received = 0;
  const write = async (position: number, bytes: Uint8Array<ArrayBuffer>) => {
    if (failure || controller.signal.aborted) return;
    try {
      await options.output.write(position, bytes);
      releaseChunk(released);
    } catch (cause) {
      failure = { cause };
      controller.abort();
    }
  };
  const onEvent = (event: BurnInEvent) => {
    switch (event.type) {
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
  const { file, cues, style } = options;
  const request: BurnInRequest = { type: 'burn', file, cues, style, chunkBytes: CHUNK_BYTES, released, aheadLimit: AHEAD_LIMIT };
  try {
    const end = await engine.run(request, { signal: controller.signal, onEvent });
    // The worker may be done while the disk still holds the last writes: a cancel then must
    // not wait for them (the caller discards the file, which ends them).
    await Promise.race([writes, whenAborted(controller.signal)]);
    if (failure) throw writeFailed(failure.cause);
    if (received !== end.chunks) throw new AppErrorException({ code: 'burn-in-failed', detail: `${received} of ${end.chunks} chunks arrived` });
    return end;
  } catch (error) {
    throw failure ? writeFailed(failure.cause) : error;
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}

/** Rejects with `cancelled` once `signal` is aborted. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const stop = () => reject(new AppErrorException({ code: 'cancelled' }));
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}

function writeFailed(cause: unknown): AppErrorException {
  return new AppErrorException({ code: 'export-write-failed', detail: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) });
}
