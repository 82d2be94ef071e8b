import { describe, expect, it } from 'vitest';
import { loopJump } from './loop.ts';

const cue = { start: 4, end: 6 };

describe('loopJump', () => {
  it('jumps back when playing carries the time past the end', () => {
    expect(loopJump(cue, 5.9, 6.1)).toBe(4);
    expect(loopJump(cue, 5.9, 6)).toBe(4);
    expect(loopJump(cue, 3.9, 4.1)).toBeUndefined();
    expect(loopJump(cue, 5, 5.2)).toBeUndefined();
  });

  it('lets the user seek away, or back, without pulling them in', () => {
    expect(loopJump(cue, 5.9, 30)).toBeUndefined();
    expect(loopJump(cue, 6.2, 4.5)).toBeUndefined();
    expect(loopJump(cue, 7, 7.2)).toBeUndefined();
    expect(loopJump(undefined, 5.9, 6.1)).toBeUndefined();
  });
});
