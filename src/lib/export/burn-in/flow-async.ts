/** How often a producer without Atomics.waitAsync looks again at the consumer's counter. */
const POLL_MS = 20;

/**
 * Producer side of media/flow-control.ts's counter for code that must not block (mediabunny
 * runs on the worker's event loop): resolves once fewer than `limit` produced chunks are
 * unreleased, or `stop()` says to give up.
 *
 * @example
 * await waitForRoomAsync(released, chunks, 4, () => context.cancelled());
 */
export async function waitForRoomAsync(counter: Int32Array, produced: number, limit: number, stop: () => boolean): Promise<void> {
  for (;;) {
    const released = Atomics.load(counter, 0);
    if (produced - released < limit || stop()) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
