import { toAppError, type AppErrorCode } from '../errors.ts';
import { assertNever, type Endpoint, type FromWorker, type ToWorker } from './protocol.ts';

/** What a request handler gets besides its request. */
export interface HandlerContext<Ev> {
  /** Aborted when the page cancels this request (once the worker reads the cancel message). */
  readonly signal: AbortSignal;
  /** True as soon as the page cancels, even while this worker's event loop is busy. */
  cancelled(): boolean;
  /** Sends an event to the page; buffers in `transfer` move instead of being copied. */
  emit(event: Ev, transfer?: Transferable[]): void;
}

export type Handler<Req, Ev> = (request: Req, context: HandlerContext<Ev>) => Promise<void>;

/**
 * Serves requests on a worker's global scope (or any endpoint, e.g. a MessagePort in tests).
 * Each request gets its own AbortController; the handler's end becomes `done`, `failed` or
 * `cancelled`.
 *
 * @example
 * serve<MediaRequest, MediaEvent>(self, 'extraction-failed', async (request, { signal, emit }) => { … });
 *
 * `failureCode` is what an exception that isn't already an AppError (a runtime's own Error)
 * becomes, so the user reads "recognition failed" rather than "unexpected error".
 */
export function serve<Req, Ev>(endpoint: Endpoint, failureCode: AppErrorCode, handler: Handler<Req, Ev>): void {
  const running = new Map<number, AbortController>();
  const send = (message: FromWorker<Ev>, transfer: Transferable[] = []) => endpoint.postMessage(message, transfer);

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
      await handler(request, context);
      send(context.cancelled() ? { kind: 'cancelled', id } : { kind: 'done', id });
    } catch (caught) {
      send(context.cancelled() ? { kind: 'cancelled', id } : { kind: 'failed', id, error: toAppError(caught, failureCode) });
    } finally {
      running.delete(id);
    }
  }
}
