import type { RequestRecord, RequestSource } from './ledger.ts';

/**
 * The page, every worker and the service worker share the ledger over one BroadcastChannel
 * (same origin, no wiring through each worker's protocol): requests go to the page's ledger,
 * the strict-offline switch goes to everyone who makes requests.
 */
export const LEDGER_CHANNEL = 'zimu-privacy-ledger';

/** What travels on the ledger channel. */
export type LedgerMessage =
  | { readonly type: 'request'; readonly record: RequestRecord }
  | { readonly type: 'strict'; readonly on: boolean };

const SOURCES: readonly RequestSource[] = ['page', 'worker', 'service-worker'];

function isRecord(value: unknown): value is RequestRecord {
  if (typeof value !== 'object' || value === null) return false;
  const strings = ['id', 'url', 'method'].every((key) => typeof Reflect.get(value, key) === 'string');
  const numbers = ['sent', 'received', 'time'].every((key) => typeof Reflect.get(value, key) === 'number');
  const flags = ['blocked', 'fromCache', 'pending'].every((key) => typeof Reflect.get(value, key) === 'boolean');
  return strings && numbers && flags && SOURCES.some((source) => source === Reflect.get(value, 'source'));
}

/** Checks a message from the channel (anything same-origin can post there). Pure. */
export function isLedgerMessage(value: unknown): value is LedgerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type: unknown = Reflect.get(value, 'type');
  if (type === 'request') return isRecord(Reflect.get(value, 'record'));
  if (type === 'strict') return typeof Reflect.get(value, 'on') === 'boolean';
  return false;
}
