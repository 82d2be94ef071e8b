/** Something shown from `start` to `end` (seconds); cues in a project are ordered and don't overlap. */
interface Timed {
  readonly start: number;
  readonly end: number;
}

/**
 * Position of the cue shown at `time`, or -1 in a gap. Binary search: playback asks many times a
 * second over thousands of cues.
 *
 * @example
 * cueIndexAt([{ start: 0, end: 1 }, { start: 2, end: 3 }], 2.5); // 1
 */
export function cueIndexAt(cues: readonly Timed[], time: number): number {
  const index = lastStartingBy(cues, time);
  const cue = cues[index];
  return cue && time < cue.end ? index : -1;
}

/**
 * Position of the last cue starting at or before `time`, or -1 when none does.
 *
 * @example
 * lastStartingBy([{ start: 0, end: 1 }, { start: 2, end: 3 }], 1.5); // 0
 */
export function lastStartingBy(cues: readonly Timed[], time: number): number {
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((cues[middle]?.start ?? Infinity) <= time) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
