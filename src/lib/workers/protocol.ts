import type { AppError } from '../errors.ts';

/**
 * The one message protocol between the page and every worker.
 *
 * A worker serves requests of one discriminated union (`{ type: 'extract', … }`). Each request
 * `type` has a result type in the domain's result map (`{ extract: ExtractEnd; … }`): the
 * worker's handler returns it and the end message `done` carries it. Before the end, a request
 * may send any number of events of another union: progress and streaming (stages, downloads,
 * audio chunks), never the result.
 *
 * @example
 * type MediaRequest = { readonly type: 'probe'; readonly file: File } | { readonly type: 'extract'; … };
 * interface MediaResults { probe: MediaInfo; extract: ExtractEnd }
 * const info = await client.run({ type: 'probe', file }); // info: MediaInfo
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
  /** `result` is the request's result; the page checks its shape before handing it on. */
  | { readonly kind: 'done'; readonly id: number; readonly result: unknown }
  | { readonly kind: 'failed'; readonly id: number; readonly error: AppError }
  | { readonly kind: 'cancelled'; readonly id: number };

/** A request whose `type` names its entry in the result map `Res`. */
export interface RequestOf<Res> {
  readonly type: keyof Res;
}

/** The result of request `R` (or of any member of a request union): `Res[R['type']]`. */
export type ResultOf<Res, R extends RequestOf<Res>> = Res[R['type']];

/**
 * A runtime check of each request type's result. A result crossed a thread by structured
 * clone, so its type is a claim: the page checks it instead of trusting it, and a missing or
 * malformed result is an error rather than a silent default.
 */
export type ResultChecks<Res> = { readonly [K in keyof Res]: (value: unknown) => value is Res[K] };

/** The part of Worker / MessagePort / DedicatedWorkerGlobalScope both ends need. */
export interface Endpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
