import { describe, expect, it } from 'vitest';
import { createFlowCounter, releaseChunk } from '../../media/flow-control.ts';
import { waitForRoomAsync } from './flow-async.ts';

describe('waitForRoomAsync', () => {
  it('returns at once while under the limit', async () => {
    await waitForRoomAsync(createFlowCounter(), 1, 4, () => false);
  });

  it('waits until the consumer releases a chunk', async () => {
    const counter = createFlowCounter();
    let done = false;
    const waiting = waitForRoomAsync(counter, 4, 4, () => false).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    releaseChunk(counter);
    await waiting;
    expect(done).toBe(true);
  });

  it('gives up when told to stop', async () => {
    await waitForRoomAsync(createFlowCounter(), 9, 4, () => true);
  });
});
