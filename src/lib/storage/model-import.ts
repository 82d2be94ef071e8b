import { LOCAL_DTYPE_SUFFIX, LOCAL_JSON_FILES, LOCAL_PRECISIONS, type LocalDtype } from '../llm/local/local-catalog.ts';
import { MODEL_JSON_FILES, modelFileUrl, onnxFile } from '../transcription/catalog.ts';
import type { Dtype, DtypeConfig } from '../transcription/models.ts';
import { MODEL_CACHE_NAME, deleteCachedModel, type ModelCacheStorage } from './model-cache.ts';
import { senseVoicePlan } from './sensevoice-import.ts';

/**
 * Imports a model folder from disk into transformers.js' cache, under the exact URLs it will
 * request for the configured host and a model id. Loading that id then never touches the
 * network: for machines that cannot reach any model host. Two layouts are recognised: a Whisper
 * export (speech recognition) and a decoder-only export that `AutoModelForCausalLM` loads (the
 * in-browser language model for translation and summary).
 */

/** A file picked by the user, with its path inside the picked folder (or just its name). */
export interface ImportEntry {
  readonly path: string;
  readonly blob: Blob;
}

/** What a folder is for: Whisper or SenseVoice subtitles, or the in-browser chat model. */
export type ImportKind = 'speech' | 'sensevoice' | 'chat';

interface PlanFiles {
  /** From the folder name (`models--owner--name` in a Hugging Face cache gives `owner/name`); may be ''. */
  readonly suggestedId: string;
  /** Paths relative to the model's root, as the repository has them (`onnx/…`). */
  readonly files: readonly ImportEntry[];
  /** Picked files transformers.js never reads (READMEs, PyTorch weights, hidden files). */
  readonly skipped: readonly string[];
  readonly totalBytes: number;
}

/** A Whisper export: `encoder_model*.onnx` + `decoder_model_merged*.onnx` and its JSON files. */
export interface SpeechImportPlan extends PlanFiles {
  readonly kind: 'speech';
  /** Precisions present for each sub-model. */
  readonly encoders: readonly Dtype[];
  readonly decoders: readonly Dtype[];
}

/** A decoder-only export: `onnx/model{suffix}.onnx`, `config.json` and the tokenizer files. */
export interface ChatImportPlan extends PlanFiles {
  readonly kind: 'chat';
  /** The app's chat precisions present (other weights, such as `_int8`, are copied too). */
  readonly dtypes: readonly LocalDtype[];
  /** Files Zimu writes itself because the folder lacks them (see {@link EMPTY_GENERATION_CONFIG}). */
  readonly added: readonly string[];
}

/** SenseVoice's sherpa-onnx export: `model.int8.onnx` and `tokens.txt` at the root. */
export interface SenseVoiceImportPlan extends PlanFiles {
  readonly kind: 'sensevoice';
}

export type ImportPlan = SpeechImportPlan | SenseVoiceImportPlan | ChatImportPlan;

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
const CHAT_DTYPES = LOCAL_PRECISIONS.filter((p): p is LocalDtype => p !== 'auto');
/** What transformers.js reads: JSON and text at the root, graphs and their external data in `onnx/`. */
const WANTED = /^(?:[^/]+\.(?:json|txt)|onnx\/[^/]+\.onnx(?:_data(?:_\d+)?)?)$/;
const BARE_WEIGHTS = /^[^/]+\.onnx(?:_data(?:_\d+)?)?$/;
/** transformers.js' `REPO_ID_REGEX` and `isValidHfModelId`: other ids are never looked up. */
const REPO_ID = /^(\b[\w\-.]+\b\/)?\b[\w\-.]{1,96}\b$/;
/** Weights that show which layout a folder is meant to be, in any precision (`_int8`, `_bnb4`…). */
const SPEECH_MARKS = [/^preprocessor_config\.json$/, /^onnx\/encoder_model(?:_\w+)?\.onnx$/, /^onnx\/decoder_model_merged(?:_\w+)?\.onnx$/];
const CHAT_MARKS = [/^onnx\/model(?:_\w+)?\.onnx$/];
/**
 * `generation_config.json` is optional for a causal LM: without it transformers.js starts from
 * `config.json` and applies `this.generation_config ?? {}` (`PreTrainedModel._prepare_generation_config`
 * in 4.3.2), so an empty object loads identically. Offline, though, the missing file's request
 * fails instead of answering 404 and the load fails, so a folder without one gets `{}` stored.
 */
const EMPTY_GENERATION_CONFIG = 'generation_config.json';

/** Entries from a directory picker (`webkitRelativePath`) or a plain multi-file selection (names). */
export function entriesFromFiles(files: Iterable<File>): ImportEntry[] {
  return Array.from(files, (file) => ({ path: file.webkitRelativePath || file.name, blob: file }));
}

/** Whether transformers.js would accept the id (and so look it up in the cache). Pure. */
export function isValidModelId(id: string): boolean {
  return REPO_ID.test(id) && !id.includes('..') && !id.includes('--') && !id.endsWith('.git');
}

/**
 * Finds the model inside the picked files, tells which kind it is and checks it is complete. A
 * Whisper folder needs every JSON file its pipeline reads (`generation_config.json` too: offline,
 * even an optional file's fetch fails the load) and at least one encoder and one decoder; a chat
 * folder needs `config.json`, the tokenizer files and `onnx/model*.onnx` in one of the app's
 * precisions. A folder that is neither gets the missing files of the layout it comes closest to. Pure.
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
  const senseVoice = senseVoicePlan(files, { suggestedId: suggestId(root), skipped });
  if (senseVoice) return { type: 'plan', plan: senseVoice };
  const has = new Set(files.map((f) => f.path));
  const layout = closestLayout(speechLayout(has), chatLayout(has));
  if (layout.missing.length > 0) return { type: 'error', error: { code: 'missing-files', missing: layout.missing } };
  const base = { suggestedId: suggestId(root), skipped };
  if (layout.kind === 'speech') {
    const { encoders, decoders } = layout;
    return { type: 'plan', plan: { kind: 'speech', ...base, files, encoders, decoders, totalBytes: sizeOf(files) } };
  }
  const added = has.has(EMPTY_GENERATION_CONFIG) ? [] : [EMPTY_GENERATION_CONFIG];
  const all = [...files, ...added.map((path) => ({ path, blob: new Blob(['{}'], { type: 'application/json' }) }))];
  return { type: 'plan', plan: { kind: 'chat', ...base, files: all, dtypes: layout.dtypes, added, totalBytes: sizeOf(all) } };
}

interface LayoutCheck {
  readonly missing: readonly string[];
  /** How many of the layout's own marks the folder has: which layout it was meant to be. */
  readonly marks: number;
}
type SpeechLayout = LayoutCheck & { readonly kind: 'speech'; readonly encoders: readonly Dtype[]; readonly decoders: readonly Dtype[] };
type ChatLayout = LayoutCheck & { readonly kind: 'chat'; readonly dtypes: readonly LocalDtype[] };

function speechLayout(has: ReadonlySet<string>): SpeechLayout {
  const encoders = DTYPES.filter((dt) => has.has(onnxFile('encoder_model', dt)));
  const decoders = DTYPES.filter((dt) => has.has(onnxFile('decoder_model_merged', dt)));
  const missing: string[] = MODEL_JSON_FILES.filter((f) => !has.has(f));
  if (encoders.length === 0) missing.push('onnx/encoder_model*.onnx');
  if (decoders.length === 0) missing.push('onnx/decoder_model_merged*.onnx');
  return { kind: 'speech', encoders, decoders, missing, marks: marksIn(has, SPEECH_MARKS) };
}

function chatLayout(has: ReadonlySet<string>): ChatLayout {
  const dtypes = CHAT_DTYPES.filter((dt) => has.has(chatWeightFile(dt)));
  const missing: string[] = LOCAL_JSON_FILES.filter((f) => f !== EMPTY_GENERATION_CONFIG && !has.has(f));
  if (dtypes.length === 0) missing.push('onnx/model*.onnx');
  return { kind: 'chat', dtypes, missing, marks: marksIn(has, CHAT_MARKS) };
}

/** A complete layout (Whisper first, as before chat folders were known); else the one the folder's weights point to; else the nearer. */
function closestLayout(speech: SpeechLayout, chat: ChatLayout): SpeechLayout | ChatLayout {
  if (speech.missing.length === 0) return speech;
  if (chat.missing.length === 0) return chat;
  if (speech.marks !== chat.marks) return speech.marks > chat.marks ? speech : chat;
  return chat.missing.length < speech.missing.length ? chat : speech;
}

function marksIn(has: ReadonlySet<string>, marks: readonly RegExp[]): number {
  return marks.filter((mark) => [...has].some((path) => mark.test(path))).length;
}

function chatWeightFile(dtype: LocalDtype): string {
  return `onnx/model${LOCAL_DTYPE_SUFFIX[dtype]}.onnx`;
}

function sizeOf(files: readonly ImportEntry[]): number {
  return files.reduce((sum, f) => sum + f.blob.size, 0);
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

/** The Whisper weight files a plan lacks for a precision config: loading it on that device would need the network. Pure. */
export function missingFor(plan: SpeechImportPlan, dtypes: DtypeConfig): string[] {
  const missing: string[] = [];
  if (!plan.encoders.includes(dtypes.encoder_model)) missing.push(onnxFile('encoder_model', dtypes.encoder_model));
  if (!plan.decoders.includes(dtypes.decoder_model_merged)) missing.push(onnxFile('decoder_model_merged', dtypes.decoder_model_merged));
  return missing;
}

/**
 * The chat weights a plan lacks for the precision the app loads on a device (`localDtypeFor`):
 * loading it there would need the network. Pure.
 * @example
 * missingChatFor(plan, localDtypeFor('webgpu', true)); // ['onnx/model_q4f16.onnx'] for a q4-only folder
 */
export function missingChatFor(plan: ChatImportPlan, dtype: LocalDtype): string[] {
  return plan.dtypes.includes(dtype) ? [] : [chatWeightFile(dtype)];
}
