import type { AppError } from '../errors.ts';

/**
 * The one message protocol between the page and every worker.
 *
 * A worker serves requests of one discriminated union (`{ type: 'extract', … }`) and answers
 * each with any number of events of another union, then exactly one end message. Results are
 * events too (e.g. `{ type: 'audio', pcm }`), so there is no untyped "result" slot to cast.
 */
export type ToWorker<Req> =
  | {
      readonly kind: 'request';
      readonly id: number;
      readonly request: Req;
      /**
       * Set to 1 by the page on cancel. A worker busy in a long await chain (a decoder loop)
       * never gets a turn to read the cancel message; it can read shared memory at any time.
       * Present only where SharedArrayBuffer exists (cross-origin isolated pages).
       */
      readonly cancelFlag?: Int32Array;
    }
  | { readonly kind: 'cancel'; readonly id: number };

export type FromWorker<Ev> =
  | { readonly kind: 'event'; readonly id: number; readonly event: Ev }
  | { readonly kind: 'done'; readonly id: number }
  | { readonly kind: 'failed'; readonly id: number; readonly error: AppError }
  | { readonly kind: 'cancelled'; readonly id: number };

/** The part of Worker / MessagePort / DedicatedWorkerGlobalScope both ends need. */
export interface Endpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Exhaustiveness check for `switch` over a discriminated union. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
