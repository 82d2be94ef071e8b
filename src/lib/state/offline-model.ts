import { prepareEngine } from '../transcription/transcriber.ts';
import type { EngineOptions } from '../transcription/transcriber-protocol.ts';
import type { ModelDownload } from './offline.svelte.ts';

/**
 * The chosen model, downloaded for offline use by loading it in the transcriber worker:
 * transformers.js stores every file in its own cache as it loads them (the service worker never
 * stores a second copy), and the loaded model is then warm for the next file.
 */
export function modelDownload(engine: EngineOptions): ModelDownload {
  return async (onBytes, signal) => {
    const files = new Map<string, { readonly loaded: number; readonly total: number }>();
    await prepareEngine(engine, {
      signal,
      onEvent: (event) => {
        if (event.type !== 'download') return;
        files.set(event.file, { loaded: event.loaded, total: event.total });
        let loaded = 0;
        let total = 0;
        for (const file of files.values()) {
          loaded += file.loaded;
          total += Math.max(file.total, file.loaded);
        }
        onBytes(loaded, total);
      },
    });
  };
}
