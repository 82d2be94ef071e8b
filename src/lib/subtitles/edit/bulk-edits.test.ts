import { describe, expect, it } from 'vitest';
import { appendCues, replaceRange } from './bulk-edits.ts';
import { createIdFactory, type EditableCue } from './editable-cue.ts';

const cue = (id: string, start: number, end: number, text = id, revision = 0): EditableCue => ({ id, revision, start, end, text });

describe('appendCues', () => {
  it('appends, cutting the last cue short where the first new one starts', () => {
    const existing = [cue('c1', 0, 1), cue('c2', 1, 3, 'c2', 4)];
    expect(appendCues(existing, [cue('c3', 2.5, 4)])).toEqual([existing[0], cue('c2', 1, 2.5, 'c2', 4), cue('c3', 2.5, 4)]);
  });

  it('drops new cues that start before the last one (a window overlap)', () => {
    const existing = [cue('c1', 0, 2)];
    expect(appendCues(existing, [cue('c2', 0, 1), cue('c3', 2, 3)])).toEqual([existing[0], cue('c3', 2, 3)]);
    expect(appendCues(existing, [cue('c2', 0, 1)])).toBe(existing);
    expect(appendCues([], [cue('c2', 0, 1)])).toEqual([cue('c2', 0, 1)]);
  });
});

describe('replaceRange', () => {
  const cues = [cue('c1', 0, 1, 'a'), cue('c2', 1, 2, 'b', 3), cue('c3', 2, 3, 'c'), cue('c4', 3, 4, 'd')];

  it('replaces the selected range, reusing ids (and revisions) of cues whose text survives', () => {
    const result = replaceRange(cues, ['c3', 'c2'], [{ start: 1, end: 1.5, text: 'b' }, { start: 1.5, end: 3, text: 'new' }], createIdFactory('c', 9));
    expect(result).toEqual({ ok: true, cues: [cues[0], cue('c2', 1, 1.5, 'b', 3), cue('c9', 1.5, 3, 'new'), cues[3]] });
  });

  it('replaces everything without ids, and gives back the same array when nothing changes', () => {
    const same = cues.map(({ start, end, text }) => ({ start, end, text }));
    expect(replaceRange(cues, undefined, same, createIdFactory())).toEqual({ ok: true, cues });
    const result = replaceRange(cues, undefined, [{ start: 0, end: 4, text: 'all' }], createIdFactory('c', 5));
    expect(result).toEqual({ ok: true, cues: [cue('c5', 0, 4, 'all')] });
  });

  it('refuses new cues that overlap the neighbours, and unknown ids', () => {
    expect(replaceRange(cues, ['c2'], [{ start: 0.5, end: 2, text: 'x' }], createIdFactory())).toEqual({ ok: false, error: { code: 'overlaps-neighbour' } });
    expect(replaceRange(cues, ['x'], [], createIdFactory()).ok).toBe(false);
  });
});
