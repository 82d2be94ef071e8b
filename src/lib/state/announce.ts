/**
 * What a screen reader is told about a run's progress: the stage when it changes and every
 * `step` percent, not every tick (a polite live region re-reads its text on each change). Pure.
 *
 * @example progressMilestone(0.437) // 40
 */
export function progressMilestone(progress: number | undefined, step = 10): number | undefined {
  if (progress === undefined || !Number.isFinite(progress)) return undefined;
  return Math.min(100, Math.max(0, Math.floor((progress * 100) / step) * step));
}
