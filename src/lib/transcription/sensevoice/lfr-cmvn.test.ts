import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCmvn, lfrFrameCount, stackLfr } from './lfr-cmvn.ts';

/** FunASR's apply_lfr (funasr/frontends/wav_frontend.py), transcribed literally. */
function funasrLfr(rows: number[][], m: number, n: number): number[][] {
  const tLfr = Math.ceil(rows.length / n);
  const padded = [...Array.from({ length: Math.floor((m - 1) / 2) }, () => rows[0]!), ...rows];
  const T = padded.length;
  const out: number[][] = [];
  for (let i = 0; i < tLfr; i++) {
    if (m <= T - i * n) out.push(padded.slice(i * n, i * n + m).flat());
    else {
      const frame = padded.slice(i * n).flat();
      for (let k = 0; k < m - (T - i * n); k++) frame.push(...padded.at(-1)!);
      out.push(frame);
    }
  }
  return out;
}

describe('stackLfr', () => {
  it('is FunASR’s apply_lfr: left-padded with the first frame, the last repeated, ceil(T / n) frames', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 8 }), (frames, m, n) => {
        const dim = 3;
        const rows = Array.from({ length: frames }, (_, t) => Array.from({ length: dim }, (_, d) => t * 10 + d));
        const got = stackLfr(Float32Array.from(rows.flat()), frames, m, n, dim);
        expect(got.frames).toBe(lfrFrameCount(frames, n));
        expect(Array.from(got.features)).toEqual(funasrLfr(rows, m, n).flat());
      }),
    );
  });

  it('turns 80-dim 10 ms frames into 560-dim 60 ms frames', () => {
    const got = stackLfr(new Float32Array(100 * 80), 100);
    expect(got.frames).toBe(17);
    expect(got.features.length).toBe(17 * 560);
    expect(stackLfr(new Float32Array(0), 0).frames).toBe(0);
  });

  it('rejects features that are not frames × dim', () => {
    expect(() => stackLfr(new Float32Array(81), 1)).toThrow(RangeError);
  });
});

describe('applyCmvn', () => {
  it('computes (x + neg_mean) · inv_stddev per dimension', () => {
    const x = Float32Array.from([1, 2, 3, 4]);
    applyCmvn(x, Float32Array.from([-1, 1]), Float32Array.from([2, 0.5]));
    expect(Array.from(x)).toEqual([0, 1.5, 4, 2.5]);
    expect(() => applyCmvn(new Float32Array(3), new Float32Array(2), new Float32Array(2))).toThrow(RangeError);
  });
});
