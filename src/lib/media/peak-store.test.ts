import { describe, expect, it } from 'vitest';
import { PeakStore } from './peak-store.ts';

describe('PeakStore', () => {
  it('appends chunks in order into one growing array, doubling its capacity', () => {
    const store = new PeakStore({ capacity: 2 });
    store.append(Float32Array.of(0.1, 0.2, 0.3), 0);
    store.append(Float32Array.of(0.4), 3);
    store.append(Float32Array.of(0.5, 0.6)); // after the last by default
    expect(store.length).toBe(6);
    expect(Array.from(store.peaks)).toEqual(Array.from(Float32Array.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6)));
    expect(store.peaks.buffer.byteLength).toBe(8 * Float32Array.BYTES_PER_ELEMENT);
  });

  it('gives views, not copies, and a new view after each append', () => {
    const store = new PeakStore({ capacity: 16 });
    store.append(Float32Array.of(1, 2));
    const before = store.peaks;
    store.append(Float32Array.of(3));
    expect(before).toHaveLength(2);
    expect(store.peaks).toHaveLength(3);
    expect(store.peaks.buffer).toBe(before.buffer);
  });

  it('reads a gap as silence and overwrites a repeated range', () => {
    const store = new PeakStore({ capacity: 4 });
    store.append(Float32Array.of(1, 1, 1, 1, 1));
    store.clear();
    store.append(Float32Array.of(0.5), 2);
    expect(Array.from(store.peaks)).toEqual([0, 0, 0.5]);
    store.append(Float32Array.of(0.25), 1);
    expect(Array.from(store.peaks)).toEqual([0, 0.25, 0.5]);
  });

  it('knows the seconds its peaks cover', () => {
    const store = new PeakStore();
    store.append(new Float32Array(250));
    expect(store.secondsPerPeak).toBeCloseTo(0.01, 12);
    expect(store.seconds).toBeCloseTo(2.5, 9);
  });

  it('refuses a negative or fractional start', () => {
    expect(() => new PeakStore().append(new Float32Array(1), -1)).toThrow(RangeError);
    expect(() => new PeakStore().append(new Float32Array(1), 0.5)).toThrow(RangeError);
  });
});
