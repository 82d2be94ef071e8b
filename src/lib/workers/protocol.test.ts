import { afterEach, describe, expect, it } from 'vitest';
import { AppErrorException } from '../errors.ts';
import { WorkerClient, type WorkerLike } from './client.ts';
import { serve, type Handler } from './host.ts';

type Req =
  | { type: 'echo'; data: Float32Array }
  | { type: 'count'; to: number; stepMs: number }
  | { type: 'busy' }
  | { type: 'fail' }
  | { type: 'crash' }
  | { type: 'hang' };
type Ev = { type: 'echoed'; data: Float32Array } | { type: 'tick'; n: number };

const ports: MessagePort[] = [];
afterEach(() => ports.splice(0).forEach((p) => p.close()));

/** A worker stand-in over a real MessageChannel: structured clone and transfer behave as in browsers. */
function connect(handler: Handler<Req, Ev>) {
  let created = 0;
  let terminated = 0;
  const create = (): WorkerLike => {
    created++;
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    serve<Req, Ev>(port2, 'transcription-failed', handler);
    const listen = (type: 'message' | 'error', listener: (event: MessageEvent) => void) => {
      if (type === 'message') port1.addEventListener('message', listener);
    };
    port1.start();
    port2.start();
    return {
      postMessage: (message, transfer) => port1.postMessage(message, transfer),
      addEventListener: listen,
      removeEventListener: (_type, listener) => port1.removeEventListener('message', listener),
      terminate: () => {
        terminated++;
        port1.close();
        port2.close();
      },
    };
  };
  const client = new WorkerClient<Req, Ev>(create, { cancelGraceMs: 100 });
  return { client, terminations: () => terminated, workers: () => created };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const handler: Handler<Req, Ev> = async (request, context) => {
  const { signal, emit } = context;
  switch (request.type) {
    case 'echo':
      emit({ type: 'echoed', data: request.data }, [request.data.buffer]);
      return;
    case 'count':
      for (let n = 1; n <= request.to && !signal.aborted; n++) {
        emit({ type: 'tick', n });
        await sleep(request.stepMs);
      }
      return;
    case 'busy': {
      // Like a decoder loop: only microtasks, so the cancel message can't be read until it ends.
      const started = Date.now();
      while (!context.cancelled() && Date.now() - started < 2000) await Promise.resolve();
      emit({ type: 'tick', n: Date.now() - started });
      return;
    }
    case 'fail':
      throw new AppErrorException({ code: 'no-audio-stream', detail: 'nothing to hear' });
    case 'crash':
      throw new Error('out of memory');
    case 'hang':
      await new Promise(() => undefined); // never answers, even to cancel
  }
};

describe('worker protocol', () => {
  it('delivers events in order and resolves on done', async () => {
    const { client } = connect(handler);
    const ticks: number[] = [];
    await client.run({ type: 'count', to: 5, stepMs: 1 }, { onEvent: (e) => e.type === 'tick' && ticks.push(e.n) });
    expect(ticks).toEqual([1, 2, 3, 4, 5]);
  });

  it('transfers buffers instead of copying them, both ways', async () => {
    const { client } = connect(handler);
    const data = new Float32Array([0.25, -0.5, 1]);
    let back: Float32Array | undefined;
    await client.run({ type: 'echo', data }, { transfer: [data.buffer], onEvent: (e) => e.type === 'echoed' && (back = e.data) });
    expect(data.byteLength).toBe(0); // detached: it moved
    expect(Array.from(back ?? [])).toEqual([0.25, -0.5, 1]);
  });

  it('rejects with the typed error the worker threw', async () => {
    const { client } = connect(handler);
    const error = await client.run({ type: 'fail' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppErrorException);
    expect(error instanceof AppErrorException && error.error).toEqual({ code: 'no-audio-stream', detail: 'nothing to hear' });
  });

  it('turns a plain runtime Error into the worker’s own failure code, keeping its message', async () => {
    const { client } = connect(handler);
    const error = await client.run({ type: 'crash' }).catch((e: unknown) => e);
    expect(error instanceof AppErrorException && error.error).toEqual({ code: 'transcription-failed', detail: 'out of memory' });
  });

  it('routes concurrent requests by id', async () => {
    const { client } = connect(handler);
    const a: number[] = [];
    const b: number[] = [];
    await Promise.all([
      client.run({ type: 'count', to: 3, stepMs: 2 }, { onEvent: (e) => e.type === 'tick' && a.push(e.n) }),
      client.run({ type: 'count', to: 4, stepMs: 1 }, { onEvent: (e) => e.type === 'tick' && b.push(e.n) }),
    ]);
    expect(a).toEqual([1, 2, 3]);
    expect(b).toEqual([1, 2, 3, 4]);
  });

  it('cancels cooperatively: the worker stops and no event follows the rejection', async () => {
    const { client, terminations } = connect(handler);
    const controller = new AbortController();
    const ticks: number[] = [];
    const run = client.run({ type: 'count', to: 1000, stepMs: 5 }, {
      signal: controller.signal,
      onEvent: (e) => e.type === 'tick' && ticks.push(e.n),
    });
    await sleep(30);
    controller.abort();
    const error = await run.catch((e: unknown) => e);
    expect(error instanceof AppErrorException && error.error.code).toBe('cancelled');
    const seen = ticks.length;
    await sleep(50);
    expect(ticks.length).toBe(seen);
    expect(seen).toBeLessThan(1000);
    expect(terminations()).toBe(0);
  });

  it('reaches a busy worker through the shared cancel flag, without terminating it', async () => {
    const { client, terminations } = connect(handler);
    const controller = new AbortController();
    const started = Date.now();
    const run = client.run({ type: 'busy' }, { signal: controller.signal });
    // Both ends share this thread here, so abort before the loop starts; the cancel message then
    // waits behind the busy loop (2 s) and only the shared flag can end it sooner.
    controller.abort();
    const error = await run.catch((e: unknown) => e);
    expect(error instanceof AppErrorException && error.error.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(terminations()).toBe(0);
  });

  it('terminates a worker that ignores cancel, after the grace period', async () => {
    const { client, terminations } = connect(handler);
    const controller = new AbortController();
    const run = client.run({ type: 'hang' }, { signal: controller.signal });
    const started = Date.now();
    controller.abort();
    const error = await run.catch((e: unknown) => e);
    expect(error instanceof AppErrorException && error.error.code).toBe('cancelled');
    expect(terminations()).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('sends a request made during a cancel to a fresh worker once the stuck one is terminated', async () => {
    const { client, terminations, workers } = connect(handler);
    const controller = new AbortController();
    const stuck = client.run({ type: 'hang' }, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const ticks: number[] = [];
    await client.run({ type: 'count', to: 2, stepMs: 1 }, { onEvent: (e) => e.type === 'tick' && ticks.push(e.n) });
    expect(ticks).toEqual([1, 2]);
    expect(terminations()).toBe(1);
    expect(workers()).toBe(2);
    const error = await stuck;
    expect(error instanceof AppErrorException && error.error.code).toBe('cancelled');
  });

  it('rejects at once when the signal is already aborted', async () => {
    const { client } = connect(handler);
    const error = await client.run({ type: 'count', to: 1, stepMs: 1 }, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error instanceof AppErrorException && error.error.code).toBe('cancelled');
  });

  it('terminate() rejects everything pending', async () => {
    const { client } = connect(handler);
    const runs = [client.run({ type: 'hang' }), client.run({ type: 'hang' })];
    client.terminate({ code: 'worker-crashed' });
    const errors = await Promise.all(runs.map((r) => r.catch((e: unknown) => e)));
    expect(errors.map((e) => e instanceof AppErrorException && e.error.code)).toEqual(['worker-crashed', 'worker-crashed']);
  });
});
