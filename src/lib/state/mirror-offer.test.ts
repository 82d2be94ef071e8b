import { describe, expect, it } from 'vitest';
import type { RunSettings } from './job.svelte.ts';
import { DEFAULT_RUN_SETTINGS } from './run-settings.testing.ts';
import { MirrorOffer } from './mirror-offer.svelte.ts';

function run(host: string): RunSettings {
  return { ...DEFAULT_RUN_SETTINGS, source: { host, modelId: 'onnx-community/whisper-base' } };
}

const blocked = () => Promise.reject(new TypeError('Failed to fetch'));
const answers = async () => new Response(null, { status: 200 });

describe('MirrorOffer', () => {
  it('offers the mirror when the hub does not answer for a model that is not cached', async () => {
    const offer = new MirrorOffer({ fetch: blocked, isCached: async () => false, timeoutMs: 50 });
    await offer.check(run('https://huggingface.co'));
    expect(offer.unreachable).toBe('https://huggingface.co');
    offer.dismiss();
    expect(offer.unreachable).toBeUndefined();
  });

  it('offers nothing when the hub answers, the model is cached, or the host is not the hub', async () => {
    const asked: string[] = [];
    const cases: [MirrorOffer, RunSettings][] = [
      [new MirrorOffer({ fetch: answers, isCached: async () => false }), run('https://huggingface.co')],
      [new MirrorOffer({ fetch: async (url) => { asked.push(url); return blocked(); }, isCached: async () => true }), run('https://huggingface.co')],
      [new MirrorOffer({ fetch: async (url) => { asked.push(url); return blocked(); }, isCached: async () => false }), run('https://hf-mirror.com')],
    ];
    for (const [offer, settings] of cases) {
      await offer.check(settings);
      expect(offer.unreachable).toBeUndefined();
    }
    expect(asked).toEqual([]); // a cached model, or another host, is not even checked
  });

  it('forgets a check that a newer one (or a dismissal) replaced', async () => {
    let release: () => void = () => undefined;
    let asked: () => void = () => undefined;
    const fetching = new Promise<void>((resolve) => (asked = resolve));
    const slow = () => {
      asked();
      return new Promise<Response>((_resolve, reject) => (release = () => reject(new TypeError('Failed to fetch'))));
    };
    const offer = new MirrorOffer({ fetch: slow, isCached: async () => false, timeoutMs: 10_000 });
    const first = offer.check(run('https://huggingface.co'));
    await fetching;
    offer.dismiss();
    release();
    await first;
    expect(offer.unreachable).toBeUndefined();
  });
});
