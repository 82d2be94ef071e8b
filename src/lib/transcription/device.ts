import type { Device, DevicePreference } from './models.ts';

/**
 * Picks the device by capability, never by user agent: WebGPU when an adapter exists.
 * `navigator.gpu` alone is not enough (it exists on machines with no usable adapter).
 */
export async function detectDevice(preference: DevicePreference): Promise<Device> {
  if (preference !== 'auto') return preference;
  const gpu = 'gpu' in navigator ? navigator.gpu : undefined;
  try {
    return (await gpu?.requestAdapter()) ? 'webgpu' : 'wasm';
  } catch {
    return 'wasm';
  }
}

/** Threads for ONNX Runtime's WASM backend: more than one needs cross-origin isolation. */
export function wasmThreadCount(): number {
  if (!self.crossOriginIsolated) return 1;
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
}

export interface GpuCapabilities {
  readonly webgpu: boolean;
  /** fp16 shaders: only then are fp16 encoders worth offering. */
  readonly shaderF16: boolean;
}

/** What this browser's GPU can do, asked of the adapter itself. */
export async function gpuCapabilities(): Promise<GpuCapabilities> {
  try {
    const adapter = 'gpu' in navigator ? await navigator.gpu.requestAdapter() : null;
    return { webgpu: adapter !== null, shaderF16: adapter?.features.has('shader-f16') ?? false };
  } catch {
    return { webgpu: false, shaderF16: false };
  }
}
