import { prefixOffsets, visibleRange, type RowRange } from './virtual-window.ts';

/** A row of the list: what its measured height is remembered by. */
interface Keyed {
  readonly id: string;
}

/**
 * The scroll state of a virtualised list: measured row heights (by id, so they survive edits
 * that move rows), an estimate for rows never rendered, and the rows to render now.
 *
 * @example
 * const rows = new VirtualRows(() => project.cues);
 * rows.viewport = 600; rows.scrollTop = 12000;
 * rows.range; // { start, end, first }
 */
export class VirtualRows {
  scrollTop = $state(0);
  viewport = $state(0);
  // A plain map plus a version signal: a ResizeObserver batch can measure thirty rows, and
  // copying a 3,000-entry map for each would be wasted work.
  readonly #items: () => readonly Keyed[];
  readonly #estimate: number;
  readonly #overscan: number;
  readonly #heights = new Map<string, number>();
  #version = $state(0);

  /** Every row's top and the total height (`offsets.at(-1)`). */
  offsets: Float64Array = $derived.by(() => {
    void this.#version;
    return prefixOffsets(this.#items().map((item) => this.#heights.get(item.id) ?? this.#estimate));
  });
  range: RowRange = $derived.by(() => visibleRange(this.offsets, this.scrollTop, this.viewport, this.#overscan));

  constructor(items: () => readonly Keyed[], estimate = 64, overscan = 8) {
    this.#items = items;
    this.#estimate = estimate;
    this.#overscan = overscan;
  }

  get total(): number {
    return this.offsets[this.offsets.length - 1] ?? 0;
  }

  /**
   * Records a rendered row's height. Returns how far to scroll to keep what is in view still:
   * a row above the top edge that grew (or shrank) pushes every row below it.
   */
  measure(id: string, index: number, height: number): number {
    const before = this.#heights.get(id) ?? this.#estimate;
    if (height <= 0 || Math.abs(height - before) < 0.5) return 0;
    this.#heights.set(id, height);
    const top = this.offsets[index];
    this.#version++;
    return top !== undefined && top < this.scrollTop ? height - before : 0;
  }
}
