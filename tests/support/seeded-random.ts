/**
 * mulberry32: a tiny seeded PRNG, the same on every machine, so generated test data and
 * benchmarks are reproducible and a failing property run can be replayed from its seed.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // a number in [0, 1), the same sequence every time
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
