import { describe, expect, it } from 'vitest';
import type { WordTiming } from '../cue.ts';
import { createIdFactory, type EditableCue, type EditResult } from './editable-cue.ts';
import { merge, split } from './split-merge.ts';
import { joinTexts } from './text.ts';

const cue = (id: string, start: number, end: number, text: string, revision = 0): EditableCue => ({ id, revision, start, end, text });
const cuesOf = (result: EditResult) => (result.ok ? result.cues : undefined);
const words: WordTiming[] = [
  { start: 0, end: 0.4, text: ' The' },
  { start: 0.5, end: 1, text: ' quick' },
  { start: 1.1, end: 1.6, text: ' brown' },
  { start: 3, end: 3.5, text: ' fox' },
];
const timed: EditableCue = { ...cue('c1', 0, 4, 'The quick brown fox', 2), words };

describe('split', () => {
  it('keeps the id on the first part (revision + 1) and gives the second a new id at revision 0', () => {
    const result = cuesOf(split([cue('c1', 0, 4, 'one two three four', 5)], 'c1', 2, createIdFactory('c', 7)));
    expect(result).toEqual([cue('c1', 0, 2, 'one two', 6), cue('c7', 2, 4, 'three four')]);
  });

  it('uses word timings: cuts at the gap nearest the time and divides the words', () => {
    const result = cuesOf(split([timed], 'c1', 2.5, createIdFactory('c', 2)));
    expect(result).toEqual([
      { ...cue('c1', 0, 2.5, 'The quick brown', 3), words: words.slice(0, 3) },
      { ...cue('c2', 2.5, 4, 'fox'), words: words.slice(3) },
    ]);
  });

  it('keeps words inside their part when the time is not at their gap', () => {
    // 0.8 s is nearer the quick|brown gap (1.05) than the The|quick one (0.45).
    const [first, second] = cuesOf(split([timed], 'c1', 0.8, createIdFactory('c', 2))) ?? [];
    expect([first?.text, second?.text]).toEqual(['The quick', 'brown fox']);
    expect(first?.words?.at(-1)).toEqual({ start: 0.5, end: 0.8, text: ' quick' });
    expect(second?.words?.[0]).toEqual({ start: 1.1, end: 1.6, text: ' brown' });
  });

  it('cuts at the caret when given, dividing words at it', () => {
    const [first, second] = cuesOf(split([timed], 'c1', 1, createIdFactory('c', 2), 15)) ?? [];
    expect([first?.text, second?.text]).toEqual(['The quick brown', 'fox']);
    expect(first?.words?.map((w) => w.text)).toEqual([' The', ' quick', ' brown']);
    expect(second?.words?.map((w) => w.text)).toEqual([' fox']);
  });

  it('drops the words of both parts when the caret is inside a word', () => {
    const [first, second] = cuesOf(split([timed], 'c1', 1, createIdFactory('c', 2), 6)) ?? [];
    expect([first?.text, second?.text]).toEqual(['The qu', 'ick brown fox']);
    expect(first?.words).toBeUndefined();
    expect(second?.words).toBeUndefined();
  });

  it('splits CJK text between characters and never before punctuation', () => {
    const cjk = [cue('c1', 0, 8, '我们今天，去公园')];
    const texts = (at: number) => cuesOf(split(cjk, 'c1', at, createIdFactory('c', 2)))?.map((c) => c.text);
    expect(texts(5)).toEqual(['我们今天，', '去公园']);
    // Half way points at offset 4, before the comma: the nearest allowed place wins instead.
    expect(texts(4)).toEqual(['我们今', '天，去公园']);
    expect(texts(1)).toEqual(['我', '们今天，去公园']);
  });

  it('refuses a time outside the cue, a single word, a bad caret and an unknown id', () => {
    const ids = createIdFactory();
    const one = [cue('c1', 0, 2, 'word')];
    expect(split(one, 'c1', 2, ids)).toEqual({ ok: false, error: { code: 'split-outside-cue', detail: 'c1' } });
    expect(split(one, 'c1', 1, ids)).toEqual({ ok: false, error: { code: 'no-split-point', detail: 'c1' } });
    expect(split([cue('c1', 0, 2, 'a b')], 'c1', 1, ids, 0)).toEqual({ ok: false, error: { code: 'no-split-point', detail: 'c1' } });
    expect(split([cue('c1', 0, 2, 'a b')], 'c1', 1, ids, 1.5).ok).toBe(false);
    expect(split(one, 'x', 1, ids).ok).toBe(false);
  });

  it('shares the cues around the split one', () => {
    const before = cue('c0', 0, 1, 'a');
    const after = cue('c9', 9, 10, 'z');
    const result = cuesOf(split([before, cue('c1', 2, 4, 'x y'), after], 'c1', 3, createIdFactory('c', 20)));
    expect(result?.[0]).toBe(before);
    expect(result?.[3]).toBe(after);
  });
});

describe('merge', () => {
  it('keeps the first id, raises its revision and joins the texts with a space', () => {
    const cues = [cue('c1', 0, 1, 'Hello', 2), cue('c2', 1.5, 3, 'world', 7)];
    expect(cuesOf(merge(cues, 'c1', 'c2'))).toEqual([cue('c1', 0, 3, 'Hello world', 3)]);
    expect(cuesOf(merge(cues, 'c2', 'c1'))).toEqual([cue('c1', 0, 3, 'Hello world', 3)]);
  });

  it('joins CJK text without a space', () => {
    const cues = [cue('c1', 0, 1, '你好，'), cue('c2', 1, 2, '世界')];
    expect(cuesOf(merge(cues, 'c1', 'c2'))?.[0]?.text).toBe('你好，世界');
    expect(joinTexts('日本語', 'テスト')).toBe('日本語テスト');
    expect(joinTexts('中文', 'English')).toBe('中文 English');
    expect(joinTexts('안녕', '하세요')).toBe('안녕 하세요');
  });

  it('concatenates words when both have them, and keeps none otherwise', () => {
    const a: EditableCue = { ...cue('c1', 0, 1, 'a'), words: [{ start: 0, end: 1, text: 'a' }] };
    const b: EditableCue = { ...cue('c2', 1, 2, 'b'), words: [{ start: 1, end: 2, text: 'b' }] };
    expect(cuesOf(merge([a, b], 'c1', 'c2'))?.[0]?.words).toEqual([...(a.words ?? []), ...(b.words ?? [])]);
    expect(cuesOf(merge([a, cue('c2', 1, 2, 'b')], 'c1', 'c2'))?.[0]?.words).toBeUndefined();
  });

  it('refuses cues that are not neighbours', () => {
    const cues = [cue('c1', 0, 1, 'a'), cue('c2', 1, 2, 'b'), cue('c3', 2, 3, 'c')];
    expect(merge(cues, 'c1', 'c3')).toEqual({ ok: false, error: { code: 'not-adjacent', detail: 'c1 c3' } });
    expect(merge(cues, 'c1', 'c1').ok).toBe(false);
    expect(merge(cues, 'c1', 'x')).toEqual({ ok: false, error: { code: 'unknown-cue', detail: 'x' } });
  });

  it('split then merge gives back the text and the first id', () => {
    const ids = createIdFactory('c', 2);
    const parts = cuesOf(split([cue('c1', 0, 4, 'one two three')], 'c1', 2, ids)) ?? [];
    const merged = cuesOf(merge(parts, 'c1', parts[1]?.id ?? ''));
    expect(merged).toEqual([cue('c1', 0, 4, 'one two three', 2)]);
  });
});
