import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ctcGreedy } from './ctc.ts';

const oneHot = (ids: readonly number[], vocab: number): Float32Array => {
  const out = new Float32Array(ids.length * vocab);
  ids.forEach((id, t) => (out[t * vocab + id] = 1));
  return out;
};

describe('ctcGreedy', () => {
  it('merges repeats, drops blanks, keeps a token repeated across a blank, and times tokens by frame', () => {
    expect(ctcGreedy(oneHot([0, 3, 3, 0, 3, 5, 5, 2], 6), 8, 6)).toEqual([
      { id: 3, frame: 1 },
      { id: 3, frame: 4 },
      { id: 5, frame: 5 },
      { id: 2, frame: 7 },
    ]);
  });

  it('takes the first of tied maxima, like std::max_element', () => {
    expect(ctcGreedy(Float32Array.from([0, 1, 1, 0]), 1, 4)).toEqual([{ id: 1, frame: 0 }]);
  });

  it('equals collapse-then-remove-blank on any path', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }), (path) => {
        const expected = path.filter((id, t) => id !== 0 && id !== path[t - 1]);
        expect(ctcGreedy(oneHot(path, 5), path.length, 5).map((t) => t.id)).toEqual(expected);
      }),
    );
  });

  it('honours a blank id other than 0 and rejects short logits', () => {
    expect(ctcGreedy(oneHot([2, 1, 2], 3), 3, 3, 2)).toEqual([{ id: 1, frame: 1 }]);
    expect(() => ctcGreedy(new Float32Array(5), 2, 3)).toThrow(RangeError);
  });
});
