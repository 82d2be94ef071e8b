import { describe, expect, it } from 'vitest';
import { cueIndexAt, lastStartingBy } from './cue-lookup.ts';

const cues = [
  { start: 0, end: 1 },
  { start: 2, end: 3 },
  { start: 3, end: 5 },
];

describe('cue lookup', () => {
  it('finds the cue shown at a time, -1 in gaps', () => {
    expect([-1, 0, 0.99, 1, 1.5, 2, 3, 4.9, 5, 9].map((time) => cueIndexAt(cues, time))).toEqual([-1, 0, 0, -1, -1, 1, 2, 2, -1, -1]);
    expect(cueIndexAt([], 1)).toBe(-1);
  });

  it('finds the last cue starting by a time', () => {
    expect([-1, 0, 1.5, 3, 10].map((time) => lastStartingBy(cues, time))).toEqual([-1, 0, 0, 2, 2]);
  });

  it('stays right over thousands of cues', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ start: i * 2, end: i * 2 + 1.5 }));
    expect(cueIndexAt(many, 4321 * 2 + 1)).toBe(4321);
    expect(cueIndexAt(many, 4321 * 2 + 1.75)).toBe(-1);
  });
});
