/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { ENGINE_GLOBS, ENGINE_MANIFEST, engineKindOf, type EngineFile } from './src/lib/offline/engines.ts';
import { ISOLATION_HEADERS } from './src/lib/offline/isolation.ts';
import { webAppManifest } from './src/lib/offline/web-app-manifest.ts';

/**
 * Writes `engines.json` beside index.html: the engine files this build emitted (ffmpeg core,
 * ONNX Runtime, Silero VAD) and their sizes. The page shows them in "Make available offline" and
 * downloads them into the engine cache; the service worker drops older builds' files with it.
 */
function engineManifest(): Plugin {
  return {
    name: 'zimu-engine-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files: EngineFile[] = [];
      for (const output of Object.values(bundle)) {
        const kind = engineKindOf(output.fileName);
        if (!kind) continue;
        const bytes = output.type === 'asset' ? (typeof output.source === 'string' ? Buffer.byteLength(output.source) : output.source.byteLength) : Buffer.byteLength(output.code);
        files.push({ url: output.fileName, bytes, kind });
      }
      files.sort((a, b) => a.url.localeCompare(b.url));
      this.emitFile({ type: 'asset', fileName: ENGINE_MANIFEST, source: JSON.stringify(files) });
    },
  };
}

export default defineConfig({
  publicDir: 'static',
  plugins: [
    svelte(),
    engineManifest(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'service-worker.ts',
      // Registered by src/main.ts through virtual:pwa-register/svelte; updates wait for the user.
      injectRegister: false,
      registerType: 'prompt',
      manifest: webAppManifest,
      injectManifest: {
        // The app shell only: the engines (tens of MB) are cached on first use or on request.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest,json,mp4}'],
        globIgnores: [...ENGINE_GLOBS],
      },
    }),
  ],
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
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
