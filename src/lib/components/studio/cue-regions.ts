import type WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import { cuesNear, planRegions, sameTime, type ShownRegion, type TimeSpan, type WaveformCue } from './waveform-view.ts';

export interface CueRegionCallbacks {
  /** A drag or resize of a region ended with new times (once per gesture, not per move). */
  readonly onTimesChange: (id: string, start: number, end: number) => void;
  readonly onSelect?: (id: string) => void;
}

interface Entry {
  readonly region: Region;
  readonly label: HTMLElement;
  shown: ShownRegion;
}

// Inline values: region elements live in wavesurfer's shadow root, out of reach of component
// CSS; custom properties (app.css) still inherit into it.
const COLOR = 'color-mix(in srgb, var(--accent) 18%, transparent)';
const SELECTED_COLOR = 'color-mix(in srgb, var(--accent) 42%, transparent)';
const LABEL_STYLE =
  'display:block;padding:0.1rem 0.4rem;font-size:0.75rem;line-height:1.3;color:var(--text);white-space:nowrap;overflow:hidden;text-overflow:ellipsis;pointer-events:none';
/** Shorter than this, a resize stops: a cue never flips or vanishes under the pointer. */
const MIN_SECONDS = 0.1;

/**
 * One wavesurfer region per cue near the view, kept in sync with the cues by id: a sync adds,
 * moves, relabels and removes only what changed. Each region's element carries
 * `data-cue-id` (and `data-testid="waveform-region"`, `data-selected`) for tests and styling.
 *
 * @example
 * const regions = new CueRegions(surfer, { onTimesChange, onSelect });
 * regions.sync(cues, { start: 0, end: 30 }, selectedId);
 */
export class CueRegions {
  readonly #plugin;
  readonly #entries = new Map<string, Entry>();
  readonly #callbacks: CueRegionCallbacks;
  readonly #unsubscribe: readonly (() => void)[];

  constructor(surfer: WaveSurfer, callbacks: CueRegionCallbacks) {
    this.#plugin = surfer.registerPlugin(RegionsPlugin.create());
    this.#callbacks = callbacks;
    this.#unsubscribe = [
      this.#plugin.on('region-updated', (region) => this.#dragged(region)),
      this.#plugin.on('region-clicked', (region) => this.#callbacks.onSelect?.(region.id)),
    ];
  }

  /** Brings the regions to `cues` near `view`; a region being dragged is left alone. */
  sync(cues: readonly WaveformCue[], view: TimeSpan, selectedId: string | undefined): void {
    const shown = new Map([...this.#entries].map(([id, entry]) => [id, entry.shown]));
    const { add, update, remove } = planRegions(shown, cuesNear(cues, view), selectedId);
    for (const id of remove) {
      const entry = this.#entries.get(id);
      if (!entry || busy(entry.region)) continue;
      entry.region.remove();
      this.#entries.delete(id);
    }
    for (const cue of update) {
      const entry = this.#entries.get(cue.id);
      if (entry && !busy(entry.region)) this.#update(entry, cue, cue.id === selectedId);
    }
    for (const cue of add) this.#add(cue, cue.id === selectedId);
  }

  /** Removes every region and stops listening (the plugin goes with its wavesurfer). */
  destroy(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#plugin.clearRegions();
    this.#entries.clear();
  }

  #add(cue: WaveformCue, selected: boolean): void {
    const region = this.#plugin.addRegion({ id: cue.id, start: cue.start, end: cue.end, color: selected ? SELECTED_COLOR : COLOR, minLength: MIN_SECONDS });
    const label = document.createElement('span');
    label.setAttribute('style', LABEL_STYLE);
    region.element?.append(label);
    const entry: Entry = { region, label, shown: { start: cue.start, end: cue.end, text: cue.text, selected } };
    this.#entries.set(cue.id, entry);
    region.element?.setAttribute('data-testid', 'waveform-region');
    region.element?.setAttribute('data-cue-id', cue.id);
    this.#update(entry, cue, selected);
  }

  #update(entry: Entry, cue: WaveformCue, selected: boolean): void {
    const { region, label, shown } = entry;
    if (!sameTime(shown.start, cue.start) || !sameTime(shown.end, cue.end)) region.setOptions({ start: cue.start, end: cue.end });
    if (shown.selected !== selected) region.setOptions({ color: selected ? SELECTED_COLOR : COLOR });
    label.textContent = cue.text;
    region.element?.setAttribute('title', cue.text);
    region.element?.toggleAttribute('data-selected', selected);
    entry.shown = { start: cue.start, end: cue.end, text: cue.text, selected };
  }

  /**
   * A drag or resize ended. The region now shows the new times; recording them as shown means
   * that the next sync puts it back unless the caller took them (as one undo step). The caller
   * should sync again soon after, even when its cues did not change.
   */
  #dragged(region: Region): void {
    const entry = this.#entries.get(region.id);
    if (!entry) return;
    const { start, end } = region;
    if (sameTime(start, entry.shown.start) && sameTime(end, entry.shown.end)) return;
    entry.shown = { ...entry.shown, start, end };
    this.#callbacks.onTimesChange(region.id, start, end);
  }
}

/** A region under the pointer: moving it now would fight the user. */
function busy(region: Region): boolean {
  return region.isDragging || region.updatingSide !== undefined;
}
