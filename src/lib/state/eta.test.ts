import { describe, expect, it } from 'vitest';
import { remainingSeconds } from './eta.ts';

describe('remainingSeconds', () => {
  it('extrapolates the rate measured so far', () => {
    expect(remainingSeconds(60, 180, 10)).toBe(20);
  });
  it('says nothing before there is work to measure', () => {
    expect(remainingSeconds(0, 180, 10)).toBeUndefined();
    expect(remainingSeconds(5, 180, 0.2)).toBeUndefined();
  });
  it('is zero when all is done', () => {
    expect(remainingSeconds(180, 180, 30)).toBe(0);
  });
});
