/**
 * Seconds left for a task measured in units of work (here, seconds of media), from the rate so
 * far. Undefined until there is enough to measure (a guess from nothing is worse than none). Pure.
 */
export function remainingSeconds(done: number, total: number, elapsedSeconds: number): number | undefined {
  if (done <= 0 || elapsedSeconds < 1 || total <= done) return total <= done && done > 0 ? 0 : undefined;
  return ((total - done) / done) * elapsedSeconds;
}
