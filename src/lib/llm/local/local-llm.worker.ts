/// <reference lib="webworker" />
import type { ProgressInfo } from '@huggingface/transformers';
import { AppErrorException } from '../../errors.ts';
import { serve, type HandlerContext } from '../../workers/host.ts';
import { getLocalModel, unloadLocalModel, type LocalLoadCallbacks, type LocalModel } from './local-engine.ts';
import { generateAnswer } from './local-generate.ts';
import type { LocalLlmEvent, LocalLlmRequest, LocalLlmResults, LocalModelOptions, LocalModelReady } from './local-protocol.ts';

/** The in-browser language model's worker: one model at a time, one answer at a time. */

type Context = HandlerContext<LocalLlmEvent>;

let loaded: LocalModel | undefined;
/** Models that have run once: the first run compiles kernels (WebGPU shaders, WASM code paths). */
const warmedUp = new WeakSet<LocalModel>();

serve<LocalLlmRequest, LocalLlmResults, LocalLlmEvent>(self, 'llm-local-failed', {
  load: (request, context) => load(request.model, context),
  generate: async (request, context) => {
    if (!loaded) throw new AppErrorException({ code: 'llm-local-failed', detail: 'no model loaded' });
    return generateAnswer(loaded, request.messages, request.options, {
      cancelled: context.cancelled,
      signal: context.signal,
      onDelta: (text) => context.emit({ type: 'delta', text }),
    });
  },
  unload: async () => {
    loaded = undefined;
    return unloadLocalModel();
  },
});

function callbacks({ emit }: Context): LocalLoadCallbacks {
  return {
    onProgress: (info: ProgressInfo) => {
      if (info.status === 'progress') emit({ type: 'download', file: info.file, loaded: info.loaded, total: info.total });
    },
    onFallback: (reason) => emit({ type: 'fallback', reason }),
  };
}

async function load(options: LocalModelOptions, context: Context): Promise<LocalModelReady> {
  context.emit({ type: 'stage', stage: 'loading-model' });
  loaded = undefined;
  const model = await getLocalModel(options, callbacks(context));
  if (!warmedUp.has(model) && !context.cancelled()) {
    context.emit({ type: 'stage', stage: 'warming-up' });
    const hooks = { cancelled: context.cancelled, signal: context.signal, onDelta: () => undefined };
    await generateAnswer(model, [{ role: 'user', content: 'Hi' }], { maxNewTokens: 1, maxPromptTokens: 64 }, hooks);
    warmedUp.add(model);
  }
  loaded = model;
  const { modelId, device, dtype, replaced } = model;
  return replaced ? { modelId, device, dtype, replaced } : { modelId, device, dtype };
}
