import { describe, expect, it } from 'vitest';
import { probeHost } from './host-probe.ts';

describe('probeHost', () => {
  it('asks for the model’s config.json with HEAD and calls any answer reachable', async () => {
    const asked: [string, string | undefined][] = [];
    const answer = await probeHost('https://hub.example', 'org/model', async (url, init) => {
      asked.push([url, init?.method]);
      return new Response(null, { status: 404 });
    }, 1000);
    expect(answer).toBe('ok');
    expect(asked).toEqual([['https://hub.example/org/model/resolve/main/config.json', 'HEAD']]);
  });

  it('calls a failed request unreachable', async () => {
    expect(await probeHost('https://hub.example', 'org/model', () => Promise.reject(new TypeError('Failed to fetch')), 1000)).toBe('unreachable');
  });

  it('gives up on a host that does not answer in time', async () => {
    const silent = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    expect(await probeHost('https://hub.example', 'org/model', silent, 50)).toBe('unreachable');
  });
});
