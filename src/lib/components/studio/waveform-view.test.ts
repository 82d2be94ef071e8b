import { describe, expect, it } from 'vitest';
import { cuesNear, displayPeaks, MAX_ZOOM_LEVEL, planRegions, pxPerSecond, viewSpan, wheelZoom, type ShownRegion, type WaveformCue } from './waveform-view.ts';

const cue = (id: string, start: number, end: number, text = id): WaveformCue => ({ id, start, end, text });
const shown = (start: number, end: number, text: string, selected = false): ShownRegion => ({ start, end, text, selected });

describe('displayPeaks', () => {
  it('lays the peaks so far over the whole duration, the rest silent', () => {
    expect(Array.from(displayPeaks(Float32Array.of(0.5, 0.25), 0.05, 0.01))).toEqual([0.5, 0.25, 0, 0, 0]);
  });

  it('drops peaks past the duration, and never returns an empty array (wavesurfer refuses one)', () => {
    expect(Array.from(displayPeaks(Float32Array.of(0.5, 0.25, 0.75), 0.02, 0.01))).toEqual([0.5, 0.25]);
    expect(displayPeaks(new Float32Array(0), 0, 0.01)).toHaveLength(1);
  });

  it('refills the buffer it is given when the length holds', () => {
    const first = displayPeaks(Float32Array.of(1), 0.03, 0.01);
    const second = displayPeaks(Float32Array.of(0.5, 0.5), 0.03, 0.01, first);
    expect(second).toBe(first);
    expect(Array.from(second)).toEqual([0.5, 0.5, 0]);
    expect(displayPeaks(Float32Array.of(1), 0.04, 0.01, first)).not.toBe(first);
  });
});

describe('cuesNear', () => {
  const cues = Array.from({ length: 3000 }, (_, i) => cue(`c${i}`, i * 1.2, i * 1.2 + 1));

  it('keeps the cues within one view width either side of the view', () => {
    const near = cuesNear(cues, { start: 120, end: 150 });
    expect(near[0]?.start).toBeLessThanOrEqual(90);
    expect(near.at(-1)?.end).toBeGreaterThanOrEqual(180);
    expect(near.every((c) => c.end >= 90 && c.start <= 180)).toBe(true);
    expect(near).toHaveLength(76);
  });

  it('keeps at most `max`, those nearest the centre, in order, when zoomed far out', () => {
    const near = cuesNear(cues, { start: 0, end: 3600 }, 200);
    expect(near).toHaveLength(200);
    const centre = 1800;
    expect(near.some((c) => c.start <= centre && c.end >= centre - 1.2)).toBe(true);
    expect(near.map((c) => c.start)).toEqual([...near.map((c) => c.start)].sort((a, b) => a - b));
    expect(near.every((c) => Math.abs(c.start - centre) < 130)).toBe(true);
  });
});

describe('planRegions', () => {
  it('adds, updates and removes by id, leaving unchanged regions alone', () => {
    const regions = new Map([
      ['a', shown(0, 1, 'a')],
      ['b', shown(1, 2, 'b')],
      ['c', shown(2, 3, 'c')],
      ['d', shown(3, 4, 'd')],
    ]);
    const plan = planRegions(regions, [cue('a', 0, 1), cue('b', 1, 2.5), cue('c', 2, 3, 'see'), cue('e', 5, 6)], undefined);
    expect(plan.add.map((c) => c.id)).toEqual(['e']);
    expect(plan.update.map((c) => c.id)).toEqual(['b', 'c']);
    expect(plan.remove).toEqual(['d']);
  });

  it('updates a region whose selection changed, and ignores float noise in times', () => {
    const regions = new Map([['a', shown(0.1 + 0.2, 1, 'a')], ['b', shown(1, 2, 'b', true)]]);
    const plan = planRegions(regions, [cue('a', 0.3, 1), cue('b', 1, 2)], 'a');
    expect(plan.update.map((c) => c.id)).toEqual(['a', 'b']);
    expect(planRegions(regions, [cue('a', 0.3, 1), cue('b', 1, 2)], 'b').update).toEqual([]);
  });
});

describe('zoom', () => {
  it('maps the slider to pixels per second on a log scale, 0 fitting the file', () => {
    expect(pxPerSecond(0)).toBe(0);
    expect(pxPerSecond(1)).toBe(10);
    expect(pxPerSecond(MAX_ZOOM_LEVEL)).toBe(1000);
    expect(pxPerSecond(99)).toBe(1000);
  });

  it('zooms in on Ctrl+wheel up and out on down, within the slider', () => {
    expect(wheelZoom(1, -100)).toBeCloseTo(1.1, 9);
    expect(wheelZoom(1, 100)).toBeCloseTo(0.9, 9);
    expect(wheelZoom(0, 100)).toBe(0);
    expect(wheelZoom(MAX_ZOOM_LEVEL, -1)).toBeCloseTo(MAX_ZOOM_LEVEL, 9);
  });
});

describe('viewSpan', () => {
  it('turns the scroll position into seconds', () => {
    expect(viewSpan(1000, 500, 4000, 60)).toEqual({ start: 15, end: 22.5 });
    expect(viewSpan(0, 500, 500, 60)).toEqual({ start: 0, end: 60 });
    expect(viewSpan(0, 500, 0, 60)).toEqual({ start: 0, end: 60 });
  });
});
