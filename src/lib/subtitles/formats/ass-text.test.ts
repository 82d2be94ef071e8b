import { describe, expect, it } from 'vitest';
import { assTimes, escapeAssText, formatAssTime, unescapeAssText } from './ass-text.ts';

const WJ = '\u2060';

describe('escapeAssText', () => {
  it('turns line breaks of every kind into \\N', () => {
    expect(escapeAssText('one\ntwo\r\nthree\rfour')).toBe('one\\Ntwo\\Nthree\\Nfour');
  });

  it('turns braces into fullwidth ones, so no text becomes an override block', () => {
    expect(escapeAssText('{\\an8}top')).toBe(`｛\\an8｝top`);
    expect(escapeAssText('a {comment} b } {')).toBe('a ｛comment｝ b ｝ ｛');
  });

  it('keeps a backslash before N, n or h from becoming a line break or hard space', () => {
    expect(escapeAssText('C:\\new\\Note\\h')).toBe(`C:\\${WJ}new\\${WJ}Note\\${WJ}h`);
    expect(escapeAssText('a\\\\N')).toBe(`a\\\\${WJ}N`);
  });

  it('leaves other backslashes, commas and CJK text alone', () => {
    expect(escapeAssText('\\i1, 你好\\')).toBe('\\i1, 你好\\');
  });

  it('escapes a text backslash before a line break without touching the \\N it writes', () => {
    expect(escapeAssText('end\\\nnext')).toBe('end\\\\Nnext');
  });
});

describe('unescapeAssText', () => {
  it('reads \\N and \\n as line breaks and \\h as a space', () => {
    expect(unescapeAssText('a\\Nb\\nc\\hd')).toBe('a\nb\nc d');
  });

  it('undoes escapeAssText, except for the fullwidth braces', () => {
    for (const text of ['C:\\new\\Note\\h', 'a\\\\N', 'end\\\nnext', '\\', 'x\\\\\\n']) {
      expect(unescapeAssText(escapeAssText(text)), JSON.stringify(text)).toBe(text);
    }
    expect(unescapeAssText(escapeAssText('{x}'))).toBe('｛x｝');
  });
});

describe('formatAssTime', () => {
  it('writes H:MM:SS.cc with unpadded hours', () => {
    expect(formatAssTime(0)).toBe('0:00:00.00');
    expect(formatAssTime(372350)).toBe('1:02:03.50');
    expect(formatAssTime(359_999)).toBe('0:59:59.99');
    expect(formatAssTime(123 * 360_000 + 1)).toBe('123:00:00.01');
  });
});

describe('assTimes', () => {
  it('rounds to the nearest centisecond, halves up, without double-rounding errors', () => {
    expect(assTimes([{ start: 1.004, end: 1.235 }, { start: 2.995, end: 3.0049 }])).toEqual([
      { start: 100, end: 124 },
      { start: 300, end: 301 },
    ]);
  });

  it('keeps every cue at least 1 cs long and moves the next one past it', () => {
    expect(assTimes([{ start: 1.001, end: 1.004 }, { start: 1.004, end: 1.009 }, { start: 1.009, end: 2 }])).toEqual([
      { start: 100, end: 101 },
      { start: 101, end: 102 },
      { start: 102, end: 200 },
    ]);
  });

  it('keeps touching cues touching', () => {
    expect(assTimes([{ start: 0, end: 1.005 }, { start: 1.005, end: 2 }])).toEqual([
      { start: 0, end: 101 },
      { start: 101, end: 200 },
    ]);
  });
});
