import { AppErrorException, type AppError } from '../errors.ts';
import { assertNever } from '../assert-never.ts';
import type { Endpoint, FromWorker, RequestOf, ResultChecks, ToWorker } from './protocol.ts';

/** A worker, or anything shaped like one (a MessagePort in tests). */
export interface WorkerLike extends Endpoint {
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

export interface RunOptions<Ev> {
  /** Aborting asks the worker to stop; a worker that doesn't answer in time is terminated. */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: Ev) => void;
  /** Buffers to move into the worker (e.g. `[pcm.buffer]`). */
  readonly transfer?: Transferable[];
}

interface Pending<Ev> {
  readonly onEvent?: (event: Ev) => void;
  /** Checks the result's shape, then settles the request with it. */
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: AppErrorException) => void;
}

/**
 * Typed client for one worker: request ids, typed results, events, cancellation, crash handling.
 * The worker is created lazily and again after it was terminated or crashed, so a cancelled
 * or broken run never leaves the page without an engine.
 *
 * @example
 * const media = new WorkerClient<MediaRequest, MediaResults, MediaEvent>(() => new Worker(url, { type: 'module' }), mediaResultChecks);
 * const info = await media.run({ type: 'probe', file }, { signal, onEvent: (e) => … }); // MediaInfo
 */
export class WorkerClient<Req extends RequestOf<Res>, Res, Ev> {
  readonly #create: () => WorkerLike;
  readonly #checks: ResultChecks<Res>;
  readonly #cancelGraceMs: number;
  readonly #pending = new Map<number, Pending<Ev>>();
  #worker: WorkerLike | undefined;
  #nextId = 1;
  /** Cancelled requests whose worker has not answered yet: new work waits for them. */
  readonly #draining = new Set<Promise<void>>();

  constructor(create: () => WorkerLike, checks: ResultChecks<Res>, { cancelGraceMs = 1000 } = {}) {
    this.#create = create;
    this.#checks = checks;
    this.#cancelGraceMs = cancelGraceMs;
  }

  /**
   * Sends a request; resolves with its result when the worker reports `done`, rejects with an
   * AppErrorException (also when the result is missing or malformed). The result type follows
   * from the request's `type`. A request made while a cancelled one is still winding down waits
   * for it first, so it never lands on a worker that is about to be terminated.
   */
  async run<T extends Req['type']>(request: Req & { readonly type: T }, options: RunOptions<Ev> = {}): Promise<Res[T]> {
    while (this.#draining.size > 0) await Promise.allSettled([...this.#draining]);
    const type: T = request.type;
    return this.#send(request, this.#checks[type], options);
  }

  #send<Result>(request: Req, check: (value: unknown) => value is Result, { signal, onEvent, transfer = [] }: RunOptions<Ev>): Promise<Result> {
    if (signal?.aborted) return Promise.reject(new AppErrorException({ code: 'cancelled' }));
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    const cancelFlag = typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    let drained: () => void = () => undefined;
    const draining = new Promise<void>((resolve) => (drained = resolve));
    return new Promise<Result>((resolve, reject) => {
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => (graceTimer = this.#cancel(worker, id, cancelFlag, draining));
      const settle = () => {
        clearTimeout(graceTimer);
        signal?.removeEventListener('abort', onAbort);
        this.#pending.delete(id);
        this.#draining.delete(draining);
        drained();
      };
      this.#pending.set(id, {
        // Nothing from a cancelled request reaches the caller, even events already in flight.
        onEvent: (event) => {
          if (!signal?.aborted) onEvent?.(event);
        },
        resolve: (result) => {
          settle();
          if (signal?.aborted) reject(new AppErrorException({ code: 'cancelled' }));
          else if (check(result)) resolve(result);
          else reject(malformed(request.type, result));
        },
        reject: (error) => (settle(), reject(error)),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        worker.postMessage({ kind: 'request', id, request, cancelFlag } satisfies ToWorker<Req>, transfer);
      } catch (error) {
        // A request that can't be cloned (e.g. an already transferred buffer) never reached the worker.
        this.#pending.get(id)?.reject(new AppErrorException({ code: 'unknown', detail: error instanceof Error ? error.message : String(error) }));
      }
    });
  }

  /** Asks the worker to stop request `id`; returns the timer that terminates it if it won't. */
  #cancel(worker: WorkerLike, id: number, cancelFlag: Int32Array | undefined, draining: Promise<void>): ReturnType<typeof setTimeout> {
    this.#draining.add(draining);
    if (cancelFlag) Atomics.store(cancelFlag, 0, 1);
    worker.postMessage({ kind: 'cancel', id } satisfies ToWorker<Req>, []);
    // A worker stuck in synchronous WASM can't read the cancel message: stop it.
    return setTimeout(() => this.terminate({ code: 'cancelled' }), this.#cancelGraceMs);
  }

  /** Stops the worker now; everything pending rejects with `reason`. The next run starts a new one. */
  terminate(reason: AppError = { code: 'cancelled' }): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#rejectAll(reason);
  }

  #ensureWorker(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#create();
    worker.addEventListener('message', (event: MessageEvent<FromWorker<Ev>>) => this.#receive(event.data));
    worker.addEventListener('error', (event: Event) => {
      if (this.#worker !== worker) return; // a worker already replaced can't take the new one down
      // ErrorEvent is not a global everywhere (Node, in tests), so read the field structurally.
      const detail = 'message' in event && typeof event.message === 'string' ? event.message : undefined;
      this.terminate(detail ? { code: 'worker-crashed', detail } : { code: 'worker-crashed' });
    });
    this.#worker = worker;
    return worker;
  }

  #receive(message: FromWorker<Ev>): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    switch (message.kind) {
      case 'event':
        pending.onEvent?.(message.event);
        return;
      case 'done':
        pending.resolve(message.result);
        return;
      case 'failed':
        pending.reject(new AppErrorException(message.error));
        return;
      case 'cancelled':
        pending.reject(new AppErrorException({ code: 'cancelled' }));
        return;
      default:
        assertNever(message);
    }
  }

  #rejectAll(reason: AppError): void {
    for (const pending of [...this.#pending.values()]) pending.reject(new AppErrorException(reason));
  }
}

/** A result that failed its check: an error naming the request and what came instead. */
function malformed(type: PropertyKey, result: unknown): AppErrorException {
  const got = result === undefined ? 'none' : result === null || typeof result !== 'object' ? String(result) : (result.constructor?.name ?? 'object');
  return new AppErrorException({ code: 'unknown', detail: `malformed result for '${String(type)}': ${got}` });
}
