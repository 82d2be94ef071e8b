/** A cue as burn-in draws it: its times and the text shown (lines joined by `\n`). */
export interface BurnCue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The text shown at `time` (seconds): the cue with start ≤ time < end, from cues sorted by
 * start; '' between cues. A binary search, so each frame costs O(log n). Pure.
 *
 * @example
 * textAt([{ start: 1, end: 2, text: 'Hi' }], 1.5); // 'Hi'
 */
export function textAt(cues: readonly BurnCue[], time: number): string {
  let low = 0;
  let high = cues.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const cue = cues[middle];
    if (!cue) break;
    if (time < cue.start) high = middle - 1;
    else if (time >= cue.end) low = middle + 1;
    else return cue.text;
  }
  return '';
}
