import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../errors.ts';
import type { Complete } from '../llm/chat.ts';
import type { LocalRunHooks } from '../llm/local/local-client.ts';
import type { LocalModelOptions, LocalModelReady } from '../llm/local/local-protocol.ts';
import { LocalLlmState, type LocalLlmDeps } from './local-llm.svelte.ts';

const model = (modelId = 'zimu-test/chat-scripted'): LocalModelOptions => ({ source: { host: 'http://127.0.0.1:4174', modelId }, device: 'wasm', precision: 'auto' });

/** A stand-in for the worker: loads resolve when the test says so, reporting downloads first. */
function fakeWorker() {
  const loads: { model: LocalModelOptions; hooks: LocalRunHooks; resolve: (ready: LocalModelReady) => void; reject: (e: unknown) => void }[] = [];
  let unloads = 0;
  const answered: string[] = [];
  const deps: LocalLlmDeps = {
    load: (m, hooks) => new Promise((resolve, reject) => loads.push({ model: m, hooks, resolve, reject })),
    unload: async () => (unloads++, true),
    complete: (): Complete => async (messages) => {
      const text = `answer to ${messages.length} messages`;
      answered.push(text);
      return text;
    },
  };
  return { deps, loads, answered, unloads: () => unloads };
}

const ready = (modelId = 'zimu-test/chat-scripted'): LocalModelReady => ({ modelId, device: 'wasm', dtype: 'q4' });

describe('LocalLlmState', () => {
  it('loads once with download progress, and a request waits for the load instead of starting another', async () => {
    const worker = fakeWorker();
    const state = new LocalLlmState(worker.deps);
    const first = state.load(model());
    const answer = state.complete(model())([{ role: 'user', content: 'Hi' }], { signal: new AbortController().signal });
    expect(worker.loads).toHaveLength(1);
    expect(state.status).toBe('loading');
    worker.loads[0]?.hooks.onEvent?.({ type: 'download', file: 'onnx/model_q4.onnx', loaded: 50, total: 200 });
    worker.loads[0]?.hooks.onEvent?.({ type: 'download', file: 'tokenizer.json', loaded: 10, total: 10 });
    expect(state.progress).toEqual({ loaded: 60, total: 210 });
    worker.loads[0]?.resolve(ready());
    await first;
    expect(await answer).toBe('answer to 1 messages');
    expect(state.status).toBe('ready');
    expect(state.isReady(model())).toBe(true);
    expect(state.isReady(model('zimu-test/other'))).toBe(false);
  });

  it('says why a load failed, and a stopped load is no failure', async () => {
    const worker = fakeWorker();
    const state = new LocalLlmState(worker.deps);
    const failing = state.load(model());
    worker.loads[0]?.reject(new AppErrorException({ code: 'llm-local-load-failed', detail: 'bad graph' }));
    await expect(failing).rejects.toThrow('llm-local-load-failed');
    expect(state.status).toBe('failed');
    expect(state.error?.code).toBe('llm-local-load-failed');
    const stopped = state.load(model());
    worker.loads[1]?.reject(new AppErrorException({ code: 'cancelled' }));
    await expect(stopped).rejects.toThrow('cancelled');
    expect([state.status, state.error]).toEqual(['idle', undefined]);
  });

  it('a cancelled request stops waiting but the download goes on for the next one', async () => {
    const worker = fakeWorker();
    const state = new LocalLlmState(worker.deps);
    const controller = new AbortController();
    const waiting = state.load(model(), controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    expect(state.status).toBe('loading');
    worker.loads[0]?.resolve(ready());
    await state.load(model());
    expect(worker.loads).toHaveLength(1);
    expect(state.status).toBe('ready');
  });

  it('loading another model replaces the first, and unload frees it', async () => {
    const worker = fakeWorker();
    const state = new LocalLlmState(worker.deps);
    const a = state.load(model());
    worker.loads[0]?.resolve(ready());
    await a;
    const b = state.load(model('zimu-test/chat-scripted-miscount'));
    worker.loads[1]?.resolve({ ...ready('zimu-test/chat-scripted-miscount'), replaced: 'zimu-test/chat-scripted' });
    await b;
    expect(state.ready?.replaced).toBe('zimu-test/chat-scripted');
    expect(state.isReady(model())).toBe(false);
    await state.unload();
    expect([state.status, state.ready, worker.unloads()]).toEqual(['idle', undefined, 1]);
  });
});
