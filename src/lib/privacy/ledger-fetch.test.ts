import { describe, expect, it, vi } from 'vitest';
import { AppErrorException } from '../errors.ts';
import type { RequestRecord } from './ledger.ts';
import { createLedgerFetch } from './ledger-fetch.ts';

/** Answers every request with `size` bytes, in 1 KiB chunks; records what it was asked. */
function server(size: number) {
  const asked: string[] = [];
  const base: typeof fetch = async (input) => {
    asked.push(input instanceof Request ? input.url : String(input));
    let left = size;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (left <= 0) return controller.close();
        const chunk = Math.min(1024, left);
        left -= chunk;
        controller.enqueue(new Uint8Array(chunk));
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/octet-stream' } });
  };
  return { base, asked };
}


describe('the ledger fetch', () => {
  it('records bytes sent and received, and hands back an untouched response', async () => {
    const { base } = server(5000);
    const records: RequestRecord[] = [];
    const fetch = createLedgerFetch(base, { source: 'page', appOrigin: 'https://zimu.app', strict: () => false, report: (r) => records.push(r) });
    const response = await fetch('https://api.example.com/v1/chat/completions?x=1', { method: 'post', body: JSON.stringify({ a: '字' }) });
    expect((await response.arrayBuffer()).byteLength).toBe(5000);
    await vi.waitFor(() => expect(records.at(-1)?.pending).toBe(false));
    const last = records.at(-1);
    expect(last).toMatchObject({ url: 'https://api.example.com/v1/chat/completions', method: 'POST', sent: 11, received: 5000, source: 'page', blocked: false });
    expect(new Set(records.map((r) => r.id)).size).toBe(1);
  });

  it('refuses other origins in strict offline, before anything is sent', async () => {
    const { base, asked } = server(10);
    const records: RequestRecord[] = [];
    const fetch = createLedgerFetch(base, { source: 'worker', appOrigin: 'https://zimu.app', strict: async () => true, report: (r) => records.push(r) });
    const refused = await fetch('https://huggingface.co/m/resolve/main/config.json').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppErrorException);
    expect(refused instanceof AppErrorException && refused.error.code).toBe('strict-offline-blocked');
    expect(asked).toEqual([]);
    expect(records).toMatchObject([{ blocked: true, source: 'worker', url: 'https://huggingface.co/m/resolve/main/config.json' }]);
    // The app's own files still load.
    await (await fetch('https://zimu.app/assets/x.wasm')).arrayBuffer();
    expect(asked).toEqual(['https://zimu.app/assets/x.wasm']);
  });

  it('still records a request that failed to connect', async () => {
    const records: RequestRecord[] = [];
    const fetch = createLedgerFetch(() => Promise.reject(new TypeError('Failed to fetch')), { source: 'page', appOrigin: 'https://zimu.app', strict: () => false, report: (r) => records.push(r) });
    await expect(fetch('https://down.example/')).rejects.toThrow('Failed to fetch');
    expect(records.at(-1)).toMatchObject({ pending: false, received: 0 });
  });
});
