import { describe, expect, it } from 'vitest';
import type { RunSettings } from './job.svelte.ts';
import { DEFAULT_RUN_SETTINGS } from './run-settings.testing.ts';
import { metered, warmStart, type WarmStartDeps } from './warm-start.ts';

const settings = DEFAULT_RUN_SETTINGS;

/** Dependencies where everything is cached; `warmed` records what warm-up started. */
function deps(overrides: Partial<WarmStartDeps> = {}): WarmStartDeps & { readonly warmed: string[] } {
  const warmed: string[] = [];
  return {
    warmed,
    enginesCached: async () => true,
    modelCached: async () => true,
    warmMedia: async () => warmed.push('media'),
    warmModel: async (run: RunSettings) => warmed.push(`model ${run.source.modelId}`),
    ...overrides,
  };
}

describe('warmStart', () => {
  it('compiles ffmpeg and opens the model when both are cached', async () => {
    const d = deps();
    expect(await warmStart(settings, d)).toEqual({ media: true, model: true });
    expect(d.warmed).toEqual(['media', 'model onnx-community/whisper-base']);
  });

  it('never downloads: no engines cached, nothing warmed; no model cached, only ffmpeg', async () => {
    const none = deps({ enginesCached: async () => false });
    expect(await warmStart(settings, none)).toEqual({ media: false, model: false });
    expect(none.warmed).toEqual([]);
    const noModel = deps({ modelCached: async () => false });
    expect(await warmStart(settings, noModel)).toEqual({ media: true, model: false });
    expect(noModel.warmed).toEqual(['media']);
  });

  it('does nothing on a metered connection', async () => {
    for (const connection of [{ saveData: true }, { type: 'cellular' }]) {
      const d = deps({ connection });
      expect(await warmStart(settings, d)).toEqual({ media: false, model: false });
      expect(d.warmed).toEqual([]);
    }
    expect(metered({ type: 'wifi', saveData: false })).toBe(false);
    expect(metered(undefined)).toBe(false);
  });

  it('shrugs off failures', async () => {
    const d = deps({ warmMedia: () => Promise.reject(new Error('no')), warmModel: () => Promise.reject(new Error('no')) });
    expect(await warmStart(settings, d)).toEqual({ media: false, model: false });
  });
});
