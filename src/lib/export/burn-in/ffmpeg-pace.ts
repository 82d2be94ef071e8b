/** One of ffmpeg's stats lines during a timed run: when it came (wall ms) and the media time written (s). */
export interface PacePoint {
  readonly wallMs: number;
  readonly media: number;
}

/** The pace of a timed run: media seconds per wall second once running, and the start-up cost. */
export interface Pace {
  readonly speed: number;
  /** Wall seconds before the first frame came out (loading the fonts, x264's look-ahead). */
  readonly startup: number;
}

/** Shortest stretch of stats lines (wall ms) worth a pace of its own; shorter runs use the whole run. */
const MIN_SPAN_MS = 1000;

/**
 * How fast a burn-in runs here, from the stats lines of its first seconds: the steady pace
 * between the first and last line, and the start-up before it, so a long film's estimate is not
 * the start-up cost multiplied. A run too short for that (a small video) is taken whole. Pure.
 *
 * @example
 * measurePace([{ wallMs: 3000, media: 0.2 }, { wallMs: 5000, media: 1.2 }], 1000, 5200, 1.2);
 * // { speed: 0.5, startup: 1.6 }
 */
export function measurePace(points: readonly PacePoint[], startMs: number, endMs: number, sample: number): Pace {
  const first = points[0];
  const last = points.at(-1);
  if (first && last && last.wallMs - first.wallMs >= MIN_SPAN_MS && last.media > first.media) {
    const speed = (last.media - first.media) / ((last.wallMs - first.wallMs) / 1000);
    const startup = Math.max(0, (first.wallMs - startMs) / 1000 - first.media / speed);
    return { speed, startup };
  }
  return { speed: sample / Math.max(0.001, (endMs - startMs) / 1000), startup: 0 };
}
