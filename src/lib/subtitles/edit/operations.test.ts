import { describe, expect, it } from 'vitest';
import { createIdFactory, type EditableCue } from './editable-cue.ts';
import { deleteCues, insert, setText, setTimes, shift, timeBounds } from './operations.ts';

const cue = (id: string, start: number, end: number, text = id, revision = 0): EditableCue => ({ id, revision, start, end, text });
const three = [cue('c1', 0, 1), cue('c2', 2, 3), cue('c3', 4, 5)];
const cuesOf = (result: { ok: boolean; cues?: readonly EditableCue[] }) => (result.ok ? result.cues : undefined);

describe('createIdFactory', () => {
  it('counts up from the seed and skips past reserved ids', () => {
    const ids = createIdFactory('c', 5);
    expect([ids.next(), ids.next()]).toEqual(['c5', 'c6']);
    ids.reserve(['c41', 'x99', 'c3', 'c']);
    expect(ids.next()).toBe('c42');
  });
});

describe('setText', () => {
  it('changes one cue, raises its revision, drops its words and shares the others', () => {
    const words = [{ start: 0, end: 1, text: 'c1' }];
    const result = setText([{ ...cue('c1', 0, 1), words }, ...three.slice(1)], 'c1', 'new');
    expect(result).toEqual({ ok: true, cues: [cue('c1', 0, 1, 'new', 1), three[1], three[2]] });
    expect(cuesOf(result)?.[1]).toBe(three[1]);
  });

  it('gives back the same array for the same text, and refuses an unknown id', () => {
    expect(cuesOf(setText(three, 'c2', 'c2'))).toBe(three);
    expect(setText(three, 'nope', 'x')).toEqual({ ok: false, error: { code: 'unknown-cue', detail: 'nope' } });
  });
});

describe('setTimes', () => {
  it('keeps the revision, rounds to milliseconds and keeps words inside', () => {
    const withWords: EditableCue = { ...cue('c2', 2, 3, 'a b', 4), words: [{ start: 2, end: 2.5, text: 'a' }, { start: 2.5, end: 3, text: 'b' }] };
    const result = setTimes([three[0]!, withWords, three[2]!], 'c2', 2.20004, 2.8);
    expect(cuesOf(result)?.[1]).toEqual({ ...withWords, start: 2.2, end: 2.8, words: [{ start: 2.2, end: 2.5, text: 'a' }, { start: 2.5, end: 2.8, text: 'b' }] });
  });

  it('refuses overlaps with a neighbour and empty or negative intervals', () => {
    expect(setTimes(three, 'c2', 0.5, 3)).toEqual({ ok: false, error: { code: 'overlaps-neighbour' } });
    expect(setTimes(three, 'c2', 2, 4.5)).toEqual({ ok: false, error: { code: 'overlaps-neighbour' } });
    expect(setTimes(three, 'c2', 3, 3)).toEqual({ ok: false, error: { code: 'invalid-times' } });
    expect(setTimes(three, 'c1', -1, 1)).toEqual({ ok: false, error: { code: 'invalid-times' } });
    expect(setTimes(three, 'c2', Number.NaN, 3)).toEqual({ ok: false, error: { code: 'invalid-times' } });
  });

  it('allows touching neighbours; the same times give back the same array', () => {
    expect(cuesOf(setTimes(three, 'c2', 1, 4))?.[1]).toEqual(cue('c2', 1, 4));
    expect(cuesOf(setTimes(three, 'c2', 2, 3))).toBe(three);
  });

  it('timeBounds tells a drag UI where the cue may go', () => {
    expect(timeBounds(three, 'c2')).toEqual({ min: 1, max: 4 });
    expect(timeBounds(three, 'c1')).toEqual({ min: 0, max: 2 });
    expect(timeBounds(three, 'c3')).toEqual({ min: 3, max: Infinity });
    expect(timeBounds(three, 'x')).toBeUndefined();
  });
});

describe('insert', () => {
  it('inserts after a cue or first, with a new id and revision 0', () => {
    const ids = createIdFactory('c', 10);
    expect(cuesOf(insert(three, 'c1', 1, 2, 'between', ids))?.map((c) => c.id)).toEqual(['c1', 'c10', 'c2', 'c3']);
    const first = cuesOf(insert([three[1]!], null, 0.5, 1.5, 'first', ids));
    expect(first).toEqual([cue('c11', 0.5, 1.5, 'first'), three[1]]);
    expect(cuesOf(insert([], null, 0, 1, 'only', ids))).toEqual([cue('c12', 0, 1, 'only')]);
  });

  it('refuses a cue that does not fit, or an unknown anchor', () => {
    const ids = createIdFactory();
    expect(insert(three, 'c1', 0.5, 2, 'x', ids)).toEqual({ ok: false, error: { code: 'overlaps-neighbour' } });
    expect(insert(three, null, 0, 0.5, 'x', ids)).toEqual({ ok: false, error: { code: 'overlaps-neighbour' } });
    expect(insert(three, 'nope', 6, 7, 'x', ids)).toEqual({ ok: false, error: { code: 'unknown-cue', detail: 'nope' } });
  });
});

describe('deleteCues', () => {
  it('removes the given ids and ignores unknown ones', () => {
    expect(deleteCues(three, ['c1', 'c3', 'x'])).toEqual([three[1]]);
    expect(deleteCues(three, ['x'])).toBe(three);
  });
});

describe('shift', () => {
  it('moves every cue and its words, keeping revisions', () => {
    const cues = [cue('c1', 1, 2, 'a', 3), { ...cue('c2', 3, 4), words: [{ start: 3, end: 4, text: 'c2' }] }];
    expect(cuesOf(shift(cues, 0.5))).toEqual([cue('c1', 1.5, 2.5, 'a', 3), { ...cue('c2', 3.5, 4.5), words: [{ start: 3.5, end: 4.5, text: 'c2' }] }]);
  });

  it('moves from one cue to the end, sharing the cues before it', () => {
    const result = cuesOf(shift(three, 10, 'c2'));
    expect(result?.map((c) => [c.start, c.end])).toEqual([[0, 1], [12, 13], [14, 15]]);
    expect(result?.[0]).toBe(three[0]);
  });

  it('stops at 0, or at the end of the cue before, keeping lengths and order', () => {
    const late = [cue('c1', 3, 4), cue('c2', 5, 6.5)];
    expect(cuesOf(shift(late, -10))?.map((c) => [c.start, c.end])).toEqual([[0, 1], [2, 3.5]]);
    expect(cuesOf(shift(three, -10, 'c2'))?.map((c) => [c.start, c.end])).toEqual([[0, 1], [1, 2], [3, 4]]);
  });

  it('rounds to milliseconds without drift, and a zero shift is no change', () => {
    const cues = [cue('c1', 0.1, 0.2), cue('c2', 0.2, 0.3)];
    expect(cuesOf(shift(cues, 0.7))?.map((c) => [c.start, c.end])).toEqual([[0.8, 0.9], [0.9, 1]]);
    expect(cuesOf(shift(three, 0))).toBe(three);
    expect(cuesOf(shift(three, -1))).toBe(three); // already at 0
    expect(shift(three, 1, 'x')).toEqual({ ok: false, error: { code: 'unknown-cue', detail: 'x' } });
  });
});
