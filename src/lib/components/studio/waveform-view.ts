/**
 * The waveform's arithmetic, apart from wavesurfer and the DOM: the peaks it draws, which cues
 * get a region, what changed since the last sync, and the zoom scale. Pure.
 */

/** A cue as the waveform shows it. */
export interface WaveformCue {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A span of the media, in seconds. */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * At most this many regions exist at once. Measured with wavesurfer 8.0.1 in Chromium: 3,000
 * regions took 12.5 s to settle and 10 s per zoom (each region re-measures the layout on every
 * scroll/zoom), 200 took 0.2 s and 0.15 s.
 */
export const MAX_REGIONS = 200;

/**
 * Peaks laid out over the whole `duration`, however many have arrived: wavesurfer spreads the
 * array it gets over the duration, so the part not yet decoded is silence, not a stretch.
 * Writes into `reuse` when it has the right length (one allocation per file, not per chunk).
 *
 * @example
 * displayPeaks(Float32Array.of(0.5, 0.2), 0.05, 0.01); // Float32Array [0.5, 0.2, 0, 0, 0]
 */
export function displayPeaks(peaks: Float32Array, duration: number, secondsPerPeak: number, reuse?: Float32Array): Float32Array {
  const length = Math.max(1, Math.round(duration / secondsPerPeak));
  const out = reuse?.length === length ? reuse : new Float32Array(length);
  const kept = Math.min(length, peaks.length);
  out.set(peaks.subarray(0, kept));
  out.fill(0, kept);
  return out;
}

/**
 * The cues that get a region: those within one view's width of the view on either side, so
 * scrolling a little finds them there; when that is more than `max` (zoomed far out), the
 * `max` nearest the view's centre, in their original order.
 */
export function cuesNear(cues: readonly WaveformCue[], view: TimeSpan, max = MAX_REGIONS): readonly WaveformCue[] {
  const span = Math.max(0, view.end - view.start);
  const from = view.start - span;
  const to = view.end + span;
  const near = cues.filter((cue) => cue.end >= from && cue.start <= to);
  if (near.length <= max) return near;
  const centre = (view.start + view.end) / 2;
  const distance = (cue: WaveformCue) => Math.max(0, cue.start - centre, centre - cue.end);
  const kept = new Set([...near].sort((a, b) => distance(a) - distance(b)).slice(0, max));
  return near.filter((cue) => kept.has(cue));
}

/** What a region was last given: its cue's times and text, and whether it was selected. */
export interface ShownRegion {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly selected: boolean;
}

/** The changes that bring the regions to the wanted cues: only what differs is touched. */
export interface RegionChanges {
  readonly add: readonly WaveformCue[];
  readonly update: readonly WaveformCue[];
  readonly remove: readonly string[];
}

/** Compares the regions shown with the cues wanted, by id. */
export function planRegions(shown: ReadonlyMap<string, ShownRegion>, wanted: readonly WaveformCue[], selectedId: string | undefined): RegionChanges {
  const add: WaveformCue[] = [];
  const update: WaveformCue[] = [];
  const keep = new Set<string>();
  for (const cue of wanted) {
    keep.add(cue.id);
    const region = shown.get(cue.id);
    if (!region) add.push(cue);
    else if (!sameRegion(region, cue, cue.id === selectedId)) update.push(cue);
  }
  const remove = [...shown.keys()].filter((id) => !keep.has(id));
  return { add, update, remove };
}

/** Times closer than this are the same (a region stores what the drag computed, in floats). */
const TIME_EPSILON = 1e-6;

/** True when two times are the same to within float noise. */
export function sameTime(a: number, b: number): boolean {
  return Math.abs(a - b) < TIME_EPSILON;
}

function sameRegion(region: ShownRegion, cue: WaveformCue, selected: boolean): boolean {
  return sameTime(region.start, cue.start) && sameTime(region.end, cue.end) && region.text === cue.text && region.selected === selected;
}

/** The zoom slider's range: 0 fits the whole file, each step up multiplies by 10^ZOOM_STEP. */
export const MAX_ZOOM_LEVEL = 3;
export const ZOOM_STEP = 0.05;

/** Pixels per second for a zoom level: 0 (fit) → 0, then 1 px/s … 1,000 px/s on a log scale. */
export function pxPerSecond(level: number): number {
  return level <= 0 ? 0 : 10 ** Math.min(level, MAX_ZOOM_LEVEL);
}

/** The zoom level after a Ctrl+wheel turn: scrolling up zooms in, two slider steps a notch. */
export function wheelZoom(level: number, deltaY: number): number {
  const next = level - Math.sign(deltaY) * ZOOM_STEP * 2;
  return Math.round(Math.min(MAX_ZOOM_LEVEL, Math.max(0, next)) / ZOOM_STEP) * ZOOM_STEP;
}

/** The span of the media in view, from the scroll position and widths in pixels. */
export function viewSpan(scrollLeft: number, viewWidth: number, totalWidth: number, duration: number): TimeSpan {
  if (totalWidth <= 0 || duration <= 0) return { start: 0, end: duration };
  return { start: (scrollLeft / totalWidth) * duration, end: (Math.min(totalWidth, scrollLeft + viewWidth) / totalWidth) * duration };
}
