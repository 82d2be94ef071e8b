import { AppErrorException } from '../errors.ts';
import { allowedWhenStrict, bodySize, displayUrl, type RequestRecord, type RequestSource } from './ledger.ts';

/** What a ledger fetch needs besides the fetch it wraps. */
export interface LedgerFetchOptions {
  readonly source: RequestSource;
  /** The app's own origin: the one destination strict offline lets through. */
  readonly appOrigin: string;
  /** Whether strict offline is on, asked per request (the switch can change at any time). */
  readonly strict: () => boolean | Promise<boolean>;
  /** Gets each request when it starts and again when its answer is read to the end (same id). */
  readonly report: (record: RequestRecord) => void;
  readonly now?: () => number;
}

/** How often a long download's running total is reported. */
const PROGRESS_EVERY_MS = 500;

let sequence = 0;

/**
 * Wraps `fetch` so every request is recorded for the privacy ledger (destination, body bytes
 * sent, body bytes received) and, with strict offline on, any request to another origin is refused
 * before it leaves the browser, as the typed error `strict-offline-blocked`. The response is the
 * one `base` gave, untouched; its bytes are counted on a clone.
 *
 * @example
 * globalThis.fetch = createLedgerFetch(globalThis.fetch.bind(globalThis), { source: 'page', appOrigin: location.origin, strict: () => false, report: console.log });
 */
export function createLedgerFetch(base: typeof fetch, options: LedgerFetchOptions): typeof fetch {
  const now = options.now ?? Date.now;
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = request ? request.url : String(input);
    const record: RequestRecord = {
      id: `${options.source}-${++sequence}-${now().toString(36)}`,
      url: displayUrl(url),
      method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
      source: options.source,
      sent: bodySize(init?.body),
      received: 0,
      blocked: false,
      fromCache: false,
      pending: true,
      time: now(),
    };
    if (!allowedWhenStrict(url, options.appOrigin) && (await options.strict())) {
      options.report({ ...record, blocked: true, pending: false });
      throw new AppErrorException({ code: 'strict-offline-blocked', detail: record.url });
    }
    options.report(record);
    let response: Response;
    try {
      response = await base(input, init);
    } catch (error) {
      options.report({ ...record, pending: false });
      throw error;
    }
    void countBody(response.clone(), (received, pending) => options.report({ ...record, received, pending }), now);
    return response;
  };
}

/** Reads a response body to the end, reporting the bytes so far now and then and once at the end. */
async function countBody(response: Response, report: (received: number, pending: boolean) => void, now: () => number): Promise<void> {
  let received = 0;
  let reported = now();
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      received += chunk.value.byteLength;
      if (now() - reported >= PROGRESS_EVERY_MS) {
        reported = now();
        report(received, true);
      }
    }
  } catch {
    // The page cancelled the request or the connection dropped: what arrived is still counted.
  }
  report(received, false);
}
