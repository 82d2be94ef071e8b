import { groupByDestination, type DestinationGroup, type KnownDestinations, type RequestRecord } from '../privacy/ledger.ts';
import { isLedgerMessage, LEDGER_CHANNEL, type LedgerMessage } from '../privacy/ledger-channel.ts';
import { HUGGING_FACE_HOST } from '../transcription/models.ts';
import { HF_MIRROR_HOST } from '../transcription/languages.ts';
import { loadStrictOffline, saveStrictOffline } from '../privacy/strict-flag.ts';

/** The ledger channel as this class uses it (a BroadcastChannel in the app, a fake in tests). */
export interface LedgerChannel {
  postMessage(message: LedgerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

/** Where the ledger keeps the strict switch. */
export interface StrictStore {
  load(): Promise<boolean>;
  save(on: boolean): Promise<void>;
}

/** A session's ledger keeps at most this many requests (the oldest go; their totals stay). */
export const LEDGER_LIMIT = 2000;

/**
 * The privacy ledger of this session: every request the page, its workers and the service worker
 * made (they report over the ledger channel), totals per destination, and the strict-offline
 * switch that makes all of them refuse any origin but the app's own.
 */
export class PrivacyLedger {
  records = $state.raw<readonly RequestRecord[]>([]);
  strict = $state(false);
  /** Requests dropped from `records` to stay under {@link LEDGER_LIMIT}. */
  dropped = $state(0);
  readonly #channel: LedgerChannel;
  readonly #store: StrictStore;

  constructor(channel: LedgerChannel, store: StrictStore) {
    this.#channel = channel;
    this.#store = store;
    channel.addEventListener('message', (event) => {
      if (isLedgerMessage(event.data)) this.receive(event.data);
    });
  }

  /** Reads the stored switch (once, at start). */
  async load(): Promise<void> {
    this.strict = await this.#store.load();
  }

  /** Turns strict offline on or off for the page, every worker and the service worker. */
  async setStrict(on: boolean): Promise<void> {
    this.strict = on;
    this.#channel.postMessage({ type: 'strict', on });
    await this.#store.save(on);
  }

  /** Takes one message from the channel: a request (new, or an update of one by id) or the switch. */
  receive(message: LedgerMessage): void {
    if (message.type === 'strict') {
      this.strict = message.on;
      return;
    }
    const index = this.records.findIndex((record) => record.id === message.record.id);
    if (index >= 0) {
      this.records = this.records.with(index, message.record);
      return;
    }
    const next = [...this.records, message.record];
    const over = Math.max(0, next.length - LEDGER_LIMIT);
    this.dropped += over;
    this.records = over > 0 ? next.slice(over) : next;
  }

  /** Totals per destination, classified against what the user set. */
  groups(known: KnownDestinations): DestinationGroup[] {
    return groupByDestination(this.records, known);
  }

  /** Requests strict offline stopped, newest first. */
  get blocked(): readonly RequestRecord[] {
    return this.records.filter((record) => record.blocked).toReversed();
  }

  /** Bytes that left this device in request bodies, to any origin but the app's own. */
  sentAway(appOrigin: string): number {
    return this.groups({ appOrigin, modelHosts: [], aiEndpoints: [] })
      .filter((group) => group.destination !== 'app')
      .reduce((sum, group) => sum + group.sent, 0);
  }
}

/** The app's ledger, on the real channel and storage. */
export function createPrivacyLedger(): PrivacyLedger {
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(LEDGER_CHANNEL);
  const fallback: LedgerChannel = { postMessage: () => undefined, addEventListener: () => undefined };
  return new PrivacyLedger(channel ?? fallback, { load: loadStrictOffline, save: saveStrictOffline });
}

/**
 * The destinations the user chose: the model source (and the two hosts Zimu offers by name, which
 * earlier runs this session may have used) and the AI endpoint when an API does the AI work.
 */
export function knownDestinations(appOrigin: string, modelHost: string, aiBaseURL: string | undefined): KnownDestinations {
  return { appOrigin, modelHosts: [modelHost, HUGGING_FACE_HOST, HF_MIRROR_HOST], aiEndpoints: aiBaseURL ? [aiBaseURL] : [] };
}
