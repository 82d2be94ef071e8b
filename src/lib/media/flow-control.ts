/**
 * Back-pressure between a producer that must not yield (ffmpeg inside a synchronous exec) and a
 * consumer on another thread: the producer blocks with Atomics.wait while it is `limit` chunks
 * ahead of what the consumer has released. Memory stays flat however long the file is.
 */
export function createFlowCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Consumer side: one chunk is done with. Safe on the main thread (notify never blocks). */
export function releaseChunk(counter: Int32Array): void {
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

/**
 * Producer side: blocks until fewer than `limit` produced chunks are unreleased, or `stop()`
 * says to give up. Only for workers (the main thread may not block).
 */
export function waitForRoom(counter: Int32Array, produced: number, limit: number, stop: () => boolean): void {
  for (;;) {
    const released = Atomics.load(counter, 0);
    if (produced - released < limit || stop()) return;
    Atomics.wait(counter, 0, released, 250);
  }
}
