import { AppErrorException, type AppErrorCode } from '../errors.ts';
import { createFlowCounter, releaseChunk } from '../media/flow-control.ts';

/** 4 MiB per chunk: few messages for a long film, and little held while the disk catches up. */
export const OUTPUT_CHUNK_BYTES = 4 * 1024 * 1024;
/** Chunks a worker may get ahead of the disk: at most 16 MiB in flight, whatever the file size. */
export const OUTPUT_AHEAD_LIMIT = 4;

/** Where the output goes, one write at a time, in order (a SaveSink). */
export interface OutputWriter {
  write(position: number, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
}

/**
 * The page's side of an output a worker streams in chunks (the soft-subtitle mux, burn-in):
 * each chunk written to `output` in order, one at a time, and released on the shared counter
 * the worker waits on. A failed write aborts `controller` (the run stops) and is what the run
 * reports; once the run is stopped, nothing more is written.
 *
 * @example
 * const writes = new ChunkWrites(sink, controller);
 * const end = await engine.run({ …, released: writes.released }, { signal: controller.signal, onEvent: (e) => writes.add(e.position, e.bytes) });
 * await writes.finish(end.chunks, 'export-failed');
 */
export class ChunkWrites {
  /** The counter of chunks written, for the worker's back-pressure. */
  readonly released = createFlowCounter();
  readonly #output: OutputWriter;
  readonly #controller: AbortController;
  #writes = Promise.resolve();
  #failure: { readonly cause: unknown } | undefined;
  #received = 0;

  constructor(output: OutputWriter, controller: AbortController) {
    this.#output = output;
    this.#controller = controller;
  }

  /** Queues one chunk the worker sent. */
  add(position: number, bytes: Uint8Array<ArrayBuffer>): void {
    this.#received++;
    this.#writes = this.#writes.then(() => this.#write(position, bytes));
  }

  /**
   * Waits for the queued writes once the worker is done, having sent `chunks`: a missing one
   * would leave a hole in the file (`missingCode`). A cancel ends the wait at once: the worker
   * may be done while the disk still holds the last writes, and the caller discards the file.
   */
  async finish(chunks: number, missingCode: AppErrorCode): Promise<void> {
    await Promise.race([this.#writes, whenAborted(this.#controller.signal)]);
    if (this.#failure) throw writeFailed(this.#failure.cause);
    if (this.#received !== chunks) throw new AppErrorException({ code: missingCode, detail: `${this.#received} of ${chunks} chunks arrived` });
  }

  /** What a stopped run reports: the failed write that stopped it, else `caught`. */
  error(caught: unknown): unknown {
    return this.#failure ? writeFailed(this.#failure.cause) : caught;
  }

  async #write(position: number, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    // Nothing more is written once the run is stopped: the sink is about to be discarded.
    if (this.#failure || this.#controller.signal.aborted) return;
    try {
      await this.#output.write(position, bytes);
      releaseChunk(this.released);
    } catch (cause) {
      this.#failure = { cause };
      this.#controller.abort();
    }
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
