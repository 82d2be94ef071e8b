import { describe, expect, it } from 'vitest';
import type { EditableCue } from './editable-cue.ts';
import { findMatches, replace, type FindOptions } from './find-replace.ts';

const cue = (id: string, text: string, revision = 0): EditableCue => ({ id, revision, start: 0, end: 1, text });
const cues = [cue('c1', 'The colour is 50% off'), cue('c2', 'No Color here, 10% only', 2), cue('c3', 'café cafe', 1)];
const literal: FindOptions = { regex: false, caseSensitive: false };
const regex: FindOptions = { regex: true, caseSensitive: true };
const texts = (result: ReturnType<typeof replace>) => (result.ok ? result.cues.map((c) => c.text) : undefined);

describe('replace', () => {
  it('replaces literally, ignoring case, and counts and revises only the changed cues', () => {
    const result = replace(cues, 'COLOR', 'hue', literal);
    expect(texts(result)).toEqual(['The colour is 50% off', 'No hue here, 10% only', 'café cafe']);
    if (!result.ok) throw new Error('expected ok');
    expect(result.count).toBe(1);
    expect(result.cues[1]?.revision).toBe(3);
    expect(result.cues[0]).toBe(cues[0]);
  });

  it('keeps `$` literal outside regex mode and escapes regex characters in the search', () => {
    expect(texts(replace([cue('c1', 'a.b a+b')], 'a.b', '$1 $&', literal))).toEqual(['$1 $& a+b']);
  });

  it('uses groups, named groups and $& in regex mode', () => {
    expect(texts(replace(cues, '(\\d+)%', '$1 percent', regex))?.slice(0, 2)).toEqual(['The colour is 50 percent off', 'No Color here, 10 percent only']);
    expect(texts(replace([cue('c1', '2024-05')], '(?<y>\\d{4})-(?<m>\\d\\d)', '$<m>/$<y> ($&)', regex))).toEqual(['05/2024 (2024-05)']);
  });

  it('is case sensitive when asked', () => {
    expect(replace(cues, 'color', 'x', { regex: false, caseSensitive: true })).toMatchObject({ ok: true, count: 0, cues });
  });

  it('matches whole words with non-ASCII letters', () => {
    expect(texts(replace(cues, 'caf', 'X', { ...literal, wholeWord: true }))?.[2]).toBe('café cafe');
    expect(texts(replace(cues, 'café', 'X', { ...literal, wholeWord: true }))?.[2]).toBe('X cafe');
    expect(texts(replace(cues, 'cafe', 'X', { ...literal, wholeWord: true }))?.[2]).toBe('café X');
  });

  it('only touches the given cues', () => {
    const result = replace(cues, '%', ' pct', literal, ['c2']);
    expect(texts(result)?.slice(0, 2)).toEqual(['The colour is 50% off', 'No Color here, 10 pct only']);
  });

  it('gives a typed error for an invalid regex instead of throwing', () => {
    const result = replace(cues, '(unclosed', 'x', regex);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-pattern');
      expect(result.error.detail).toMatch(/regular expression/i);
    }
    expect(findMatches(cues, '[z-a]', regex)).toMatchObject({ ok: false, error: { code: 'invalid-pattern' } });
  });

  it('does nothing for an empty search', () => {
    expect(replace(cues, '', 'x', literal)).toEqual({ ok: true, cues, count: 0 });
  });
});

describe('findMatches', () => {
  it('lists each cue with matches and the ranges, skipping empty matches', () => {
    expect(findMatches(cues, 'colou?r', { regex: true, caseSensitive: false })).toEqual({
      ok: true,
      matches: [
        { id: 'c1', ranges: [{ start: 4, end: 10 }] },
        { id: 'c2', ranges: [{ start: 3, end: 8 }] },
      ],
    });
    expect(findMatches(cues, 'x*', regex)).toEqual({ ok: true, matches: [] });
    expect(findMatches(cues, 'caf', literal, ['c3'])).toEqual({ ok: true, matches: [{ id: 'c3', ranges: [{ start: 0, end: 3 }, { start: 5, end: 8 }] }] });
  });
});
