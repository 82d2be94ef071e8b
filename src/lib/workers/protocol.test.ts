import { afterEach, describe, expect, it } from 'vitest';
import { AppErrorException } from '../errors.ts';
import { WorkerClient, type WorkerLike } from './client.ts';
import { reply, serve, type Handlers } from './host.ts';
import type { ResultChecks, ToWorker } from './protocol.ts';
import { isFloat32Array, isRecord } from './shape.ts';

type Req =
  | { readonly type: 'echo'; readonly data: Float32Array }
  | { readonly type: 'sum'; readonly values: readonly number[] }
  | { readonly type: 'count'; readonly to: number; readonly stepMs: number }
  | { readonly type: 'busy' }
  | { readonly type: 'fail' }
  | { readonly type: 'crash' }
  | { readonly type: 'hang' };
interface Res {
  readonly echo: Float32Array;
  readonly sum: { readonly total: number; readonly count: number };
  readonly count: number;
  readonly busy: 'flag' | 'time';
  readonly fail: null;
  readonly crash: null;
  readonly hang: null;
}
type Ev = { readonly type: 'tick'; readonly n: number };

const isNull = (value: unknown): value is null => value === null;
const checks: ResultChecks<Res> = {
  echo: isFloat32Array,
  sum: (value): value is Res['sum'] => isRecord(value) && typeof value.total === 'number' && typeof value.count === 'number',
  count: (value): value is number => typeof value === 'number',
  busy: (value): value is Res['busy'] => value === 'flag' || value === 'time',
  fail: isNull,
  crash: isNull,
  hang: isNull,
};

const ports: MessagePort[] = [];
afterEach(() => ports.splice(0).forEach((p) => p.close()));

/**
 * A worker stand-in over a real MessageChannel: structured clone and transfer behave as in
 * browsers. `host` serves the worker's end; by default with `serve` and the handlers below.
 */
function connect(host: (port: MessagePort) => void = (port) => serve<Req, Res, Ev>(port, 'transcription-failed', handlers)) {
  let created = 0;
  let terminated = 0;
  const create = (): WorkerLike => {
    created++;
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    host(port2);
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
  const client = new WorkerClient<Req, Res, Ev>(create, checks, { cancelGraceMs: 100 });
  return { client, terminations: () => terminated, workers: () => created };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let busyEndedBy: 'flag' | 'time' | undefined;

const handlers: Handlers<Req, Res, Ev> = {
  echo: async (request) => reply(request.data, [request.data.buffer]),
  sum: async (request) => ({ total: request.values.reduce((a, b) => a + b, 0), count: request.values.length }),
  count: async (request, { signal, emit }) => {
    let n = 0;
    while (n < request.to && !signal.aborted) {
      emit({ type: 'tick', n: ++n });
      await sleep(request.stepMs);
    }
    return n;
  },
  busy: async (_request, context) => {
    // Like a decoder loop: only microtasks, so the cancel message can't be read until it ends.
    // It says what ended it: the shared flag, or running out its 5 s.
    const started = Date.now();
    while (!context.cancelled() && Date.now() - started < 5000) await Promise.resolve();
    busyEndedBy = context.cancelled() ? 'flag' : 'time';
    return busyEndedBy;
  },
  fail: async () => {
    throw new AppErrorException({ code: 'no-audio-stream', detail: 'nothing to hear' });
  },
  crash: async () => {
    throw new Error('out of memory');
  },
  hang: () => new Promise(() => undefined), // never answers, even to cancel
};

/**
 * A worker build that answers every request with `answer(id)`, as an old or buggy one could:
 * no types reach across the thread, so only the page's checks can catch a wrong answer.
 */
function answering(answer: (id: number) => unknown): (port: MessagePort) => void {
  return (port) =>
    port.addEventListener('message', (event: MessageEvent<ToWorker<Req>>) => {
      if (event.data.kind === 'request') port.postMessage(answer(event.data.id));
    });
}

/** The error a run rejected with, or undefined when it resolved. */
async function failure(run: Promise<unknown>): Promise<AppErrorException | undefined> {
  try {
    await run;
    return undefined;
  } catch (error) {
    if (error instanceof AppErrorException) return error;
    throw error;
  }
}

describe('worker protocol', () => {
  it('resolves with the typed result of each request, inferred from its type', async () => {
    const { client } = connect();
    const sum = await client.run({ type: 'sum', values: [1, 2, 3.5] });
    // `sum` is Res['sum'] and `ticks` Res['count']: no cast, no default.
    expect(sum).toEqual({ total: 6.5, count: 3 });
    const ticks: number[] = [];
    const counted: number = await client.run({ type: 'count', to: 5, stepMs: 1 }, { onEvent: (e) => ticks.push(e.n) });
    expect(counted).toBe(5);
    expect(ticks).toEqual([1, 2, 3, 4, 5]);
  });

  it('types results and handlers by request type (checked by svelte-check, never run)', () => {
    const typed = async (client: WorkerClient<Req, Res, Ev>) => {
      // @ts-expect-error a 'sum' result is not a number
      const wrong: number = await client.run({ type: 'sum', values: [] });
      // @ts-expect-error a 'sum' request needs its values
      await client.run({ type: 'sum' });
      const whole: Req = { type: 'busy' };
      // A request of the whole union resolves with the union of results.
      const either: Res[Req['type']] = await client.run(whole);
      return [wrong, either];
    };
    const wrongHandlers: Handlers<Req, Res, Ev> = {
      ...handlers,
      // @ts-expect-error a handler must return its own request type's result
      sum: async () => 3,
    };
    expect([typed, wrongHandlers]).toHaveLength(2);
  });

  it('transfers buffers instead of copying them, both ways: request in, result out', async () => {
    let sent: Float32Array | undefined;
    const { client } = connect((port) =>
      serve<Req, Res, Ev>(port, 'transcription-failed', {
        ...handlers,
        echo: async (request) => {
          sent = request.data;
          return reply(request.data, [request.data.buffer]);
        },
      }),
    );
    const data = new Float32Array([0.25, -0.5, 1]);
    const back = await client.run({ type: 'echo', data }, { transfer: [data.buffer] });
    expect(data.byteLength).toBe(0); // detached on the page: it moved into the worker
    expect(sent?.byteLength).toBe(0); // detached in the worker: the result moved back
    expect(Array.from(back)).toEqual([0.25, -0.5, 1]);
  });

  it('copies a result that is not wrapped in reply(): the worker keeps its buffer', async () => {
    const kept = new Float32Array([1, 2]);
    const { client } = connect((port) => serve<Req, Res, Ev>(port, 'transcription-failed', { ...handlers, echo: async () => kept }));
    const back = await client.run({ type: 'echo', data: new Float32Array(0) });
    expect(Array.from(back)).toEqual([1, 2]);
    expect(kept.byteLength).toBe(8);
  });

  it('rejects a missing result instead of resolving with a default', async () => {
    const { client } = connect(answering((id) => ({ kind: 'done', id })));
    const error = await failure(client.run({ type: 'sum', values: [1] }));
    expect(error?.error.code).toBe('unknown');
    expect(error?.error.detail).toMatch(/malformed result for 'sum': none/);
  });

  it('rejects a result of the wrong shape', async () => {
    const { client } = connect(answering((id) => ({ kind: 'done', id, result: { total: '1', count: 1 } })));
    expect((await failure(client.run({ type: 'sum', values: [1] })))?.error.detail).toMatch(/malformed result for 'sum'/);
    const { client: other } = connect(answering((id) => ({ kind: 'done', id, result: [1, 2] })));
    expect((await failure(other.run({ type: 'echo', data: new Float32Array(2) })))?.error.code).toBe('unknown');
  });

  it('rejects with the typed error the worker threw', async () => {
    const { client } = connect();
    const error = await failure(client.run({ type: 'fail' }));
    expect(error?.error).toEqual({ code: 'no-audio-stream', detail: 'nothing to hear' });
  });

  it('turns a plain runtime Error into the worker’s own failure code, keeping its message', async () => {
    const { client } = connect();
    expect((await failure(client.run({ type: 'crash' })))?.error).toEqual({ code: 'transcription-failed', detail: 'out of memory' });
  });

  it('routes concurrent requests and their results by id', async () => {
    const { client } = connect();
    const a: number[] = [];
    const b: number[] = [];
    const results = await Promise.all([
      client.run({ type: 'count', to: 3, stepMs: 2 }, { onEvent: (e) => a.push(e.n) }),
      client.run({ type: 'count', to: 4, stepMs: 1 }, { onEvent: (e) => b.push(e.n) }),
      client.run({ type: 'sum', values: [2, 2] }),
    ]);
    expect(results).toEqual([3, 4, { total: 4, count: 2 }]);
    expect(a).toEqual([1, 2, 3]);
    expect(b).toEqual([1, 2, 3, 4]);
  });

  it('cancels cooperatively: the worker stops, no result resolves and no event follows the rejection', async () => {
    const { client, terminations } = connect();
    const controller = new AbortController();
    const ticks: number[] = [];
    const run = client.run({ type: 'count', to: 1000, stepMs: 5 }, { signal: controller.signal, onEvent: (e) => ticks.push(e.n) });
    await sleep(30);
    controller.abort();
    expect((await failure(run))?.error.code).toBe('cancelled');
    const seen = ticks.length;
    await sleep(50);
    expect(ticks.length).toBe(seen);
    expect(seen).toBeLessThan(1000);
    expect(terminations()).toBe(0);
  });

  it('reaches a busy worker through the shared cancel flag, without terminating it', async () => {
    const { client, terminations } = connect();
    const controller = new AbortController();
    busyEndedBy = undefined;
    const run = client.run({ type: 'busy' }, { signal: controller.signal });
    // Both ends share this thread here, so abort before the loop starts; the cancel message then
    // waits behind the busy loop (5 s) and only the shared flag can end it sooner.
    controller.abort();
    expect((await failure(run))?.error.code).toBe('cancelled');
    await expect.poll(() => busyEndedBy, { timeout: 10_000 }).toBe('flag');
    expect(terminations()).toBe(0);
  }, 15_000);

  it('terminates a worker that ignores cancel, after the grace period', async () => {
    const { client, terminations } = connect();
    const controller = new AbortController();
    const run = client.run({ type: 'hang' }, { signal: controller.signal });
    const started = Date.now();
    controller.abort();
    expect((await failure(run))?.error.code).toBe('cancelled');
    expect(terminations()).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('sends a request made during a cancel to a fresh worker once the stuck one is terminated', async () => {
    const { client, terminations, workers } = connect();
    const controller = new AbortController();
    const stuck = failure(client.run({ type: 'hang' }, { signal: controller.signal }));
    controller.abort();
    expect(await client.run({ type: 'count', to: 2, stepMs: 1 })).toBe(2);
    expect(terminations()).toBe(1);
    expect(workers()).toBe(2);
    expect((await stuck)?.error.code).toBe('cancelled');
  });

  it('rejects at once when the signal is already aborted', async () => {
    const { client } = connect();
    expect((await failure(client.run({ type: 'count', to: 1, stepMs: 1 }, { signal: AbortSignal.abort() })))?.error.code).toBe('cancelled');
  });

  it('terminate() rejects everything pending', async () => {
    const { client } = connect();
    const runs = [failure(client.run({ type: 'hang' })), failure(client.run({ type: 'hang' }))];
    client.terminate({ code: 'worker-crashed' });
    expect((await Promise.all(runs)).map((e) => e?.error.code)).toEqual(['worker-crashed', 'worker-crashed']);
  });
});
