/**
 * The largest step between two playback positions that still counts as playing on: time updates
 * come every 250 ms at most (the `timeupdate` event), while a jump further than this is a seek,
 * which should leave the loop rather than be pulled back into it.
 */
export const MAX_PLAY_STEP_SECONDS = 1;

/**
 * Where playback should jump to loop `cue`: its start, once playing carried the time from before
 * its end to at or past it; otherwise undefined.
 *
 * @example
 * loopJump({ start: 4, end: 6 }, 5.9, 6.1); // 4
 * loopJump({ start: 4, end: 6 }, 5.9, 30); // undefined: the user seeked away
 */
export function loopJump(cue: { readonly start: number; readonly end: number } | undefined, previous: number, now: number): number | undefined {
  if (!cue) return undefined;
  const step = now - previous;
  const crossedEnd = previous < cue.end && now >= cue.end;
  return crossedEnd && step > 0 && step <= MAX_PLAY_STEP_SECONDS ? cue.start : undefined;
}
