/**
 * A producer thread for flow-control.test.ts: produces `total` chunks, calling `waitForRoom`
 * before each exactly as the media worker does around ffmpeg's writes, and publishes how many it
 * has produced in shared memory. Stops when the shared stop flag is set.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { waitForRoom } from './flow-control.ts';

interface ProducerData {
  readonly counter: Int32Array;
  readonly produced: Int32Array;
  readonly stop: Int32Array;
  readonly limit: number;
  readonly total: number;
}

function isProducerData(value: unknown): value is ProducerData {
  return typeof value === 'object' && value !== null && Reflect.get(value, 'counter') instanceof Int32Array;
}

if (!isProducerData(workerData)) throw new Error('producer needs its shared counters');
const { counter, produced, stop, limit, total } = workerData;
const stopped = () => Atomics.load(stop, 0) === 1;
let count = 0;
while (count < total) {
  waitForRoom(counter, count, limit, stopped);
  if (stopped()) break;
  count++;
  Atomics.store(produced, 0, count);
}
parentPort?.postMessage({ produced: count, stopped: stopped() });
