import { toAppError, type AppError } from '../errors.ts';
import { cacheOf, ENGINE_MANIFEST, parseEngineManifest, type EngineFile, type EngineKind } from '../offline/engines.ts';

/** Where "Make available offline" stands. */
export type OfflineStatus = 'unknown' | 'partial' | 'downloading' | 'ready' | 'failed';

/** The browser APIs the offline state uses; tests pass their own. */
export interface OfflineDeps {
  readonly fetch: (url: string, init?: RequestInit) => Promise<Response>;
  readonly caches: Pick<CacheStorage, 'open'>;
  /** Resolved against the app's base URL. */
  readonly baseUrl: string;
  readonly storage?: Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;
}

/** Usage and quota of this origin's storage, as the browser reports them. */
export interface StorageUse {
  readonly usage: number;
  readonly quota: number;
  /** IndexedDB's share (the projects and settings), where the browser breaks usage down. */
  readonly indexedDB?: number;
}

/** Downloads the chosen model into its own cache; reports bytes as they arrive. */
export type ModelDownload = (onBytes: (loaded: number, total: number) => void, signal: AbortSignal) => Promise<void>;

/**
 * "Make available offline": which engine files (ffmpeg core, ONNX Runtime, VAD) are in the engine
 * cache, downloading the missing ones with progress, then the chosen model (through the model's own
 * cache, never a second copy), and asking for persistent storage so the browser does not evict it.
 */
export class OfflineState {
  engines = $state.raw<readonly EngineFile[]>([]);
  cached = $state.raw<ReadonlySet<string>>(new Set());
  status = $state<OfflineStatus>('unknown');
  /** Engine bytes received in this run, and the model's, for one progress bar. */
  loaded = $state(0);
  total = $state(0);
  error = $state.raw<AppError | undefined>();
  /** Whether the browser promised not to evict this origin's data; undefined until asked. */
  persisted = $state<boolean | undefined>();
  use = $state.raw<StorageUse | undefined>();
  #controller: AbortController | undefined;
  readonly #deps: OfflineDeps;

  constructor(deps: OfflineDeps) {
    this.#deps = deps;
  }

  /** Engine bytes in total, and those still to download. */
  get engineBytes(): { readonly total: number; readonly missing: number } {
    const missing = this.engines.filter((file) => !this.cached.has(file.url)).reduce((sum, file) => sum + file.bytes, 0);
    return { total: this.engines.reduce((sum, file) => sum + file.bytes, 0), missing };
  }

  /** Reads the engine list and which of its files are cached, the storage use and persistence. */
  async refresh(): Promise<void> {
    try {
      const response = await this.#deps.fetch(this.#url(ENGINE_MANIFEST));
      this.engines = response.ok ? parseEngineManifest(await response.json()) : [];
      const caches = this.#caches();
      const cached = new Set<string>();
      // ignoreVary: a module script is requested with an Origin header and may be stored with
      // `Vary: Origin`; a plain lookup by URL would miss it.
      for (const file of this.engines) if (await (await caches(file.kind)).match(this.#url(file.url), { ignoreVary: true })) cached.add(file.url);
      this.cached = cached;
      // No engine list (the dev server builds none): nothing to offer.
      if (this.status !== 'downloading') this.status = this.engines.length === 0 ? 'unknown' : cached.size === this.engines.length ? 'ready' : 'partial';
    } catch {
      this.status = 'unknown'; // No engine list (the dev server): nothing to offer.
    }
    await this.#readStorage();
  }

  /** Downloads every missing engine file, then the model; keeps what completed if it fails. */
  async makeAvailable(model?: ModelDownload): Promise<void> {
    if (this.status === 'downloading') return;
    const controller = new AbortController();
    this.#controller = controller;
    this.status = 'downloading';
    this.error = undefined;
    const missing = this.engines.filter((file) => !this.cached.has(file.url));
    this.loaded = 0;
    this.total = missing.reduce((sum, file) => sum + file.bytes, 0);
    try {
      void this.requestPersistence();
      const caches = this.#caches();
      for (const file of missing) {
        await this.#download(await caches(file.kind), file, controller.signal);
        this.cached = new Set([...this.cached, file.url]);
      }
      if (model) await this.#downloadModel(model, controller.signal);
      this.status = 'ready';
    } catch (caught) {
      this.status = 'failed';
      const error = toAppError(caught);
      this.error = error.code === 'cancelled' ? undefined : error;
    } finally {
      this.#controller = undefined;
      await this.#readStorage();
    }
  }

  cancel(): void {
    this.#controller?.abort();
  }

  /** Asks the browser to keep this origin's data (engines, models, projects) from eviction. */
  async requestPersistence(): Promise<boolean> {
    const storage = this.#deps.storage;
    if (!storage) return false;
    this.persisted = (await storage.persisted().catch(() => false)) || (await storage.persist().catch(() => false));
    return this.persisted;
  }

  /** Each kind's cache (engines, the burn-in font), opened once per use. */
  #caches(): (kind: EngineKind) => Promise<Cache> {
    const open = new Map<string, Promise<Cache>>();
    return (kind) => {
      const name = cacheOf(kind);
      const cache = open.get(name) ?? this.#deps.caches.open(name);
      open.set(name, cache);
      return cache;
    };
  }

  async #download(cache: Cache, file: EngineFile, signal: AbortSignal): Promise<void> {
    const url = this.#url(file.url);
    const response = await this.#deps.fetch(url, { signal, cache: 'no-store' });
    if (!response.ok || !response.body) throw new Error(`${file.url}: HTTP ${response.status}`);
    const parts: Uint8Array<ArrayBuffer>[] = [];
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      this.loaded += value.byteLength;
    }
    await cache.put(url, new Response(new Blob(parts), { headers: response.headers }));
  }

  async #downloadModel(model: ModelDownload, signal: AbortSignal): Promise<void> {
    const base = this.loaded;
    const baseTotal = this.total;
    await model((loaded, total) => {
      this.loaded = base + loaded;
      this.total = baseTotal + total;
    }, signal);
  }

  async #readStorage(): Promise<void> {
    const storage = this.#deps.storage;
    if (!storage) return;
    const estimate = await storage.estimate().catch(() => undefined);
    if (estimate) this.use = { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, indexedDB: indexedDbUsage(estimate) };
    this.persisted ??= await storage.persisted().catch(() => undefined);
  }

  #url(path: string): string {
    return new URL(path, this.#deps.baseUrl).href;
  }
}

/** Chromium breaks usage down in `usageDetails`, which the standard (and TypeScript) lack. */
function indexedDbUsage(estimate: StorageEstimate): number | undefined {
  const details: unknown = Reflect.get(estimate, 'usageDetails');
  const bytes: unknown = typeof details === 'object' && details !== null ? Reflect.get(details, 'indexedDB') : undefined;
  return typeof bytes === 'number' ? bytes : undefined;
}
