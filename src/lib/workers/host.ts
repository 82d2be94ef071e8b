import { toAppError, type AppErrorCode } from '../errors.ts';
import { assertNever } from '../assert-never.ts';
import type { Endpoint, FromWorker, RequestOf, ToWorker } from './protocol.ts';
import { installRequestLedger } from '../privacy/install.ts';

/** What a request handler gets besides its request. */
export interface HandlerContext<Ev> {
  /** Aborted when the page cancels this request (once the worker reads the cancel message). */
  readonly signal: AbortSignal;
  /** True as soon as the page cancels, even while this worker's event loop is busy. */
  cancelled(): boolean;
  /** Sends an event to the page; buffers in `transfer` move instead of being copied. */
  emit(event: Ev, transfer?: Transferable[]): void;
}

/** A result whose buffers move to the page instead of being copied. Build it with {@link reply}. */
export class Reply<T> {
  readonly result: T;
  readonly transfer: readonly Transferable[];
  constructor(result: T, transfer: readonly Transferable[]) {
    this.result = result;
    this.transfer = transfer;
  }
}

/**
 * Wraps a result with the buffers to transfer along with it.
 *
 * @example
 * 'detect-speech': async (request) => { const p = await vad(request.pcm); return reply(p, [p.buffer]); }
 */
export function reply<T>(result: T, transfer: readonly Transferable[]): Reply<T> {
  return new Reply(result, transfer);
}

/** One handler per request type; each returns that type's result (or a {@link Reply} of it). */
export type Handlers<Req extends RequestOf<Res>, Res, Ev> = {
  readonly [K in Req['type']]: (request: Req & { readonly type: K }, context: HandlerContext<Ev>) => Promise<Res[K] | Reply<Res[K]>>;
};

/**
 * Serves requests on a worker's global scope (or any endpoint, e.g. a MessagePort in tests).
 * Each request gets its own AbortController; the handler's end becomes `done` (with its
 * result), `failed` or `cancelled`.
 *
 * @example
 * serve<MediaRequest, MediaResults, MediaEvent>(self, 'extraction-failed', {
 *   probe: async (request, { emit }) => probe(request.file),
 *   extract: async (request, context) => extract(request, context),
 * });
 *
 * `failureCode` is what an exception that isn't already an AppError (a runtime's own Error)
 * becomes, so the user reads "recognition failed" rather than "unexpected error".
 */
export function serve<Req extends RequestOf<Res>, Res, Ev>(endpoint: Endpoint, failureCode: AppErrorCode, handlers: Handlers<Req, Res, Ev>): void {
  // A worker's own requests (model files, runtimes) go into the privacy ledger like the page's.
  if (endpoint === globalThis) installRequestLedger('worker');
  const running = new Map<number, AbortController>();
  const send = (message: FromWorker<Ev>, transfer: readonly Transferable[] = []) => endpoint.postMessage(message, [...transfer]);

  endpoint.addEventListener('message', (event: MessageEvent<ToWorker<Req>>) => {
    const message = event.data;
    switch (message.kind) {
      case 'cancel':
        running.get(message.id)?.abort();
        return;
      case 'request':
        void run(message.id, message.request, message.cancelFlag);
        return;
      default:
        assertNever(message);
    }
  });

  async function run(id: number, request: Req, cancelFlag: Int32Array | undefined): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    const context: HandlerContext<Ev> = {
      signal: controller.signal,
      cancelled: () => controller.signal.aborted || (cancelFlag !== undefined && Atomics.load(cancelFlag, 0) === 1),
      emit: (ev, transfer = []) => {
        if (!controller.signal.aborted) send({ kind: 'event', id, event: ev }, transfer);
      },
    };
    try {
      const handler = handlers[request.type];
      const outcome = await handler(request, context);
      if (context.cancelled()) send({ kind: 'cancelled', id });
      else if (outcome instanceof Reply) send({ kind: 'done', id, result: outcome.result }, outcome.transfer);
      else send({ kind: 'done', id, result: outcome });
    } catch (caught) {
      send(context.cancelled() ? { kind: 'cancelled', id } : { kind: 'failed', id, error: toAppError(caught, failureCode) });
    } finally {
      running.delete(id);
    }
  }
}
