import type { Device } from '../../transcription/models.ts';

/**
 * The in-browser language models Zimu offers by name, and the rules for running them. Every id is
 * an `onnx-community` export in the layout `AutoModelForCausalLM` reads (`config.json`,
 * `tokenizer.json`… at the root, `onnx/model{suffix}.onnx`); any other repository in that layout
 * can be typed in as a free-text id. Pure.
 */

/** Weight formats of a decoder-only export, as transformers.js names them. */
export type LocalDtype = 'q4f16' | 'q4' | 'q8' | 'fp16' | 'fp32';
/** `auto` picks by device (see {@link localDtypeFor}); anything else is the user's override. */
export type LocalPrecision = 'auto' | LocalDtype;
export const LOCAL_PRECISIONS: readonly LocalPrecision[] = ['auto', 'q4f16', 'q4', 'q8', 'fp16', 'fp32'];

/** File name suffix per dtype (`onnx/model_q4f16.onnx`…). */
export const LOCAL_DTYPE_SUFFIX: Readonly<Record<LocalDtype, string>> = { q4f16: '_q4f16', q4: '_q4', q8: '_quantized', fp16: '_fp16', fp32: '' };

/** What a model is good at, shown as short labels in the picker. */
export type LocalTrait = 'fastest' | 'chinese' | 'quality';

export interface LocalModelEntry {
  readonly id: string;
  readonly name: string;
  readonly paramsMillions: number;
  readonly traits: readonly LocalTrait[];
  /** A model that thinks aloud unless told not to (Qwen3: `enable_thinking: false`). */
  readonly thinks: boolean;
  /** Devices on which it answers at a useful speed. */
  readonly devices: readonly Device[];
}

/**
 * Ids checked against the hub's file listings: `onnx-community/Qwen2.5-0.5B-Instruct` (q4f16
 * 483 MB, q4 786 MB, q8 512 MB), `onnx-community/Qwen2.5-1.5B-Instruct` (q4f16 1.22 GB, q4 1.79 GB)
 * and `onnx-community/Qwen3-0.6B-ONNX`. No ONNX export of a translation-only model (such as
 * HY-MT 1.5) was found in the hub's layout, so none is offered; the free-text id takes one.
 */
export const LOCAL_CATALOG: readonly LocalModelEntry[] = [
  { id: 'onnx-community/Qwen2.5-0.5B-Instruct', name: 'Qwen2.5 0.5B Instruct', paramsMillions: 494, traits: ['fastest'], thinks: false, devices: ['wasm', 'webgpu'] },
  { id: 'onnx-community/Qwen3-0.6B-ONNX', name: 'Qwen3 0.6B', paramsMillions: 596, traits: ['chinese'], thinks: true, devices: ['wasm', 'webgpu'] },
  { id: 'onnx-community/Qwen2.5-1.5B-Instruct', name: 'Qwen2.5 1.5B Instruct', paramsMillions: 1544, traits: ['chinese', 'quality'], thinks: false, devices: ['webgpu'] },
];

/** The catalog entry for an id, if it is one of ours. */
export function localCatalogEntry(modelId: string): LocalModelEntry | undefined {
  return LOCAL_CATALOG.find((entry) => entry.id === modelId.trim());
}

/**
 * Whether to ask a model not to think aloud: our Qwen3 entries, and any free-text Qwen3 id
 * (its chat template reads `enable_thinking`; other templates ignore the variable).
 */
export function thinksAloud(modelId: string): boolean {
  return localCatalogEntry(modelId)?.thinks ?? /qwen3/i.test(modelId);
}

/** The model a first-time user gets: the smallest on WASM, Qwen3 (better at Chinese) on a GPU. */
export function defaultLocalModel(device: Device): string {
  return device === 'webgpu' ? 'onnx-community/Qwen3-0.6B-ONNX' : 'onnx-community/Qwen2.5-0.5B-Instruct';
}

/**
 * The weights to load: on WebGPU 4-bit with fp16 activations where the adapter has
 * `shader-f16`, else 4-bit with fp32; on WASM 8-bit. `npm run bench:llm` measured ONNX Runtime's
 * WASM build decoding q8 7.7× faster than q4 (13.5 vs 1.8 tokens/s, 2 threads, Qwen2.5-0.5B's
 * dimensions) where natively the two are equal, and Qwen2.5-0.5B's q8 file is the smaller one too.
 *
 * @example
 * localDtypeFor('webgpu', true); // 'q4f16'
 * localDtypeFor('wasm', false); // 'q8'
 */
export function localDtypeFor(device: Device, shaderF16: boolean, precision: LocalPrecision = 'auto'): LocalDtype {
  if (precision !== 'auto') return precision;
  if (device === 'wasm') return 'q8';
  return shaderF16 ? 'q4f16' : 'q4';
}

/** The JSON files `AutoTokenizer` + `AutoModelForCausalLM` read besides the weights. */
export const LOCAL_JSON_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/** Every file a load at `dtype` fetches (external `.onnx_data` files are found by probing). */
export function localModelFiles(dtype: LocalDtype): string[] {
  return [...LOCAL_JSON_FILES, `onnx/model${LOCAL_DTYPE_SUFFIX[dtype]}.onnx`];
}

/**
 * How requests to a small in-browser model are sized. transformers.js 4 gets markedly slower per
 * token beyond about 2k tokens of context, and small models lose the thread in long prompts, so
 * each request stays under `maxPromptTokens`, answers are short, and batches are small.
 */
export const LOCAL_LIMITS = {
  /** The context a summary is planned for (map-reduce beyond it). */
  contextTokens: 2048,
  /** A prompt longer than this is refused rather than run slowly. */
  maxPromptTokens: 1536,
  /** The longest answer; a summary section list fits well within it. */
  maxNewTokens: 768,
  /** Cues per translation request. */
  batchSize: 6,
  /** Untranslated lines of context around a batch. */
  contextLines: 1,
} as const;
