import { createStore, get, set, type UseStore } from 'idb-keyval';
import { isLedgerMessage, LEDGER_CHANNEL } from './ledger-channel.ts';

const KEY = 'strict-offline';
let store: UseStore | undefined;
const privacyStore = (): UseStore => (store ??= createStore('zimu-privacy', 'flags'));

/** Whether strict offline is on, as stored on this device (off when storage can't be read). */
export async function loadStrictOffline(): Promise<boolean> {
  try {
    return (await get<boolean>(KEY, privacyStore())) === true;
  } catch {
    return false;
  }
}

/** Stores the strict-offline switch for the page, its workers and the service worker. */
export async function saveStrictOffline(on: boolean): Promise<void> {
  await set(KEY, on, privacyStore());
}

/**
 * The switch as seen from a place that makes requests (a worker, the service worker): read once
 * from storage, then kept current by the ledger channel, so a change applies to the next request.
 *
 * @example
 * const strict = watchStrictOffline();
 * if (await strict()) refuse();
 */
export function watchStrictOffline(): () => boolean | Promise<boolean> {
  let known: boolean | undefined;
  const loading = loadStrictOffline().then((stored) => (known ??= stored));
  if (typeof BroadcastChannel !== 'undefined') {
    new BroadcastChannel(LEDGER_CHANNEL).addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isLedgerMessage(event.data) && event.data.type === 'strict') known = event.data.on;
    });
  }
  return () => known ?? loading;
}
