import { AppErrorException } from '../../errors.ts';
import { WorkerClient } from '../../workers/client.ts';
import type { Complete } from '../chat.ts';
import {
  localLlmResultChecks,
  type GenerateOptions,
  type LocalLlmEvent,
  type LocalLlmRequest,
  type LocalLlmResults,
  type LocalModelOptions,
  type LocalModelReady,
} from './local-protocol.ts';

let client: WorkerClient<LocalLlmRequest, LocalLlmResults, LocalLlmEvent> | undefined;

function localClient(): WorkerClient<LocalLlmRequest, LocalLlmResults, LocalLlmEvent> {
  // Generation stops at the next token; the grace covers one slow step (a long prefill on WASM)
  // before the worker, and the model in it, is thrown away.
  client ??= new WorkerClient(
    () => new Worker(new URL('./local-llm.worker.ts', import.meta.url), { type: 'module' }),
    localLlmResultChecks,
    { cancelGraceMs: 2000 },
  );
  return client;
}

export interface LocalRunHooks {
  readonly signal?: AbortSignal;
  /** Loading stages, downloads and a WebGPU fallback (deltas go to `onDelta`). */
  readonly onEvent?: (event: LocalLlmEvent) => void;
}

/** Loads (or reuses) the model and warms it up; another model is disposed first. */
export function loadLocalModel(model: LocalModelOptions, hooks: LocalRunHooks = {}): Promise<LocalModelReady> {
  return localClient().run({ type: 'load', model }, hooks);
}

/** Frees the loaded model's memory; true when one was loaded. */
export function unloadLocalModel(): Promise<boolean> {
  return localClient().run({ type: 'unload' });
}

/**
 * A {@link Complete} answered by the in-browser model: the same seam as the API client, so
 * translation and summary run one code path whatever answers them. Each call makes sure the
 * model is loaded (a no-op once it is), then streams the answer through `onDelta`.
 *
 * @example
 * const complete = localComplete({ source, device: 'auto', precision: 'auto' }, { maxNewTokens: 768, maxPromptTokens: 1536 });
 * const answer = await complete(messages, { signal });
 */
export function localComplete(model: LocalModelOptions, limits: GenerateOptions, hooks: Omit<LocalRunHooks, 'signal'> = {}): Complete {
  return async (messages, { signal, onDelta }) => {
    await loadLocalModel(model, { signal, onEvent: hooks.onEvent });
    const result = await localClient().run(
      { type: 'generate', messages, options: limits },
      { signal, onEvent: (event) => (event.type === 'delta' ? onDelta?.(event.text) : hooks.onEvent?.(event)) },
    );
    if (result.end === 'stopped' || signal.aborted) throw new AppErrorException({ code: 'cancelled' });
    return result.text;
  };
}
