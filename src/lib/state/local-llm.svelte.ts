import { toAppError, type AppError } from '../errors.ts';
import type { Complete } from '../llm/chat.ts';
import { LOCAL_LIMITS } from '../llm/local/local-catalog.ts';
import { loadLocalModel, localComplete, unloadLocalModel, type LocalRunHooks } from '../llm/local/local-client.ts';
import type { LocalLlmEvent, LocalModelOptions, LocalModelReady } from '../llm/local/local-protocol.ts';
import { normalizeHost } from '../transcription/models.ts';

export type LocalLlmStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface FileProgress {
  readonly loaded: number;
  readonly total: number;
}

/** What the state needs of the worker; tests pass stand-ins. */
export interface LocalLlmDeps {
  readonly load: (model: LocalModelOptions, hooks: LocalRunHooks) => Promise<LocalModelReady>;
  readonly unload: () => Promise<boolean>;
  readonly complete: typeof localComplete;
}

const WORKER: LocalLlmDeps = { load: loadLocalModel, unload: unloadLocalModel, complete: localComplete };

/** The key of what a load loads: the same key reuses the loaded model. */
function keyOf(model: LocalModelOptions): string {
  return JSON.stringify([normalizeHost(model.source.host), model.source.modelId.trim(), model.device, model.precision]);
}

/**
 * The in-browser language model: loading it (download progress, warm-up, a WebGPU fallback),
 * freeing it, and answering through it. A translation or summary loads the model on first use
 * with the same progress as the explicit "Download" button, so both show the same thing.
 */
export class LocalLlmState {
  status = $state<LocalLlmStatus>('idle');
  stage = $state<'loading-model' | 'warming-up' | undefined>();
  downloads = $state.raw<ReadonlyMap<string, FileProgress>>(new Map());
  ready = $state.raw<LocalModelReady | undefined>();
  /** Why WebGPU was given up for WASM, when it was. */
  fallback = $state<string | undefined>();
  error = $state.raw<AppError | undefined>();
  readonly #deps: LocalLlmDeps;
  #loadedKey = '';
  #loading: { readonly key: string; readonly done: Promise<void>; readonly controller: AbortController } | undefined;

  constructor(deps: LocalLlmDeps = WORKER) {
    this.#deps = deps;
  }

  /** Bytes downloaded and to download, over every file seen so far. */
  get progress(): FileProgress {
    let loaded = 0;
    let total = 0;
    for (const file of this.downloads.values()) {
      loaded += file.loaded;
      total += file.total;
    }
    return { loaded, total };
  }

  /** Whether `model` is the one loaded and ready. */
  isReady(model: LocalModelOptions): boolean {
    return this.status === 'ready' && this.#loadedKey === keyOf(model);
  }

  /** Downloads (once) and loads the model; a second call for the same model joins the first. */
  load(model: LocalModelOptions, signal?: AbortSignal): Promise<void> {
    const key = keyOf(model);
    if (this.isReady(model)) return Promise.resolve();
    if (this.#loading?.key !== key) this.#loading = this.#startLoad(model, key);
    const { done } = this.#loading;
    if (!signal) return done;
    // A cancelled request stops waiting; the download goes on for the next one.
    return new Promise((resolve, reject) => {
      const abort = () => reject(new DOMException('Aborted', 'AbortError'));
      signal.addEventListener('abort', abort, { once: true });
      done.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  }

  /** Stops a download in progress (files already stored stay in the cache). */
  cancelLoad(): void {
    this.#loading?.controller.abort();
  }

  /** Frees the model's memory. */
  async unload(): Promise<void> {
    this.cancelLoad();
    await this.#deps.unload().catch(() => false);
    this.#loadedKey = '';
    this.ready = undefined;
    this.status = 'idle';
  }

  dismissError(): void {
    this.error = undefined;
    if (this.status === 'failed') this.status = 'idle';
  }

  /** A Complete answered by `model`, loading it first when needed. */
  complete(model: LocalModelOptions): Complete {
    const generate = this.#deps.complete(model, { maxNewTokens: LOCAL_LIMITS.maxNewTokens, maxPromptTokens: LOCAL_LIMITS.maxPromptTokens });
    return async (messages, options) => {
      await this.load(model, options.signal);
      return generate(messages, options);
    };
  }

  #startLoad(model: LocalModelOptions, key: string): { key: string; done: Promise<void>; controller: AbortController } {
    const controller = new AbortController();
    this.status = 'loading';
    this.error = undefined;
    this.fallback = undefined;
    this.downloads = new Map();
    const done = this.#deps
      .load(model, { signal: controller.signal, onEvent: (event) => this.#onEvent(event) })
      .then((ready) => {
        if (this.#loading?.key !== key) return;
        this.ready = ready;
        this.#loadedKey = key;
        this.status = 'ready';
      })
      .catch((caught: unknown) => {
        const error = toAppError(caught);
        if (this.#loading?.key === key) {
          this.error = error.code === 'cancelled' ? undefined : error;
          this.status = error.code === 'cancelled' ? 'idle' : 'failed';
        }
        throw caught;
      })
      .finally(() => {
        if (this.#loading?.key === key) this.#loading = undefined;
        this.stage = undefined;
      });
    return { key, done, controller };
  }

  #onEvent(event: LocalLlmEvent): void {
    switch (event.type) {
      case 'stage':
        this.stage = event.stage;
        return;
      case 'download':
        this.downloads = new Map(this.downloads).set(event.file, { loaded: event.loaded, total: event.total });
        return;
      case 'fallback':
        this.fallback = event.reason;
        return;
      case 'delta':
        return;
    }
  }
}

export const localLlm = new LocalLlmState();
