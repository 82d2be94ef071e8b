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
