/**
 * The maths of a virtualised list with rows of different heights: where each row starts, which
 * rows a scroll position shows, and how far to scroll to bring one into view. Pure; the
 * `VirtualRows` state class and `StudioCueList` wire it to the DOM.
 */

/** Which rows to render: `start` to `end` (exclusive), overscan included; `first` is the top row in view. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
  readonly first: number;
}

/** Where a row should sit when it is brought into view. */
export type RevealAlign = 'nearest' | 'upper-third';

/**
 * Each row's top: `offsets[i]` is where row i starts, `offsets[n]` the list's total height.
 *
 * @example
 * prefixOffsets([10, 20, 30]); // Float64Array [0, 10, 30, 60]
 */
export function prefixOffsets(heights: readonly number[]): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = (offsets[i] ?? 0) + (heights[i] ?? 0);
  return offsets;
}

/** The row at height `y`: the last one whose top is at or above it, clamped to the rows there are (0 when none). */
export function rowAt(offsets: Float64Array, y: number): number {
  const rows = offsets.length - 1;
  if (rows <= 0) return 0;
  let low = 0;
  let high = rows - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((offsets[middle] ?? 0) <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The rows a viewport shows at `scrollTop`, plus `overscan` rows either side, so a fast scroll
 * or a keyboard move rarely reaches an unrendered row.
 *
 * @example
 * visibleRange(prefixOffsets(Array(3000).fill(50)), 5000, 400, 5); // { start: 95, end: 113, first: 100 }
 */
export function visibleRange(offsets: Float64Array, scrollTop: number, viewport: number, overscan: number): RowRange {
  const rows = offsets.length - 1;
  if (rows <= 0) return { start: 0, end: 0, first: 0 };
  const first = rowAt(offsets, Math.max(0, scrollTop));
  // A row starting exactly at the bottom edge is not in view.
  const last = rowAt(offsets, Math.max(scrollTop, scrollTop + viewport - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(rows, last + 1 + overscan), first };
}

/**
 * The `scrollTop` that brings row `index` fully into view, or undefined when it already is.
 * `nearest` scrolls as little as possible (keyboard moves); `upper-third` puts the row a third
 * of the way down, so following playback scrolls once per screenful, not once per row.
 *
 * @example
 * scrollToShow(prefixOffsets([50, 50, 50, 50]), 3, 0, 100, 'nearest'); // 100
 */
export function scrollToShow(
  offsets: Float64Array,
  index: number,
  scrollTop: number,
  viewport: number,
  align: RevealAlign,
): number | undefined {
  const top = offsets[index];
  const bottom = offsets[index + 1];
  if (top === undefined || bottom === undefined) return undefined;
  const delta = revealDelta({ top, bottom }, { top: scrollTop, bottom: scrollTop + viewport }, align);
  return delta === 0 ? undefined : Math.max(0, scrollTop + delta);
}

/**
 * How far to scroll (negative: up) so `box` is inside `view`; 0 when it already is. A box taller
 * than the view is aligned to its top. Works on page coordinates, so the list can correct a
 * reveal once the row is rendered and measured.
 *
 * @example
 * revealDelta({ top: 380, bottom: 430 }, { top: 0, bottom: 400 }, 'nearest'); // 30
 */
export function revealDelta(
  box: { readonly top: number; readonly bottom: number },
  view: { readonly top: number; readonly bottom: number },
  align: RevealAlign,
): number {
  const inView = box.top >= view.top && box.bottom <= view.bottom;
  if (inView) return 0;
  const height = view.bottom - view.top;
  if (align === 'upper-third') return box.top - view.top - Math.floor(height / 3);
  if (box.top < view.top || box.bottom - box.top > height) return box.top - view.top;
  return box.bottom - view.bottom;
}
