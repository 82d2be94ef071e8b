/**
 * CTC greedy decoding as sherpa-onnx does it (offline-ctc-greedy-search-decoder.cc): the arg-max
 * of each frame (the first on ties), repeats merged, blanks dropped; a blank between two equal
 * tokens keeps both.
 */

export interface CtcToken {
  readonly id: number;
  /** The logits frame that emitted it. */
  readonly frame: number;
}

/**
 * Greedy CTC over `frames` rows of `vocab` logits (row-major).
 *
 * @example
 * ctcGreedy(logits, 10, 25055); // [{ id: 24884, frame: 0 }, …]
 */
export function ctcGreedy(logits: Float32Array, frames: number, vocab: number, blank = 0): CtcToken[] {
  if (logits.length < frames * vocab) throw new RangeError(`ctcGreedy: ${logits.length} logits for ${frames} × ${vocab}`);
  const out: CtcToken[] = [];
  let prev = -1;
  for (let t = 0; t < frames; t++) {
    const row = t * vocab;
    let best = 0;
    let bestValue = logits[row] ?? -Infinity;
    for (let v = 1; v < vocab; v++) {
      const x = logits[row + v] ?? -Infinity;
      if (x > bestValue) {
        bestValue = x;
        best = v;
      }
    }
    if (best !== blank && best !== prev) out.push({ id: best, frame: t });
    prev = best;
  }
  return out;
}
