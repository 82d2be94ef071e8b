import type { AppErrorCode } from '../errors.ts';
import { ChunkWrites, OUTPUT_AHEAD_LIMIT, OUTPUT_CHUNK_BYTES, type OutputWriter } from './chunk-writes.ts';

/** How a worker sends a file it writes: chunk size, the shared counter of written chunks, the look-ahead. */
export interface StreamedOutputSpec {
  readonly chunkBytes: number;
  readonly released: Int32Array;
  readonly aheadLimit: number;
}

/** What a streamed run gives the worker request it starts. */
export interface StreamedRunParts {
  readonly streamed: StreamedOutputSpec;
  /** Aborted by the caller's signal, and by a failed write. */
  readonly signal: AbortSignal;
  /** Queues a chunk the worker sent for writing, in order. */
  readonly write: (position: number, bytes: Uint8Array<ArrayBuffer>) => void;
}

/**
 * The page's half of every streamed export (soft subtitles, both burn-in paths): the worker's
 * chunks written to `output` in order with back-pressure, a failed write stopping the run
 * (`export-write-failed`), `signal` cancelling it, and the result only once every chunk it
 * counted is on disk (`missingCode` if some never came).
 *
 * @example
 * return streamToOutput(options, 'export-failed', ({ streamed, signal, write }) =>
 *   engine.run({ type: 'mux', …, ...streamed }, { signal, onEvent: (e) => e.type === 'chunk' && write(e.position, e.bytes) }));
 */
export async function streamToOutput<End extends { readonly chunks: number }>(
  options: { readonly output: OutputWriter; readonly signal?: AbortSignal },
  missingCode: AppErrorCode,
  run: (parts: StreamedRunParts) => Promise<End>,
): Promise<End> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  const writes = new ChunkWrites(options.output, controller);
  const streamed = { chunkBytes: OUTPUT_CHUNK_BYTES, released: writes.released, aheadLimit: OUTPUT_AHEAD_LIMIT };
  try {
    const end = await run({ streamed, signal: controller.signal, write: (position, bytes) => writes.add(position, bytes) });
    await writes.finish(end.chunks, missingCode);
    return end;
  } catch (error) {
    throw writes.error(error);
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}
