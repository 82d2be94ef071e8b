import { env } from '@huggingface/transformers';
// ONNX Runtime's WASM, served from this origin at the version transformers.js pins (never the CDN default).
import ortWasmMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { wasmThreadCount } from './device.ts';

let configured = false;

/**
 * Sets transformers.js up the same way in every worker that runs a model (speech, language
 * model): models only from the host the user chose, ONNX Runtime from our own URLs, and as
 * many WASM threads as the page may use. Idempotent.
 */
export function configureOnnxRuntime(): void {
  if (configured) return;
  configured = true;
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  // transformers.js 4 would copy ONNX Runtime's .wasm and .mjs into its model cache and import the
  // .mjs from a blob: URL (ensureWasmLoaded in its web backend). Ours are self-hosted and cached by
  // the service worker's engine cache already, and a blob: script would need `script-src blob:`
  // in the Content-Security-Policy: ONNX Runtime loads them from our URLs instead.
  env.useWasmCache = false;
  // transformers.js keeps the `fetch` it found when it loaded; this one is looked up per request, so
  // model downloads go through the privacy ledger's fetch (privacy/install.ts), strict offline included.
  env.fetch = (input: string | URL, init?: RequestInit) => globalThis.fetch(input, init);
  const onnx = env.backends.onnx;
  if (onnx.wasm) {
    onnx.wasm.wasmPaths = { mjs: new URL(ortWasmMjs, self.location.href).href, wasm: new URL(ortWasm, self.location.href).href };
    onnx.wasm.numThreads = wasmThreadCount();
  }
}
