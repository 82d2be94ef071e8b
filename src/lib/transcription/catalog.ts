import type { GpuCapabilities } from './device.ts';
import { normalizeHost, type Device, type Dtype, type DtypeConfig } from './models.ts';

/**
 * The Whisper models Zimu offers by name. Every id is an `onnx-community` export in the layout
 * transformers.js reads (`config.json`… at the root, weights in `onnx/`); any other repository
 * in that layout can still be typed in as a free-text id.
 */

export type Speed = 'fastest' | 'fast' | 'moderate' | 'slow';
export type Quality = 'basic' | 'fair' | 'good' | 'best';

export interface CatalogEntry {
  readonly id: string;
  readonly name: string;
  /** English-only models (`.en`) are a little more accurate on English and know no other language. */
  readonly multilingual: boolean;
  /** Approximate parameter count, in millions (from the upstream model cards). */
  readonly paramsMillions: number;
  readonly speed: Speed;
  readonly quality: Quality;
  /** Devices on which the model runs at a useful speed. */
  readonly devices: readonly Device[];
}

export const MODEL_CATALOG: readonly CatalogEntry[] = [
  { id: 'onnx-community/whisper-tiny', name: 'Whisper tiny', multilingual: true, paramsMillions: 39, speed: 'fastest', quality: 'basic', devices: ['wasm', 'webgpu'] },
  { id: 'onnx-community/whisper-tiny.en', name: 'Whisper tiny.en', multilingual: false, paramsMillions: 39, speed: 'fastest', quality: 'basic', devices: ['wasm', 'webgpu'] },
  { id: 'onnx-community/whisper-base', name: 'Whisper base', multilingual: true, paramsMillions: 74, speed: 'fast', quality: 'fair', devices: ['wasm', 'webgpu'] },
  { id: 'onnx-community/whisper-base.en', name: 'Whisper base.en', multilingual: false, paramsMillions: 74, speed: 'fast', quality: 'fair', devices: ['wasm', 'webgpu'] },
  { id: 'onnx-community/whisper-small', name: 'Whisper small', multilingual: true, paramsMillions: 244, speed: 'moderate', quality: 'good', devices: ['webgpu'] },
  { id: 'onnx-community/whisper-small.en', name: 'Whisper small.en', multilingual: false, paramsMillions: 244, speed: 'moderate', quality: 'good', devices: ['webgpu'] },
  // Distilled: small's encoder with a 2-layer decoder, so it decodes several times faster than small.
  { id: 'onnx-community/distil-small.en', name: 'Distil-Whisper small.en', multilingual: false, paramsMillions: 166, speed: 'fast', quality: 'good', devices: ['webgpu', 'wasm'] },
  // large-v3's encoder with a 4-layer decoder: large-class accuracy, but a multi-GB download.
  { id: 'onnx-community/whisper-large-v3-turbo', name: 'Whisper large-v3 turbo', multilingual: true, paramsMillions: 809, speed: 'slow', quality: 'best', devices: ['webgpu'] },
];

/** The catalog entry for an id, if it is one of ours. */
export function catalogEntry(modelId: string): CatalogEntry | undefined {
  return MODEL_CATALOG.find((entry) => entry.id === modelId.trim());
}

/**
 * The model to suggest for a device: base on the CPU (small is several times slower there),
 * small on a WebGPU adapter, large-v3 turbo when the adapter also has `shader-f16` (a sign of a
 * recent, capable GPU). Pure.
 * @example defaultModelFor('wasm', { shaderF16: false }) // → 'onnx-community/whisper-base'
 */
export function defaultModelFor(device: Device, gpu: Pick<GpuCapabilities, 'shaderF16'>): string {
  if (device === 'wasm') return 'onnx-community/whisper-base';
  return gpu.shaderF16 ? 'onnx-community/whisper-large-v3-turbo' : 'onnx-community/whisper-small';
}

/** transformers.js' file-name suffix per precision (its `DEFAULT_DTYPE_SUFFIX_MAPPING`). */
export const DTYPE_SUFFIX: Readonly<Record<Dtype, string>> = { fp32: '', fp16: '_fp16', q8: '_quantized', q4: '_q4' };

/** The JSON files a Whisper pipeline reads besides the weights. */
export const MODEL_JSON_FILES = [
  'config.json',
  'generation_config.json',
  'preprocessor_config.json',
  'tokenizer.json',
  'tokenizer_config.json',
] as const;

/** Where transformers.js looks for a sub-model's weights at a precision. */
export function onnxFile(subModel: keyof DtypeConfig, dtype: Dtype): string {
  return `onnx/${subModel}${DTYPE_SUFFIX[dtype]}.onnx`;
}

/**
 * Every file the speech-recognition pipeline fetches for a precision config, as paths inside
 * the repository. Models too big for one protobuf also have `….onnx_data` files; those are
 * discovered by `downloadSize`. Pure.
 */
export function modelFiles(dtypes: DtypeConfig): string[] {
  return [...MODEL_JSON_FILES, onnxFile('encoder_model', dtypes.encoder_model), onnxFile('decoder_model_merged', dtypes.decoder_model_merged)];
}

/**
 * The URL transformers.js fetches a repository file from, and the key it caches it under
 * (`buildResourcePaths`: `pathJoin(env.remoteHost, '{model}/resolve/{revision}/', file)`). Pure.
 */
export function modelFileUrl(host: string, modelId: string, file: string): string {
  return `${normalizeHost(host).replace(/\/$/, '')}/${modelId.trim()}/resolve/main/${file}`;
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface SizedFile {
  readonly file: string;
  /** Undefined when the server did not say. */
  readonly bytes: number | undefined;
}

/** What a model will cost to download, learnt before downloading it. */
export type DownloadSize =
  /** `exact` is false when a small (JSON) file's size is unknown: the total is then a floor. */
  | { readonly type: 'known'; readonly files: readonly SizedFile[]; readonly totalBytes: number; readonly exact: boolean }
  /** The host answered 404: a wrong id, or a repository without this precision. */
  | { readonly type: 'missing'; readonly files: readonly string[] }
  /** Offline, blocked, or a server that gives no sizes. */
  | { readonly type: 'unknown' };

type Probe = { readonly type: 'size'; readonly bytes: number | undefined } | { readonly type: 'absent' } | { readonly type: 'failed' };

/** ONNX Runtime's limit on external data chunks (transformers.js' `MAX_EXTERNAL_DATA_CHUNKS`). */
const MAX_DATA_CHUNKS = 100;

/**
 * Sizes every file a model needs for a precision config with HEAD requests, nothing downloaded.
 * Weights over 2 GB live in `….onnx_data`, `….onnx_data_1`… beside the graph; those are probed too.
 * @example
 * const size = await downloadSize('https://huggingface.co', 'onnx-community/whisper-base', dtypeFor('wasm'), fetch);
 * if (size.type === 'known') console.log(size.totalBytes);
 */
export function downloadSize(host: string, modelId: string, dtypes: DtypeConfig, fetchFn: Fetch, signal?: AbortSignal): Promise<DownloadSize> {
  return filesDownloadSize(host, modelId, modelFiles(dtypes), fetchFn, signal);
}

/** {@link downloadSize} for any model: the listed repository files, and their external data. */
export async function filesDownloadSize(host: string, modelId: string, files: readonly string[], fetchFn: Fetch, signal?: AbortSignal): Promise<DownloadSize> {
  const probe = (file: string) => probeSize(modelFileUrl(host, modelId, file), fetchFn, signal);
  const probes = await Promise.all(files.map(probe));
  const missing = files.filter((_, i) => probes[i]?.type === 'absent');
  if (missing.length > 0) return { type: 'missing', files: missing };
  if (probes.some((p) => p.type === 'failed')) return { type: 'unknown' };
  const sized = files.map((file, i): SizedFile => ({ file, bytes: sizeOf(probes[i]) }));
  for (const graph of files.filter((f) => f.endsWith('.onnx'))) {
    const data = await externalData(graph, probe);
    if (data === undefined) return { type: 'unknown' };
    sized.push(...data);
  }
  if (sized.some((f) => f.file.includes('.onnx') && f.bytes === undefined)) return { type: 'unknown' };
  const totalBytes = sized.reduce((sum, f) => sum + (f.bytes ?? 0), 0);
  return { type: 'known', files: sized, totalBytes, exact: sized.every((f) => f.bytes !== undefined) };
}

function sizeOf(probe: Probe | undefined): number | undefined {
  return probe?.type === 'size' ? probe.bytes : undefined;
}

/** `graph_data`, `graph_data_1`… until the first that is absent; undefined when a probe failed. */
async function externalData(graph: string, probe: (file: string) => Promise<Probe>): Promise<SizedFile[] | undefined> {
  const found: SizedFile[] = [];
  for (let i = 0; i < MAX_DATA_CHUNKS; i++) {
    const file = `${graph}_data${i === 0 ? '' : `_${i}`}`;
    const result = await probe(file);
    if (result.type === 'absent') return found;
    if (result.type === 'failed') return undefined;
    found.push({ file, bytes: result.bytes });
  }
  return found;
}

/**
 * HEAD, following redirects (the hub sends weights to its CDN). When HEAD gives no length, a
 * one-byte range GET does, in `Content-Range` (what transformers.js' own `get_file_metadata` uses).
 */
async function probeSize(url: string, fetchFn: Fetch, signal: AbortSignal | undefined): Promise<Probe> {
  try {
    const head = await fetchFn(url, { method: 'HEAD', redirect: 'follow', cache: 'no-store', signal });
    if (head.status === 404) return { type: 'absent' };
    const fromHead = head.ok ? lengthOf(head) : undefined;
    if (fromHead !== undefined) return { type: 'size', bytes: fromHead };
    const range = await fetchFn(url, { headers: { Range: 'bytes=0-0' }, redirect: 'follow', cache: 'no-store', signal });
    await range.body?.cancel();
    if (range.status === 404) return { type: 'absent' };
    if (!range.ok) return { type: 'failed' };
    return { type: 'size', bytes: range.status === 206 ? totalOfRange(range) : lengthOf(range) };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { type: 'failed' };
  }
}

function lengthOf(response: Response): number | undefined {
  // The hub also says `X-Linked-Size` on LFS redirects; Content-Length is the final answer.
  return parseBytes(response.headers.get('content-length')) ?? parseBytes(response.headers.get('x-linked-size'));
}

function totalOfRange(response: Response): number | undefined {
  const match = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  return parseBytes(match?.[1] ?? null);
}

function parseBytes(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}
