import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createFlowCounter, releaseChunk } from './flow-control.ts';

/** A real producer thread (flow-control.test-worker.ts) blocked with Atomics.wait, as ffmpeg is. */
function startProducer(limit: number, total: number) {
  const counter = createFlowCounter();
  const produced = new Int32Array(new SharedArrayBuffer(4));
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./flow-control.test-worker.ts', import.meta.url), { workerData: { counter, produced, stop, limit, total } });
  const finished = new Promise<{ produced: number; stopped: boolean }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  workers.push(worker);
  return { counter, produced: () => Atomics.load(produced, 0), stop: () => Atomics.store(stop, 0, 1), finished };
}

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

/** Waits until `read()` has stayed at `value` for `settleMs` (a blocked producer stays put). */
async function settlesAt(read: () => number, value: number, settleMs = 300): Promise<void> {
  await expect.poll(read, { timeout: 10_000 }).toBe(value);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  expect(read()).toBe(value);
}

describe('flow control between threads', () => {
  it('blocks the producer at the limit and lets it on one chunk per release', async () => {
    const producer = startProducer(4, 100);
    await settlesAt(producer.produced, 4);
    releaseChunk(producer.counter);
    await settlesAt(producer.produced, 5);
    releaseChunk(producer.counter);
    releaseChunk(producer.counter);
    await settlesAt(producer.produced, 7);
    producer.stop();
    expect(await producer.finished).toEqual({ produced: 7, stopped: true });
  });

  it('runs to the end when every chunk is released', async () => {
    const producer = startProducer(2, 20);
    for (let released = 0; released < 20; released++) {
      await expect.poll(producer.produced, { timeout: 10_000 }).toBeGreaterThan(released);
      releaseChunk(producer.counter);
    }
    expect(await producer.finished).toEqual({ produced: 20, stopped: false });
  });

  it('stops a blocked producer on cancel, without a release', async () => {
    const producer = startProducer(3, 100);
    await settlesAt(producer.produced, 3);
    producer.stop();
    expect(await producer.finished).toEqual({ produced: 3, stopped: true });
  });
});
