import { describe, expect, it } from 'vitest';
import type { Cue } from './cue.ts';
import { clampToDuration, effectiveDuration, normalizeCues, sortedNonOverlapping } from './normalize.ts';

const cue = (start: number, end: number, text = 'x'): Cue => ({ start, end, text });

describe('normalizeCues: text', () => {
  it('trims and collapses whitespace runs, keeping line breaks', () => {
    const [result] = normalizeCues([cue(0, 1, '  Hello \t  world  \n   second\u00A0 line  ')]);
    expect(result?.text).toBe('Hello world\nsecond line');
  });

  it('drops empty and whitespace-only lines and turns CRLF and CR into \\n', () => {
    const [result] = normalizeCues([cue(0, 1, '\n\none\r\n \r\n\ttwo\rthree\n\n')]);
    expect(result?.text).toBe('one\ntwo\nthree');
  });

  it('drops cues whose text is empty or only whitespace', () => {
    expect(normalizeCues([cue(0, 1, ''), cue(1, 2, ' \n\t \r\n '), cue(2, 3, 'kept')])).toEqual([
      cue(2, 3, 'kept'),
    ]);
  });

  it('keeps CJK text, emoji and other non-ASCII text untouched', () => {
    const text = '你好，世界！\n字幕テスト 🎬👍🏽 👨‍👩‍👧 café';
    expect(normalizeCues([cue(0, 1, text)])).toEqual([cue(0, 1, text)]);
  });
});

describe('normalizeCues: times', () => {
  it('sorts by start', () => {
    const result = normalizeCues([cue(5, 6, 'c'), cue(0, 1, 'a'), cue(2, 3, 'b')]);
    expect(result.map((c) => c.text)).toEqual(['a', 'b', 'c']);
  });

  it('sorts stably: of two cues with one start, the later one in the input wins', () => {
    // Trimming cuts the first of the two to zero length, so which one survives shows the order.
    expect(normalizeCues([cue(1, 3, 'first'), cue(1, 2, 'second')])).toEqual([cue(1, 2, 'second')]);
    expect(normalizeCues([cue(1, 2, 'second'), cue(1, 3, 'first')])).toEqual([cue(1, 3, 'first')]);
  });

  it('cuts the previous cue short when the next one starts before it ends', () => {
    expect(normalizeCues([cue(0, 5, 'a'), cue(3, 8, 'b'), cue(4, 6, 'c')])).toEqual([
      cue(0, 3, 'a'),
      cue(3, 4, 'b'),
      cue(4, 6, 'c'),
    ]);
  });

  it('leaves touching cues alone', () => {
    const cues = [cue(0, 1, 'a'), cue(1, 2, 'b')];
    expect(normalizeCues(cues)).toEqual(cues);
  });

  it('clamps negative starts to 0 and drops cues that end at or before 0', () => {
    expect(normalizeCues([cue(-2, 1, 'a'), cue(-3, -1, 'gone'), cue(-1, 0, 'gone too')])).toEqual([
      cue(0, 1, 'a'),
    ]);
  });

  it('turns a start that rounds to -0 into +0', () => {
    const [result] = normalizeCues([cue(-0.0001, 1)]);
    expect(Object.is(result?.start, 0)).toBe(true);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'drops cues with a %s time',
    (bad) => {
      expect(normalizeCues([cue(bad, 1), cue(0, bad), cue(1, 2, 'ok')])).toEqual([cue(1, 2, 'ok')]);
    },
  );

  it('drops cues with zero or negative duration before trimming overlaps', () => {
    // The broken cue at 2 must not cut "a" short.
    expect(normalizeCues([cue(0, 4, 'a'), cue(2, 2, 'empty'), cue(3, 1, 'reversed')])).toEqual([
      cue(0, 4, 'a'),
    ]);
  });

  it('rounds times to whole milliseconds and drops cues that become empty', () => {
    expect(normalizeCues([cue(1.23449, 2.0006, 'a'), cue(5.0001, 5.0004, 'too short')])).toEqual([
      cue(1.234, 2.001, 'a'),
    ]);
  });

  it('does not modify its input', () => {
    const input = [cue(3, 9, ' b '), cue(0, 5, 'a')];
    const copy = input.map((c) => ({ ...c }));
    normalizeCues(input);
    expect(input).toEqual(copy);
  });

  it('returns [] for no cues', () => {
    expect(normalizeCues([])).toEqual([]);
  });

  it('always produces sorted, non-overlapping cues', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run += 1) {
      const cues = Array.from({ length: Math.floor(next() * 20) }, () => {
        const start = next() * 60 - 5;
        return cue(start, start + next() * 10 - 1, next() < 0.1 ? ' ' : 'text');
      });
      const result = normalizeCues(cues);
      expect(sortedNonOverlapping(result)).toBe(true);
      expect(normalizeCues(result)).toEqual(result);
    }
  });
});

describe('sortedNonOverlapping', () => {
  it('accepts sorted, touching and empty lists', () => {
    expect(sortedNonOverlapping([])).toBe(true);
    expect(sortedNonOverlapping([cue(0, 1), cue(1, 2), cue(3, 4)])).toBe(true);
  });

  it('rejects unsorted, overlapping and empty-duration cues', () => {
    expect(sortedNonOverlapping([cue(2, 3), cue(0, 1)])).toBe(false);
    expect(sortedNonOverlapping([cue(0, 2), cue(1, 3)])).toBe(false);
    expect(sortedNonOverlapping([cue(1, 1)])).toBe(false);
    expect(sortedNonOverlapping([cue(0, Number.NaN)])).toBe(false);
  });
});

describe('normalizeCues with word times', () => {
  it('keeps words inside their cue and in order, also when an overlap cuts the cue short', () => {
    const cues = normalizeCues([
      { start: 0, end: 3, text: 'a b c', words: [{ start: 0.5, end: 1, text: ' a' }, { start: 0.2, end: 2, text: ' b' }, { start: 2.5, end: 4, text: ' c' }] },
      { start: 2, end: 5, text: 'next' },
    ]);
    expect(cues[0]?.end).toBe(2);
    expect(cues[0]?.words).toEqual([
      { start: 0.5, end: 1, text: ' a' },
      { start: 1, end: 2, text: ' b' },
      { start: 2, end: 2, text: ' c' },
    ]);
    expect(cues[1]?.words).toBeUndefined();
  });
});

describe('clampToDuration', () => {
  it('ends cues at the media duration and drops cues that start after it', () => {
    const cues = [
      { start: 1, end: 2, text: 'a' },
      { start: 179, end: 180.011, text: 'b' },
      { start: 180.005, end: 180.01, text: 'c' },
    ];
    expect(clampToDuration(cues, 180)).toEqual([
      { start: 1, end: 2, text: 'a' },
      { start: 179, end: 180, text: 'b' },
    ]);
    expect(clampToDuration(cues, undefined)).toEqual(cues);
  });
});

describe('effectiveDuration', () => {
  it('trusts the container for codec padding, the decoded audio when the header is wrong', () => {
    expect(effectiveDuration(180, 180.011)).toBe(180);
    expect(effectiveDuration(180, 120)).toBe(180);
    expect(effectiveDuration(180, 240)).toBeUndefined();
    expect(effectiveDuration(undefined, 10)).toBeUndefined();
  });
});
