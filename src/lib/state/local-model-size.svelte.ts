import { localDtypeFor, localModelFiles } from '../llm/local/local-catalog.ts';
import type { LocalModelOptions } from '../llm/local/local-protocol.ts';
import { normalizeHost } from '../transcription/models.ts';
import { resolveDevice, sizeEstimateFor, type SizeEstimate } from './models.svelte.ts';

/** Waits before asking the host, so typing an id sends no request for every keystroke. */
const SETTLE_MS = 500;

/** The download size of the chosen in-browser model, for the device it will run on. One per picker. */
export class LocalSizeEstimate {
  estimate = $state.raw<SizeEstimate>({ status: 'checking' });
  #controller: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Re-estimates for another model, source or device; an older check still running is dropped. */
  update(model: LocalModelOptions): void {
    this.dispose();
    this.estimate = { status: 'checking' };
    const controller = new AbortController();
    this.#controller = controller;
    this.#timer = setTimeout(() => {
      localModelSize(model, controller.signal).then(
        (estimate) => controller.signal.aborted || (this.estimate = estimate),
        () => controller.signal.aborted || (this.estimate = { status: 'unknown' }),
      );
    }, SETTLE_MS);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#controller?.abort();
  }
}

/**
 * The download size of an in-browser model for the device it will run on: what is stored
 * already, else what the host says (HEAD requests, nothing downloaded).
 */
export async function localModelSize(model: LocalModelOptions, signal?: AbortSignal): Promise<SizeEstimate> {
  const { device, shaderF16 } = await resolveDevice(model.device);
  const host = normalizeHost(model.source.host);
  const modelId = model.source.modelId.trim();
  return sizeEstimateFor(host, modelId, localModelFiles(localDtypeFor(device, shaderF16, model.precision)), device, signal);
}
