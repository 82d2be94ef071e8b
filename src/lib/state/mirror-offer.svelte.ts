import type { Fetch } from '../transcription/catalog.ts';
import { probeHost } from '../transcription/host-probe.ts';
import { HF_MIRROR_HOST } from '../transcription/languages.ts';
import { HUGGING_FACE_HOST, normalizeHost } from '../transcription/models.ts';
import type { RunSettings } from './job.svelte.ts';

/** What the mirror offer needs from the browser; tests pass their own. */
export interface MirrorOfferDeps {
  readonly fetch: Fetch;
  /** Whether the model is already in the cache (then the host is not needed at all). */
  readonly isCached: (host: string, modelId: string) => Promise<boolean>;
  /** How long the hub may take to answer before the mirror is offered. */
  readonly timeoutMs?: number;
}

/**
 * Where huggingface.co is blocked (mainland China), a model load waits a long time and then fails
 * as if the model name were wrong. When a run needs the hub for a model that is not cached, the hub
 * is asked first, briefly; if it does not answer, the mirror is offered (one click, remembered in
 * the settings) while the run goes on waiting.
 */
export class MirrorOffer {
  /** The host that did not answer; undefined when there is nothing to offer. */
  unreachable = $state<string | undefined>();
  readonly mirror = HF_MIRROR_HOST;
  readonly #deps: MirrorOfferDeps;
  #checking = 0;

  constructor(deps: MirrorOfferDeps) {
    this.#deps = deps;
  }

  /** Checks the hub for a run about to load this model; only the hub has a mirror to offer. */
  async check(settings: RunSettings): Promise<void> {
    const check = ++this.#checking;
    this.unreachable = undefined;
    const { host, modelId } = settings.source;
    if (normalizeHost(host) !== normalizeHost(HUGGING_FACE_HOST)) return;
    if (await this.#deps.isCached(host, modelId).catch(() => false)) return;
    const answer = await probeHost(host, modelId, this.#deps.fetch, this.#deps.timeoutMs ?? 4000);
    if (check === this.#checking && answer === 'unreachable') this.unreachable = host;
  }

  dismiss(): void {
    this.#checking++;
    this.unreachable = undefined;
  }
}
