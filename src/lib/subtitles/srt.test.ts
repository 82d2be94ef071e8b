import { describe, expect, it } from 'vitest';
import type { Cue } from './cue.ts';
import { parseSrt, toSrt } from './srt.ts';

const cue = (start: number, end: number, text: string): Cue => ({ start, end, text });

describe('toSrt', () => {
  it('numbers cues from 1 with a blank line between them and a trailing newline', () => {
    const srt = toSrt([cue(1, 2.5, 'Hello'), cue(3, 4, 'Two\nlines')]);
    expect(srt).toBe(
      '1\n00:00:01,000 --> 00:00:02,500\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo\nlines\n',
    );
  });

  it('returns an empty string for no cues, or none left after normalizing', () => {
    expect(toSrt([])).toBe('');
    expect(toSrt([cue(0, 1, '  '), cue(Number.NaN, 1, 'x')])).toBe('');
  });

  it('normalizes first: sorted, trimmed, overlaps cut, numbering without gaps', () => {
    const srt = toSrt([cue(5, 6, ' b '), cue(0, 9, 'a'), cue(2, 3, '')]);
    expect(srt).toBe('1\n00:00:00,000 --> 00:00:05,000\na\n\n2\n00:00:05,000 --> 00:00:06,000\nb\n');
  });

  it('writes rounded times without a four-digit millisecond field', () => {
    expect(toSrt([cue(0.9995, 59.9996, 'x')])).toBe('1\n00:00:01,000 --> 00:01:00,000\nx\n');
  });

  it('writes hours past 99 in full', () => {
    expect(toSrt([cue(442800, 442801, 'late')])).toContain('123:00:00,000 --> 123:00:01,000');
  });

  it('never writes a carriage return', () => {
    expect(toSrt([cue(0, 1, 'a\r\nb\rc')])).not.toContain('\r');
  });
});

describe('parseSrt', () => {
  const expected = [cue(1, 2.5, 'Hello'), cue(3, 4, 'Two\nlines')];

  it('reads a well-formed file', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,500\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo\nlines\n';
    expect(parseSrt(text)).toEqual(expected);
  });

  it('accepts a BOM and CRLF or CR line endings', () => {
    const lines = ['1', '00:00:01,000 --> 00:00:02,500', 'Hello', '', '2', '00:00:03,000 --> 00:00:04,000', 'Two', 'lines', ''];
    expect(parseSrt(`\uFEFF${lines.join('\r\n')}`)).toEqual(expected);
    expect(parseSrt(lines.join('\r'))).toEqual(expected);
  });

  it('accepts missing and non-numeric index lines', () => {
    const text = '00:00:01,000 --> 00:00:02,500\nHello\n\nsecond cue\n00:00:03,000 --> 00:00:04,000\nTwo\nlines\n';
    expect(parseSrt(text)).toEqual(expected);
  });

  it('accepts extra blank lines before, between and after cues', () => {
    const text = '\n\n \n1\n00:00:01,000 --> 00:00:02,500\nHello\n\n\n\t\n2\n00:00:03,000 --> 00:00:04,000\nTwo\nlines\n\n\n';
    expect(parseSrt(text)).toEqual(expected);
  });

  it('accepts a file without a trailing newline', () => {
    expect(parseSrt('1\n00:00:01,000 --> 00:00:02,500\nHello')).toEqual([cue(1, 2.5, 'Hello')]);
  });

  it('splits cues that have no blank line between them, dropping the index line', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,500\nHello\n2\n00:00:03,000 --> 00:00:04,000\nTwo\nlines';
    expect(parseSrt(text)).toEqual(expected);
  });

  it('accepts . instead of , and times without spaces around the arrow', () => {
    const text = '1\n00:00:01.000-->00:00:02.500\nHello\n\n2\n00:00:03,000   -->  00:00:04.000\nTwo\nlines\n';
    expect(parseSrt(text)).toEqual(expected);
  });

  it('ignores position coordinates after the times', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,500  X1:40 X2:600 Y1:20 Y2:50\nHello\n';
    expect(parseSrt(text)).toEqual([cue(1, 2.5, 'Hello')]);
  });

  it('accepts one-digit and three-digit hours', () => {
    const text = '1\n0:00:01,000 --> 0:00:02,500\nA\n\n2\n123:00:00,000 --> 123:00:01,000\nB\n';
    expect(parseSrt(text)).toEqual([cue(1, 2.5, 'A'), cue(442800, 442801, 'B')]);
  });

  it('skips blocks with malformed times and keeps the rest', () => {
    const text = [
      '1', '00:00:01,000 --> 00:00:02,500', 'Hello', '',
      '2', '00:00:0x,000 --> 00:00:03,000', 'bad digits', '',
      '3', '00:61:00,000 --> 00:62:00,000', 'bad minutes', '',
      '4', '00:00:05 --> 00:00:06', 'no milliseconds', '',
      '5', 'no timing line at all', '',
      '6', '00:00:03,000 --> 00:00:04,000', 'Two', 'lines', '',
    ].join('\n');
    expect(parseSrt(text)).toEqual(expected);
  });

  it('returns [] for empty or unrelated text', () => {
    expect(parseSrt('')).toEqual([]);
    expect(parseSrt('\uFEFF')).toEqual([]);
    expect(parseSrt('WEBVTT\n\nnot srt\n')).toEqual([]);
    expect(parseSrt('just\nsome\ntext')).toEqual([]);
  });

  it('keeps the text as written, tags and all, for normalizeCues to tidy', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\n<i>Hello</i>  there \n{\\an8}top\n';
    expect(parseSrt(text)).toEqual([cue(1, 2, '<i>Hello</i>  there \n{\\an8}top')]);
  });

  it('keeps text lines that merely mention an arrow or a number', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nA --> B\n42\n\n2\n00:00:03,000 --> 00:00:04,000\n7\n';
    expect(parseSrt(text)).toEqual([cue(1, 2, 'A --> B\n42'), cue(3, 4, '7')]);
  });

  it('keeps cues in file order without normalizing their times', () => {
    const text = '1\n00:00:05,000 --> 00:00:06,000\nB\n\n2\n00:00:01,000 --> 00:00:09,000\nA\n';
    expect(parseSrt(text)).toEqual([cue(5, 6, 'B'), cue(1, 9, 'A')]);
  });

  it('reads CJK text and emoji', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\n你好，世界！\n字幕テスト 🎬👨‍👩‍👧\n';
    expect(parseSrt(text)).toEqual([cue(1, 2, '你好，世界！\n字幕テスト 🎬👨‍👩‍👧')]);
  });
});
