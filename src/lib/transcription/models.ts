/** Where models come from and which one: both are user settings. */
export interface ModelSource {
  /** Base URL serving the hub's layout: `{host}/{model}/resolve/main/{file}`. */
  readonly host: string;
  /** Repository id, e.g. `onnx-community/whisper-base`. */
  readonly modelId: string;
}

export const HUGGING_FACE_HOST = 'https://huggingface.co';
export const DEFAULT_MODEL_ID = 'onnx-community/whisper-base';

export type Device = 'webgpu' | 'wasm';
export type DevicePreference = 'auto' | Device;

export type Dtype = 'fp32' | 'fp16' | 'q8' | 'q4';
/** `auto` picks the known-good precision for the device; anything else is the user's override. */
export type Precision = 'auto' | Dtype;

/** Per-sub-model precision, as transformers.js takes it. */
export type DtypeConfig = Readonly<Record<'encoder_model' | 'decoder_model_merged', Dtype>>;

/**
 * Known-good precision per device (transformers.js maintainers' whisper-webgpu example):
 * WebGPU runs a full-precision encoder and a 4-bit decoder; q8/fp16 decoders misbehave there.
 * WASM runs 8-bit both, its fastest path on CPU. An override applies to both sub-models.
 */
export function dtypeFor(device: Device, precision: Precision = 'auto'): DtypeConfig {
  if (precision !== 'auto') return { encoder_model: precision, decoder_model_merged: precision };
  return device === 'webgpu'
    ? { encoder_model: 'fp32', decoder_model_merged: 'q4' }
    : { encoder_model: 'q8', decoder_model_merged: 'q8' };
}

/** The host with exactly one trailing slash, as transformers.js' `env.remoteHost` wants it. */
export function normalizeHost(host: string): string {
  return host.trim().replace(/\/+$/, '') + '/';
}
