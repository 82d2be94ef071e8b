import { normalizeHost } from '../transcription/models.ts';
import { modelFileUrl } from '../transcription/catalog.ts';

/**
 * The Cache Storage bucket transformers.js keeps model files in: its `env.cacheKey` default,
 * which the engine leaves alone. Entries are keyed by the URL fetched,
 * `{host}/{model}/resolve/{revision}/{file}`; it also caches ONNX Runtime's own `.wasm` there
 * under this app's URL, which is not a model and is left out of the listing.
 */
export const MODEL_CACHE_NAME = 'transformers-cache';

/** The part of `Cache` used here; `caches.open()` gives one, tests give a fake. */
export interface ModelCache {
  keys(): Promise<readonly Request[]>;
  match(request: RequestInfo | URL): Promise<Response | undefined>;
  put(request: RequestInfo | URL, response: Response): Promise<void>;
  delete(request: RequestInfo | URL): Promise<boolean>;
}

/** The part of `CacheStorage` used here (the global `caches` fits). */
export interface ModelCacheStorage {
  has(name: string): Promise<boolean>;
  open(name: string): Promise<ModelCache>;
}

export interface CachedFile {
  readonly file: string;
  readonly bytes: number;
}

export interface CachedModel {
  /** Normalized, with one trailing slash. */
  readonly host: string;
  readonly modelId: string;
  readonly files: readonly CachedFile[];
  readonly totalBytes: number;
}

/**
 * Whether stored files are a Whisper speech model (encoder and decoder), a SenseVoice one (a graph
 * and `tokens.txt` at the root) or a language model for translation and summary
 * (`onnx/model*.onnx`). Pure.
 */
export function cachedModelKind(model: Pick<CachedModel, 'files'>): 'speech' | 'sensevoice' | 'chat' {
  if (model.files.some((f) => /^onnx\/model[^/]*\.onnx$/.test(f.file))) return 'chat';
  const senseVoice = model.files.some((f) => f.file === 'tokens.txt') && model.files.some((f) => /^[^/]+\.onnx$/.test(f.file));
  return senseVoice ? 'sensevoice' : 'speech';
}

export interface CacheKeyParts {
  readonly host: string;
  readonly modelId: string;
  readonly file: string;
}

const RESOLVE = /^(.+?)\/resolve\/[^/]+\/(.+)$/;

/**
 * Splits a cache key into host, model id and file. A known host (which may carry a path, like a
 * mirror under `/hf/`) is matched first; otherwise the host is the URL's origin. Pure.
 */
export function parseCacheKey(url: string, knownHosts: readonly string[]): CacheKeyParts | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const hosts = knownHosts.map(normalizeHost).sort((a, b) => b.length - a.length);
  const host = hosts.find((h) => url.startsWith(h)) ?? `${parsed.origin}/`;
  if (!url.startsWith(host)) return undefined;
  const match = RESOLVE.exec(url.slice(host.length).split(/[?#]/)[0] ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  return { host, modelId: match[1], file: match[2] };
}

/** Groups cache entries into models, largest first; entries that are not model files are dropped. Pure. */
export function groupCachedModels(entries: readonly { readonly url: string; readonly bytes: number }[], knownHosts: readonly string[]): CachedModel[] {
  const models = new Map<string, { host: string; modelId: string; files: CachedFile[] }>();
  for (const { url, bytes } of entries) {
    const parts = parseCacheKey(url, knownHosts);
    if (!parts) continue;
    const key = `${parts.host}\n${parts.modelId}`;
    const model = models.get(key) ?? { host: parts.host, modelId: parts.modelId, files: [] };
    model.files.push({ file: parts.file, bytes });
    models.set(key, model);
  }
  return [...models.values()]
    .map((m) => ({ ...m, files: m.files.sort((a, b) => a.file.localeCompare(b.file)), totalBytes: m.files.reduce((s, f) => s + f.bytes, 0) }))
    .sort((a, b) => b.totalBytes - a.totalBytes || a.modelId.localeCompare(b.modelId));
}

/**
 * Every model transformers.js has cached in this browser, with sizes.
 * @example const models = await listCachedModels([settings.modelHost]);
 */
export async function listCachedModels(knownHosts: readonly string[], storage: ModelCacheStorage = caches): Promise<CachedModel[]> {
  if (!(await storage.has(MODEL_CACHE_NAME))) return []; // opening would create an empty bucket
  const cache = await storage.open(MODEL_CACHE_NAME);
  const requests = await cache.keys();
  const entries = await Promise.all(requests.map(async (request) => ({ url: request.url, bytes: await sizeOf(await cache.match(request)) })));
  return groupCachedModels(entries, knownHosts);
}

/** Content-Length, which transformers.js and the importer always set; else the stored body's size. */
async function sizeOf(response: Response | undefined): Promise<number> {
  if (!response) return 0;
  const length = Number(response.headers.get('content-length'));
  if (Number.isSafeInteger(length) && length > 0) return length;
  return (await response.blob()).size;
}

/**
 * Removes a model's files; with a host, only those fetched from it. Returns how many were removed.
 * @example await deleteCachedModel('onnx-community/whisper-base');
 */
export async function deleteCachedModel(modelId: string, host?: string, storage: ModelCacheStorage = caches): Promise<number> {
  if (!(await storage.has(MODEL_CACHE_NAME))) return 0;
  const cache = await storage.open(MODEL_CACHE_NAME);
  const knownHosts = host === undefined ? [] : [host];
  let removed = 0;
  for (const request of await cache.keys()) {
    const parts = parseCacheKey(request.url, knownHosts);
    if (!parts || parts.modelId !== modelId) continue;
    if (host !== undefined && parts.host !== normalizeHost(host)) continue;
    if (await cache.delete(request)) removed++;
  }
  return removed;
}

/** Which of a model's files are cached under a host, and their total size. */
export async function cachedFiles(host: string, modelId: string, files: readonly string[], storage: ModelCacheStorage = caches): Promise<{ readonly missing: readonly string[]; readonly bytes: number }> {
  if (!(await storage.has(MODEL_CACHE_NAME))) return { missing: files, bytes: 0 };
  const cache = await storage.open(MODEL_CACHE_NAME);
  const missing: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const url = modelFileUrl(host, modelId, file);
    const response = await cache.match(url);
    if (response) bytes += await sizeOf(response);
    else missing.push(file);
  }
  return { missing, bytes };
}
