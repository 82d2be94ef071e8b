import { MODEL_JSON_FILES, modelFileUrl, onnxFile } from '../transcription/catalog.ts';
import type { Dtype, DtypeConfig } from '../transcription/models.ts';
import { MODEL_CACHE_NAME, deleteCachedModel, type ModelCacheStorage } from './model-cache.ts';

/**
 * Imports a model folder from disk into transformers.js' cache, under the exact URLs it will
 * request for the configured host and a model id. Loading that id then never touches the
 * network: for machines that cannot reach any model host.
 */

/** A file picked by the user, with its path inside the picked folder (or just its name). */
export interface ImportEntry {
  readonly path: string;
  readonly blob: Blob;
}

export interface ImportPlan {
  /** From the folder name (`models--owner--name` in a Hugging Face cache gives `owner/name`); may be ''. */
  readonly suggestedId: string;
  /** Paths relative to the model's root, as the repository has them (`onnx/…`). */
  readonly files: readonly ImportEntry[];
  /** Picked files transformers.js never reads (READMEs, PyTorch weights, hidden files). */
  readonly skipped: readonly string[];
  /** Precisions present for each sub-model. */
  readonly encoders: readonly Dtype[];
  readonly decoders: readonly Dtype[];
  readonly totalBytes: number;
}

export type ImportError =
  | { readonly code: 'no-files' }
  | { readonly code: 'missing-files'; readonly missing: readonly string[] }
  | { readonly code: 'invalid-id'; readonly id: string }
  | { readonly code: 'storage-full' }
  | { readonly code: 'write-failed'; readonly detail: string }
  | { readonly code: 'cancelled' };

export type PlanResult = { readonly type: 'plan'; readonly plan: ImportPlan } | { readonly type: 'error'; readonly error: ImportError };
export type ImportResult =
  | { readonly type: 'imported'; readonly modelId: string; readonly host: string; readonly files: number; readonly totalBytes: number }
  | { readonly type: 'error'; readonly error: ImportError };

const DTYPES: readonly Dtype[] = ['fp32', 'fp16', 'q8', 'q4'];
/** What transformers.js reads: JSON and text at the root, graphs and their external data in `onnx/`. */
const WANTED = /^(?:[^/]+\.(?:json|txt)|onnx\/[^/]+\.onnx(?:_data(?:_\d+)?)?)$/;
const BARE_WEIGHTS = /^[^/]+\.onnx(?:_data(?:_\d+)?)?$/;
/** transformers.js' `REPO_ID_REGEX` and `isValidHfModelId`: other ids are never looked up. */
const REPO_ID = /^(\b[\w\-.]+\b\/)?\b[\w\-.]{1,96}\b$/;

/** Entries from a directory picker (`webkitRelativePath`) or a plain multi-file selection (names). */
export function entriesFromFiles(files: Iterable<File>): ImportEntry[] {
  return Array.from(files, (file) => ({ path: file.webkitRelativePath || file.name, blob: file }));
}

/** Whether transformers.js would accept the id (and so look it up in the cache). Pure. */
export function isValidModelId(id: string): boolean {
  return REPO_ID.test(id) && !id.includes('..') && !id.includes('--') && !id.endsWith('.git');
}

/**
 * Finds the model inside the picked files and checks it is complete: every JSON file a Whisper
 * pipeline reads (`generation_config.json` too: offline, even an optional file's fetch fails the
 * load), and at least one encoder and one decoder. Pure.
 */
export function planImport(entries: readonly ImportEntry[]): PlanResult {
  if (entries.length === 0) return { type: 'error', error: { code: 'no-files' } };
  const root = modelRoot(entries.map((e) => e.path));
  const files: ImportEntry[] = [];
  const skipped: string[] = [];
  for (const entry of entries) {
    const path = relativeTo(root, entry.path);
    if (path !== undefined && WANTED.test(path) && !path.split('/').some((s) => s.startsWith('.'))) files.push({ path, blob: entry.blob });
    else skipped.push(entry.path);
  }
  const has = new Set(files.map((f) => f.path));
  const encoders = DTYPES.filter((dt) => has.has(onnxFile('encoder_model', dt)));
  const decoders = DTYPES.filter((dt) => has.has(onnxFile('decoder_model_merged', dt)));
  const missing: string[] = MODEL_JSON_FILES.filter((f) => !has.has(f));
  if (encoders.length === 0) missing.push('onnx/encoder_model*.onnx');
  if (decoders.length === 0) missing.push('onnx/decoder_model_merged*.onnx');
  if (missing.length > 0) return { type: 'error', error: { code: 'missing-files', missing } };
  const totalBytes = files.reduce((sum, f) => sum + f.blob.size, 0);
  return { type: 'plan', plan: { suggestedId: suggestId(root), files, skipped, encoders, decoders, totalBytes } };
}

/** The folder holding the shallowest `config.json`; '' for a flat selection. */
function modelRoot(paths: readonly string[]): string {
  const configs = paths.filter((p) => p === 'config.json' || p.endsWith('/config.json'));
  const shallowest = configs.sort((a, b) => a.split('/').length - b.split('/').length)[0];
  return shallowest === undefined ? commonFolder(paths) : shallowest.slice(0, -'config.json'.length).replace(/\/$/, '');
}

function commonFolder(paths: readonly string[]): string {
  const first = paths[0]?.split('/').slice(0, -1) ?? [];
  let depth = first.length;
  for (const p of paths) {
    const parts = p.split('/');
    let i = 0;
    while (i < depth && i < parts.length - 1 && parts[i] === first[i]) i++;
    depth = i;
  }
  return first.slice(0, depth).join('/');
}

/** A path inside the root; weights picked without their folder go to `onnx/`, where transformers.js looks. */
function relativeTo(root: string, path: string): string | undefined {
  if (root !== '' && !path.startsWith(`${root}/`)) return undefined;
  const inside = root === '' ? path : path.slice(root.length + 1);
  return BARE_WEIGHTS.test(inside) ? `onnx/${inside}` : inside;
}

function suggestId(root: string): string {
  const parts = root.split('/').filter(Boolean);
  const hubCache = parts.map((p) => /^models--([^/]+?)--([^/]+)$/.exec(p)).find((m) => m !== null);
  if (hubCache?.[1] && hubCache[2]) return `${hubCache[1]}/${hubCache[2]}`;
  return parts.at(-1) ?? '';
}

export interface ImportOptions {
  readonly signal?: AbortSignal;
  /** Called after each file is stored. */
  readonly onProgress?: (doneBytes: number, totalBytes: number) => void;
}

/**
 * Stores a planned model in the cache, replacing what was cached for the same host and id.
 * A failed or cancelled import removes what it wrote, so no half model is left to be topped up
 * from the network. Files are streamed from disk into the cache, never held in memory.
 * @example
 * const planned = planImport(entriesFromFiles(input.files));
 * if (planned.type === 'plan') await importModel(planned.plan, { host: settings.modelHost, modelId: planned.plan.suggestedId });
 */
export async function importModel(plan: ImportPlan, target: { readonly host: string; readonly modelId: string }, options: ImportOptions = {}, storage: ModelCacheStorage = caches): Promise<ImportResult> {
  const modelId = target.modelId.trim();
  if (!isValidModelId(modelId)) return { type: 'error', error: { code: 'invalid-id', id: modelId } };
  let done = 0;
  try {
    const cache = await storage.open(MODEL_CACHE_NAME);
    await deleteCachedModel(modelId, target.host, storage);
    for (const { path, blob } of plan.files) {
      options.signal?.throwIfAborted();
      await cache.put(modelFileUrl(target.host, modelId, path), cachedResponse(path, blob));
      done += blob.size;
      options.onProgress?.(done, plan.totalBytes);
    }
  } catch (caught) {
    await deleteCachedModel(modelId, target.host, storage).catch(() => 0);
    return { type: 'error', error: importError(caught) };
  }
  return { type: 'imported', modelId, host: target.host, files: plan.files.length, totalBytes: plan.totalBytes };
}

/**
 * A response like the one transformers.js stores. It needs Content-Length: without it, a cache
 * hit's progress asks `get_file_metadata`, and the load reports no totals.
 */
function cachedResponse(path: string, blob: Blob): Response {
  const type = path.endsWith('.json') ? 'application/json' : path.endsWith('.txt') ? 'text/plain' : 'application/octet-stream';
  return new Response(blob, { status: 200, headers: { 'content-length': String(blob.size), 'content-type': type } });
}

function importError(caught: unknown): ImportError {
  if (caught instanceof DOMException && caught.name === 'AbortError') return { code: 'cancelled' };
  if (caught instanceof DOMException && caught.name === 'QuotaExceededError') return { code: 'storage-full' };
  return { code: 'write-failed', detail: caught instanceof Error ? caught.message : String(caught) };
}

/** The weight files a plan lacks for a precision config: loading it on that device would need the network. Pure. */
export function missingFor(plan: ImportPlan, dtypes: DtypeConfig): string[] {
  const missing: string[] = [];
  if (!plan.encoders.includes(dtypes.encoder_model)) missing.push(onnxFile('encoder_model', dtypes.encoder_model));
  if (!plan.decoders.includes(dtypes.decoder_model_merged)) missing.push(onnxFile('decoder_model_merged', dtypes.decoder_model_merged));
  return missing;
}
