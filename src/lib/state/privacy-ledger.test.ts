import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../privacy/ledger.ts';
import type { LedgerMessage } from '../privacy/ledger-channel.ts';
import { knownDestinations, LEDGER_LIMIT, PrivacyLedger, type LedgerChannel } from './privacy-ledger.svelte.ts';

function fakeChannel() {
  const posted: LedgerMessage[] = [];
  let listener: ((event: MessageEvent<unknown>) => void) | undefined;
  const channel: LedgerChannel = {
    postMessage: (message) => posted.push(message),
    addEventListener: (_type, l) => (listener = l),
  };
  return { channel, posted, deliver: (data: unknown) => listener?.(new MessageEvent('message', { data })) };
}

function record(id: string, url: string, overrides: Partial<RequestRecord> = {}): RequestRecord {
  return { id, url, method: 'GET', source: 'worker', sent: 0, received: 0, blocked: false, fromCache: false, pending: true, time: 0, ...overrides };
}

describe('PrivacyLedger', () => {
  it('keeps one entry per request, updated as its body arrives', () => {
    const { channel, deliver } = fakeChannel();
    const ledger = new PrivacyLedger(channel, { load: async () => false, save: async () => undefined });
    deliver({ type: 'request', record: record('a', 'https://huggingface.co/x') });
    deliver({ type: 'request', record: record('a', 'https://huggingface.co/x', { received: 900, pending: false }) });
    deliver({ type: 'request', record: { id: 'forged' } });
    deliver('nonsense');
    expect(ledger.records).toHaveLength(1);
    const known = knownDestinations('https://zimu.app', 'https://huggingface.co', undefined);
    expect(ledger.groups(known)).toMatchObject([{ destination: 'model-host', requests: 1, received: 900 }]);
  });

  it('stores the strict switch and tells every worker', async () => {
    const { channel, posted, deliver } = fakeChannel();
    const saved: boolean[] = [];
    const ledger = new PrivacyLedger(channel, { load: async () => true, save: async (on) => void saved.push(on) });
    await ledger.load();
    expect(ledger.strict).toBe(true);
    await ledger.setStrict(false);
    expect(posted).toEqual([{ type: 'strict', on: false }]);
    expect(saved).toEqual([false]);
    deliver({ type: 'strict', on: true }); // another tab turned it on
    expect(ledger.strict).toBe(true);
  });

  it('lists blocked requests newest first and what left the device', () => {
    const { channel, deliver } = fakeChannel();
    const ledger = new PrivacyLedger(channel, { load: async () => false, save: async () => undefined });
    deliver({ type: 'request', record: record('1', 'https://a.example/1', { blocked: true, pending: false }) });
    deliver({ type: 'request', record: record('2', 'https://api.example/v1', { sent: 120, pending: false }) });
    deliver({ type: 'request', record: record('3', 'https://b.example/2', { blocked: true, pending: false }) });
    deliver({ type: 'request', record: record('4', 'https://zimu.app/x', { sent: 50, pending: false }) });
    expect(ledger.blocked.map((r) => r.id)).toEqual(['3', '1']);
    expect(ledger.sentAway('https://zimu.app')).toBe(120);
  });

  it('keeps the newest requests when a session makes very many', () => {
    const { channel, deliver } = fakeChannel();
    const ledger = new PrivacyLedger(channel, { load: async () => false, save: async () => undefined });
    for (let i = 0; i < LEDGER_LIMIT + 5; i++) deliver({ type: 'request', record: record(String(i), 'https://zimu.app/x') });
    expect(ledger.records).toHaveLength(LEDGER_LIMIT);
    expect(ledger.dropped).toBe(5);
    expect(ledger.records[0]?.id).toBe('5');
  });
});
