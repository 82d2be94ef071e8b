import { describe, expect, it } from 'vitest';
import { progressMilestone } from './announce.ts';

describe('progressMilestone', () => {
  it('moves in steps, so a live region speaks ten times a run, not on every tick', () => {
    const spoken = new Set([0, 0.01, 0.05, 0.099, 0.1, 0.37, 0.5, 0.999, 1].map((p) => progressMilestone(p)));
    expect([...spoken]).toEqual([0, 10, 30, 50, 90, 100]);
    expect(progressMilestone(undefined)).toBeUndefined();
    expect(progressMilestone(1.3)).toBe(100);
    expect(progressMilestone(0.26, 25)).toBe(25);
  });
});
