import { AppErrorException } from '../errors.ts';
import { MODEL_CACHE_NAME, type ModelCacheStorage } from '../storage/model-cache.ts';
import { modelFileUrl, type Fetch } from './catalog.ts';

/** Reports a file's bytes as they arrive. */
export type OnFileBytes = (file: string, loaded: number, total: number) => void;

/** Where model files come from; the page's `caches` and `fetch` unless a test passes its own. */
export interface ModelFileDeps {
  readonly storage?: ModelCacheStorage;
  readonly fetch?: Fetch;
}

/**
 * One repository file, `{host}/{model}/resolve/main/{file}`, from the models' cache (the one
 * transformers.js fills, listed in the models panel, served offline and filled by folder
 * imports) or else downloaded with progress and stored there under the same URL. A cache that
 * can't be opened or is full costs only the caching, never the run.
 * @example const bytes = await fetchModelFile(host, 'owner/model', 'tokens.txt', onBytes);
 */
export async function fetchModelFile(host: string, modelId: string, file: string, onBytes: OnFileBytes, deps: ModelFileDeps = {}): Promise<Uint8Array> {
  const url = modelFileUrl(host, modelId, file);
  const storage = deps.storage ?? globalThis.caches;
  const cache = await storage?.open(MODEL_CACHE_NAME).catch(() => undefined);
  const hit = await cache?.match(url);
  if (hit) {
    const bytes = new Uint8Array(await hit.arrayBuffer());
    onBytes(file, bytes.length, bytes.length);
    return bytes;
  }
  const fetchFn: Fetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const response = await fetchFn(url);
  if (!response.ok) throw new AppErrorException({ code: 'model-load-failed', detail: `${response.status} ${url}` });
  const bytes = await readWithProgress(response, (loaded, total) => onBytes(file, loaded, total));
  const type = file.endsWith('.txt') ? 'text/plain' : 'application/octet-stream';
  // Content-Length, as the importer sets it: the models panel reads sizes from it.
  await cache?.put(url, new Response(bytes, { headers: { 'content-length': String(bytes.length), 'content-type': type } })).catch(() => undefined);
  return bytes;
}

async function readWithProgress(response: Response, onProgress: (loaded: number, total: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'));
  const total = Number.isSafeInteger(declared) && declared > 0 ? declared : 0;
  const reader = response.body?.getReader();
  if (!reader) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress(bytes.length, bytes.length);
    return bytes;
  }
  // Written straight into one buffer of the announced size (a 239 MB model is not held twice).
  let bytes = new Uint8Array(total);
  let loaded = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    if (loaded + next.value.length > bytes.length) bytes = grown(bytes, loaded, loaded + next.value.length);
    bytes.set(next.value, loaded);
    loaded += next.value.length;
    onProgress(loaded, Math.max(total, loaded));
  }
  if (loaded < bytes.length) bytes = bytes.slice(0, loaded);
  onProgress(loaded, loaded);
  return bytes;
}

/** A copy of the first `used` bytes in a buffer of at least `needed` (doubling, so growth stays linear). */
function grown(bytes: Uint8Array<ArrayBuffer>, used: number, needed: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.max(needed, bytes.length * 2));
  next.set(bytes.subarray(0, used));
  return next;
}
