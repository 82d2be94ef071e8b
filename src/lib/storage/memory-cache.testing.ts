import type { ModelCache, ModelCacheStorage } from './model-cache.ts';

/** An in-memory Cache Storage for unit tests (Node has Request and Response, not `caches`). */
export class MemoryCacheStorage implements ModelCacheStorage {
  readonly buckets = new Map<string, MemoryCache>();

  async has(name: string): Promise<boolean> {
    return this.buckets.has(name);
  }

  async open(name: string): Promise<MemoryCache> {
    const bucket = this.buckets.get(name) ?? new MemoryCache();
    this.buckets.set(name, bucket);
    return bucket;
  }
}

export class MemoryCache implements ModelCache {
  readonly entries = new Map<string, { body: ArrayBuffer; headers: Headers }>();
  /** Makes the next `put` calls fail, as a full disk would. */
  failPutsAfter = Infinity;

  async keys(): Promise<readonly Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const entry = this.entries.get(urlOf(request));
    return entry && new Response(entry.body.slice(0), { headers: entry.headers });
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    if (this.failPutsAfter-- <= 0) throw new DOMException('quota', 'QuotaExceededError');
    this.entries.set(urlOf(request), { body: await response.arrayBuffer(), headers: new Headers(response.headers) });
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(urlOf(request));
  }

  /** Stores a body as transformers.js would: with its length, or without one. */
  add(url: string, bytes: number, withLength = true): void {
    this.entries.set(url, { body: new ArrayBuffer(bytes), headers: new Headers(withLength ? { 'content-length': String(bytes) } : {}) });
  }
}

function urlOf(request: RequestInfo | URL): string {
  if (request instanceof URL) return request.href;
  return typeof request === 'string' ? new URL(request).href : request.url;
}
