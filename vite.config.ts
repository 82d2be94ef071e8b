/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Cross-origin isolation makes `crossOriginIsolated` true, which ONNX Runtime needs for
 * SharedArrayBuffer threads. `require-corp` (not `credentialless`) because Safari only knows
 * the former; cross-origin model hosts pass it through CORS, which the hub and mirrors send.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  publicDir: 'static',
  plugins: [svelte()],
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  // Both locate their .wasm/.mjs files next to their own modules; pre-bundling would move them
  // (transformers.js docs, "Usage with Vite").
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
  build: { target: 'es2023', chunkSizeWarningLimit: 2048 },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // A stray `.only` must not pass CI with most of the suite skipped.
    allowOnly: !process.env.CI,
  },
});
