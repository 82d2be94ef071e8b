import { describe, expect, it } from 'vitest';
import { prefixOffsets, revealDelta, rowAt, scrollToShow, visibleRange } from './virtual-window.ts';
import { VirtualRows } from './virtual-rows.svelte.ts';

const even = (count: number, height = 50): Float64Array => prefixOffsets(Array.from({ length: count }, () => height));

describe('virtual window maths', () => {
  it('adds up row heights into offsets', () => {
    expect([...prefixOffsets([10, 20, 30])]).toEqual([0, 10, 30, 60]);
    expect([...prefixOffsets([])]).toEqual([0]);
  });

  it('finds the row at a height, clamped to the rows there are', () => {
    const offsets = prefixOffsets([10, 20, 30]);
    expect([-5, 0, 9.9, 10, 29, 30, 59, 60, 500].map((y) => rowAt(offsets, y))).toEqual([0, 0, 0, 1, 1, 2, 2, 2, 2]);
    expect(rowAt(prefixOffsets([]), 10)).toBe(0);
  });

  it('renders the rows in view plus the overscan, for 3,000 rows', () => {
    expect(visibleRange(even(3000), 5000, 400, 5)).toEqual({ start: 95, end: 113, first: 100 });
    expect(visibleRange(even(3000), 0, 400, 5)).toEqual({ start: 0, end: 13, first: 0 });
    expect(visibleRange(even(3000), 149_800, 400, 5)).toEqual({ start: 2991, end: 3000, first: 2996 });
  });

  it('does not count a row that starts at the bottom edge as in view', () => {
    expect(visibleRange(even(10), 0, 100, 0)).toEqual({ start: 0, end: 2, first: 0 });
  });

  it('renders nothing for an empty list and a little for an unmeasured viewport', () => {
    expect(visibleRange(prefixOffsets([]), 0, 400, 5)).toEqual({ start: 0, end: 0, first: 0 });
    expect(visibleRange(even(100), 0, 0, 5)).toEqual({ start: 0, end: 6, first: 0 });
  });

  it('works with rows of different heights', () => {
    const offsets = prefixOffsets([40, 120, 40, 40, 200, 40]);
    expect(visibleRange(offsets, 150, 100, 0)).toEqual({ start: 1, end: 5, first: 1 }); // rows 1 to 4 (240–440) show
  });

  it('scrolls as little as possible to show a row, or not at all', () => {
    const offsets = even(10);
    expect(scrollToShow(offsets, 3, 0, 100, 'nearest')).toBe(100);
    expect(scrollToShow(offsets, 1, 0, 100, 'nearest')).toBeUndefined();
    expect(scrollToShow(offsets, 0, 120, 100, 'nearest')).toBe(0);
    expect(scrollToShow(offsets, 42, 0, 100, 'nearest')).toBeUndefined();
  });

  it('puts a followed row a third of the way down', () => {
    expect(scrollToShow(even(100), 50, 0, 300, 'upper-third')).toBe(2400);
    expect(scrollToShow(even(100), 1, 500, 300, 'upper-third')).toBe(0);
  });

  it('aligns a row taller than the view to its top', () => {
    expect(revealDelta({ top: 150, bottom: 400 }, { top: 0, bottom: 200 }, 'nearest')).toBe(150);
    expect(revealDelta({ top: 380, bottom: 430 }, { top: 0, bottom: 400 }, 'nearest')).toBe(30);
    expect(revealDelta({ top: -30, bottom: 20 }, { top: 0, bottom: 400 }, 'nearest')).toBe(-30);
    expect(revealDelta({ top: 10, bottom: 20 }, { top: 0, bottom: 400 }, 'upper-third')).toBe(0);
  });
});

describe('VirtualRows', () => {
  const ids = (count: number): { id: string }[] => Array.from({ length: count }, (_, i) => ({ id: `c${i + 1}` }));

  it('estimates unmeasured rows and remembers measured heights by id', () => {
    let items = ids(3000);
    const rows = new VirtualRows(() => items, 50, 2);
    rows.viewport = 200;
    expect(rows.total).toBe(150_000);
    expect(rows.range).toEqual({ start: 0, end: 6, first: 0 });
    rows.measure('c2', 1, 80);
    expect(rows.total).toBe(150_030);
    items = items.slice(1); // c1 deleted: c2's height moves with it
    rows.measure('c3', 1, 50);
    expect(rows.offsets[1]).toBe(80);
  });

  it('says how far to scroll when a row above the view changes height', () => {
    const rows = new VirtualRows(() => ids(100), 50, 2);
    rows.viewport = 200;
    rows.scrollTop = 1000; // row 20 at the top
    expect(rows.measure('c19', 18, 70)).toBe(20);
    expect(rows.measure('c30', 29, 70)).toBe(0);
    expect(rows.measure('c30', 29, 70)).toBe(0); // unchanged: nothing to do
  });
});
