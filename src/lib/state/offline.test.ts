import { describe, expect, it, vi } from 'vitest';
import { ENGINE_CACHE, FONT_CACHE, type EngineFile } from '../offline/engines.ts';
import { OfflineState, type ModelDownload, type OfflineDeps } from './offline.svelte.ts';

const BASE = 'https://zimu.test/app/';

const ENGINES: readonly EngineFile[] = [
  { url: 'assets/ffmpeg-core-CI9Irx9p.js', bytes: 300, kind: 'ffmpeg' },
  { url: 'assets/ffmpeg-core-CgUfceKH.wasm', bytes: 5000, kind: 'ffmpeg' },
  { url: 'assets/ort-wasm-simd-threaded.asyncify-CxOG5pUO.wasm', bytes: 4000, kind: 'onnxruntime' },
  { url: 'assets/silero_vad_v5-Dt9-bTDn.onnx', bytes: 700, kind: 'vad' },
];
const TOTAL_BYTES = 10_000;

const urlOf = (request: RequestInfo | URL): string => (request instanceof URL ? request.href : typeof request === 'string' ? new URL(request).href : request.url);

const unused = (): never => {
  throw new Error('not used by OfflineState');
};

/** The parts of `Cache` OfflineState uses, in memory; the rest throws if it is ever called. */
class MemoryCache implements Cache {
  readonly entries = new Map<string, Uint8Array<ArrayBuffer>>();

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const body = this.entries.get(urlOf(request));
    return body && new Response(body.slice());
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    this.entries.set(urlOf(request), new Uint8Array(await response.arrayBuffer()));
  }

  add = unused;
  addAll = unused;
  delete = unused;
  keys = unused;
  matchAll = unused;
}

class MemoryCaches implements Pick<CacheStorage, 'open'> {
  readonly opened: string[] = [];
  readonly buckets = new Map<string, MemoryCache>();

  async open(name: string): Promise<MemoryCache> {
    this.opened.push(name);
    const bucket = this.buckets.get(name) ?? new MemoryCache();
    this.buckets.set(name, bucket);
    return bucket;
  }

  /** The engine cache's URLs, relative to the app's base. */
  engineUrls(): string[] {
    return [...(this.buckets.get(ENGINE_CACHE)?.entries.keys() ?? [])].map((url) => url.slice(BASE.length)).sort();
  }
}

/** A server with `engines.json` and the engine files; `fail` and `hang` pick files that break or never arrive. */
function fakeServer(options: { engines?: unknown; fail?: string; hang?: string } = {}) {
  const requests: { url: string; init?: RequestInit }[] = [];
  let hung: (() => void) | undefined;
  const hanging = new Promise<void>((resolve) => (hung = resolve));
  const fetch = vi.fn(async (url: string, init?: RequestInit): Promise<Response> => {
    requests.push({ url, init });
    const path = url.slice(BASE.length);
    if (path === 'engines.json') return Response.json(options.engines ?? ENGINES);
    if (path === options.fail) return new Response('gone', { status: 500 });
    if (path === options.hang) {
      hung?.();
      const signal = init?.signal;
      return new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    }
    const file = ENGINES.find((engine) => engine.url === path);
    return file ? new Response(new Uint8Array(file.bytes)) : new Response('missing', { status: 404 });
  });
  const engineRequests = () => requests.filter((r) => !r.url.endsWith('engines.json')).map((r) => r.url.slice(BASE.length));
  return { fetch, requests, engineRequests, hanging };
}

/** A StorageManager that grants persistence when asked, and reports IndexedDB's share as Chromium does. */
function fakeStorage(options: { granted?: boolean; indexedDB?: number } = {}) {
  let granted = options.granted ?? false;
  const persisted = vi.fn(async () => granted);
  const persist = vi.fn(async () => (granted = true));
  const estimate = vi.fn(async (): Promise<StorageEstimate> => {
    const details = options.indexedDB === undefined ? {} : { usageDetails: { indexedDB: options.indexedDB, caches: 10 } };
    const reported = { usage: 123_456, quota: 9_000_000, ...details };
    return reported;
  });
  return { persisted, persist, estimate };
}

function offlineState(overrides: Partial<OfflineDeps> = {}) {
  const server = fakeServer();
  const caches = new MemoryCaches();
  const storage = fakeStorage();
  const state = new OfflineState({ fetch: server.fetch, caches, baseUrl: BASE, storage, ...overrides });
  return { state, server, caches, storage };
}

/** Puts engine files in the cache as an earlier run would have. */
async function seed(caches: MemoryCaches, ...paths: string[]): Promise<void> {
  const cache = await caches.open(ENGINE_CACHE);
  for (const path of paths) await cache.put(BASE + path, new Response(new Uint8Array(1)));
  caches.opened.length = 0;
}

describe('OfflineState.refresh', () => {
  it('lists the engines and which of them are cached: partial while any is missing', async () => {
    const { state, caches } = offlineState();
    await seed(caches, ENGINES[1]?.url ?? '');
    await state.refresh();
    expect(state.engines).toEqual(ENGINES);
    expect([...state.cached]).toEqual([ENGINES[1]?.url]);
    expect(state.status).toBe('partial');
    expect(caches.opened).toEqual([ENGINE_CACHE]);
    expect(state.engineBytes).toEqual({ total: TOTAL_BYTES, missing: TOTAL_BYTES - 5000 });
  });

  it('is ready when every engine file is cached', async () => {
    const { state, caches } = offlineState();
    await seed(caches, ...ENGINES.map((file) => file.url));
    await state.refresh();
    expect(state.status).toBe('ready');
    expect(state.cached.size).toBe(ENGINES.length);
    expect(state.engineBytes).toEqual({ total: TOTAL_BYTES, missing: 0 });
  });

  it('drops malformed entries of the engine list', async () => {
    const server = fakeServer({ engines: [ENGINES[0], { url: 'assets/index-abc.js', bytes: 5 }, { url: 'assets/ffmpeg-core-x.wasm' }] });
    const { state } = offlineState({ fetch: server.fetch });
    await state.refresh();
    expect(state.engines).toEqual([ENGINES[0]]);
  });

  it('offers nothing where there is no engine list (the dev server answers with HTML)', async () => {
    const fetch = vi.fn(async () => new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }));
    const { state, storage } = offlineState({ fetch });
    await state.refresh();
    expect(state.status).toBe('unknown');
    expect(state.engines).toEqual([]);
    expect(state.engineBytes).toEqual({ total: 0, missing: 0 });
    expect(storage.estimate).toHaveBeenCalled(); // the storage use is still read
  });

  it('reads the storage use, with IndexedDB’s share where the browser breaks it down', async () => {
    const { state } = offlineState({ storage: fakeStorage({ indexedDB: 4096, granted: true }) });
    await state.refresh();
    expect(state.use).toEqual({ usage: 123_456, quota: 9_000_000, indexedDB: 4096 });
    expect(state.persisted).toBe(true);

    const plain = offlineState({ storage: fakeStorage() });
    await plain.state.refresh();
    expect(plain.state.use).toEqual({ usage: 123_456, quota: 9_000_000 });
    expect(plain.state.use?.indexedDB).toBeUndefined();
    expect(plain.state.persisted).toBe(false);
  });

  it('leaves storage use unknown without a storage manager', async () => {
    const { state } = offlineState({ storage: undefined });
    await state.refresh();
    expect(state.use).toBeUndefined();
    expect(state.persisted).toBeUndefined();
  });
});

describe('OfflineState.makeAvailable', () => {
  it('downloads only the missing files into the engine cache, then the model, and ends ready', async () => {
    const { state, server, caches, storage } = offlineState();
    await seed(caches, ENGINES[0]?.url ?? '', ENGINES[3]?.url ?? '');
    await state.refresh();
    const progress: [number, number][] = [];
    const model = vi.fn<ModelDownload>(async (onBytes, signal) => {
      expect(signal.aborted).toBe(false);
      for (const loaded of [0, 600, 2000]) {
        onBytes(loaded, 2000);
        progress.push([state.loaded, state.total]);
      }
    });

    await state.makeAvailable(model);

    expect(server.engineRequests()).toEqual([ENGINES[1]?.url, ENGINES[2]?.url]);
    for (const request of server.requests.slice(1)) expect(request.init).toMatchObject({ cache: 'no-store' });
    expect(caches.engineUrls()).toEqual(ENGINES.map((file) => file.url).sort());
    const wasm = await (await caches.open(ENGINE_CACHE)).match(BASE + (ENGINES[1]?.url ?? ''));
    expect((await wasm?.arrayBuffer())?.byteLength).toBe(5000);
    expect(state.cached.size).toBe(ENGINES.length);
    // Engine bytes first (5000 + 4000 missing), then the model's added on top.
    expect(progress).toEqual([
      [9000, 11_000],
      [9600, 11_000],
      [11_000, 11_000],
    ]);
    expect(model).toHaveBeenCalledTimes(1);
    expect(state.loaded).toBe(state.total);
    expect(state.status).toBe('ready');
    expect(state.error).toBeUndefined();
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(state.persisted).toBe(true);
    expect(state.engineBytes.missing).toBe(0);
  });

  it('counts engine bytes as they arrive, reaching the total without a model', async () => {
    const { state } = offlineState();
    await state.refresh();
    await state.makeAvailable();
    expect(state.total).toBe(TOTAL_BYTES);
    expect(state.loaded).toBe(TOTAL_BYTES);
    expect(state.status).toBe('ready');
  });

  it('does not ask for persistence again once the browser granted it', async () => {
    const storage = fakeStorage({ granted: true });
    const { state } = offlineState({ storage });
    await state.refresh();
    await state.makeAvailable();
    expect(storage.persist).not.toHaveBeenCalled();
    expect(state.persisted).toBe(true);
  });

  it('fails on a broken download with the error set, keeping the files already cached', async () => {
    const server = fakeServer({ fail: ENGINES[2]?.url });
    const { state, caches } = offlineState({ fetch: server.fetch });
    await state.refresh();
    const model = vi.fn<ModelDownload>(async () => {});
    await state.makeAvailable(model);
    expect(state.status).toBe('failed');
    expect(state.error?.code).toBe('unknown');
    expect(state.error?.detail).toContain(ENGINES[2]?.url);
    expect(state.error?.detail).toContain('500');
    expect(model).not.toHaveBeenCalled();
    expect(caches.engineUrls()).toEqual([ENGINES[1]?.url, ENGINES[0]?.url].sort());
    expect([...state.cached].sort()).toEqual(caches.engineUrls());

    // A later refresh sees them too, and a retry fetches only the rest.
    const retry = new OfflineState({ fetch: fakeServer().fetch, caches, baseUrl: BASE });
    await retry.refresh();
    expect(retry.status).toBe('partial');
    expect(retry.engineBytes.missing).toBe(4000 + 700);
  });

  it('fails when the model download fails, with the engines cached', async () => {
    const { state, caches } = offlineState();
    await state.refresh();
    await state.makeAvailable(async () => {
      throw new Error('model host unreachable');
    });
    expect(state.status).toBe('failed');
    expect(state.error?.detail).toBe('model host unreachable');
    expect(caches.engineUrls()).toHaveLength(ENGINES.length);
  });

  it('cancels: the download is aborted and it ends failed without an error', async () => {
    const server = fakeServer({ hang: ENGINES[2]?.url });
    const { state, caches } = offlineState({ fetch: server.fetch });
    await state.refresh();
    const model = vi.fn<ModelDownload>(async () => {});
    const running = state.makeAvailable(model);
    await server.hanging;
    expect(state.status).toBe('downloading');
    state.cancel();
    await running;
    expect(state.status).toBe('failed');
    expect(state.error).toBeUndefined();
    expect(model).not.toHaveBeenCalled();
    expect(caches.engineUrls()).toEqual([ENGINES[1]?.url, ENGINES[0]?.url].sort());
  });

  it('passes the same abort signal to the model download', async () => {
    const { state } = offlineState();
    await state.refresh();
    let seen: AbortSignal | undefined;
    await state.makeAvailable((_, signal) => {
      seen = signal;
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason));
        state.cancel();
      });
    });
    expect(seen?.aborted).toBe(true);
    expect(state.status).toBe('failed');
    expect(state.error).toBeUndefined();
  });

  it('ignores a second start while downloading', async () => {
    const server = fakeServer({ hang: ENGINES[0]?.url });
    const { state } = offlineState({ fetch: server.fetch });
    await state.refresh();
    const running = state.makeAvailable();
    await server.hanging;
    await state.makeAvailable();
    expect(server.engineRequests()).toEqual([ENGINES[0]?.url]);
    state.cancel();
    await running;
  });

  it('clears an earlier error when it starts again, and goes on from what was cached', async () => {
    const breakage: { fail?: string } = { fail: ENGINES[2]?.url };
    const server = fakeServer(breakage);
    const { state } = offlineState({ fetch: server.fetch });
    await state.refresh();
    await state.makeAvailable();
    expect(state.error).toBeDefined();
    breakage.fail = undefined;
    server.requests.length = 0;
    await state.makeAvailable();
    expect([state.status, state.error]).toEqual(['ready', undefined]);
    expect(server.engineRequests()).toEqual([ENGINES[2]?.url, ENGINES[3]?.url]);
    expect([state.loaded, state.total]).toEqual([4700, 4700]);
  });
});

describe('OfflineState.requestPersistence', () => {
  it('says no without a storage manager', async () => {
    const { state } = offlineState({ storage: undefined });
    expect(await state.requestPersistence()).toBe(false);
  });

  it('asks for persistence when not yet granted, and treats a failing browser as no', async () => {
    const storage = fakeStorage();
    const { state } = offlineState({ storage });
    expect(await state.requestPersistence()).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);

    const broken = { ...fakeStorage(), persist: vi.fn(async (): Promise<boolean> => Promise.reject(new Error('denied'))) };
    const other = offlineState({ storage: broken }).state;
    expect(await other.requestPersistence()).toBe(false);
    expect(other.persisted).toBe(false);
  });
});

describe('OfflineState with the burn-in font', () => {
  it('keeps the font in the font cache, where the service worker serves it from, and the engines in theirs', async () => {
    const font: EngineFile = { url: 'assets/noto-sans-sc-117-700-normal-Cy4l.woff', bytes: 40, kind: 'font' };
    const listed = [ENGINES[0], font];
    const fetch = vi.fn(async (url: string): Promise<Response> => {
      const path = url.slice(BASE.length);
      if (path === 'engines.json') return Response.json(listed);
      const file = listed.find((entry) => entry?.url === path);
      return file ? new Response(new Uint8Array(file.bytes)) : new Response('missing', { status: 404 });
    });
    const { state, caches } = offlineState({ fetch });
    await state.refresh();
    expect(state.status).toBe('partial');
    await state.makeAvailable();
    expect(state.status).toBe('ready');
    expect([...(caches.buckets.get(FONT_CACHE)?.entries.keys() ?? [])]).toEqual([BASE + font.url]);
    expect(caches.engineUrls()).toEqual([ENGINES[0]?.url]);
    await state.refresh();
    expect(state.status).toBe('ready');
  });
});
