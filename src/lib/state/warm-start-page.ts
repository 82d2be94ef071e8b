import { warmMediaEngine } from '../media/media-client.ts';
import { cachedFiles } from '../storage/model-cache.ts';
import { engineModelFiles } from '../transcription/engine-catalog.ts';
import { prepareEngine } from '../transcription/transcriber.ts';
import { resolveDevice } from './models.svelte.ts';
import type { OfflineState } from './offline.svelte.ts';
import type { ConnectionHints, WarmStartDeps } from './warm-start.ts';

function connectionHints(): ConnectionHints | undefined {
  const connection: unknown = Reflect.get(navigator, 'connection');
  if (typeof connection !== 'object' || connection === null) return undefined;
  const saveData: unknown = Reflect.get(connection, 'saveData');
  const type: unknown = Reflect.get(connection, 'type');
  return { saveData: saveData === true, type: typeof type === 'string' ? type : undefined };
}

/**
 * Warm-up's view of this page: the engine cache (through `offline`), the model cache, the workers.
 * While a file is being recognised (`busy`), the model is left alone: loading another one would
 * replace the engine the run uses.
 */
export function pageWarmStartDeps(offline: OfflineState, busy: () => boolean): WarmStartDeps {
  return {
    connection: connectionHints(),
    enginesCached: async () => {
      await offline.refresh();
      return offline.status === 'ready';
    },
    modelCached: async (settings) => {
      const { device } = await resolveDevice(settings.device);
      const { missing } = await cachedFiles(settings.source.host, settings.source.modelId, engineModelFiles(settings.speechEngine, device, settings.precision));
      return missing.length === 0;
    },
    warmMedia: () => warmMediaEngine(),
    warmModel: async (settings) => {
      if (busy()) throw new Error('a run is using the engine');
      await prepareEngine({ speechEngine: settings.speechEngine, source: settings.source, device: settings.device, precision: settings.precision }, {});
    },
  };
}
