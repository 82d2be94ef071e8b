import { displayUrl, type RequestRecord, type RequestSource } from './ledger.ts';
import { createLedgerFetch } from './ledger-fetch.ts';
import { LEDGER_CHANNEL, type LedgerMessage } from './ledger-channel.ts';
import { watchStrictOffline } from './strict-flag.ts';

/** Resource Timing initiators that are fetches, already recorded (with bytes sent) by the ledger fetch. */
const FETCH_INITIATORS = new Set(['fetch', 'xmlhttprequest', 'beacon']);

let installed = false;

/**
 * Records every request this realm (the page or one worker) makes, for the privacy ledger:
 * `fetch` is wrapped (bytes both ways, strict offline enforced), and whatever is loaded without
 * `fetch` (scripts, module imports, images, WASM the browser fetches itself) comes from Resource
 * Timing. Records go to the page over the ledger channel. Idempotent.
 */
export function installRequestLedger(source: RequestSource): void {
  if (installed || typeof BroadcastChannel === 'undefined' || typeof fetch !== 'function') return;
  installed = true;
  const channel = new BroadcastChannel(LEDGER_CHANNEL);
  const report = (record: RequestRecord) => {
    const message: LedgerMessage = { type: 'request', record };
    channel.postMessage(message);
  };
  globalThis.fetch = createLedgerFetch(globalThis.fetch.bind(globalThis), {
    source,
    appOrigin: globalThis.location.origin,
    strict: watchStrictOffline(),
    report,
  });
  observeResources(source, report);
}

function observeResources(source: RequestSource, report: (record: RequestRecord) => void): void {
  if (typeof PerformanceObserver === 'undefined') return;
  const seen = (entry: PerformanceEntry) => {
    if (!(entry instanceof PerformanceResourceTiming) || FETCH_INITIATORS.has(entry.initiatorType)) return;
    report({
      id: `${source}-timing-${entry.name}-${entry.startTime}`,
      url: displayUrl(entry.name),
      method: 'GET',
      source,
      sent: 0,
      // 0 for answers from a cache, and for other origins that don't allow timing (Timing-Allow-Origin).
      received: entry.transferSize > 0 ? entry.encodedBodySize : 0,
      blocked: false,
      fromCache: entry.transferSize === 0 && entry.decodedBodySize > 0,
      pending: false,
      time: Math.round(performance.timeOrigin + entry.startTime),
    });
  };
  new PerformanceObserver((list) => list.getEntries().forEach(seen)).observe({ type: 'resource', buffered: true });
}
