import { describe, expect, it } from 'vitest';
import type { Cue } from './cue.ts';
import { SubtitleParseError } from './parse-error.ts';
import { parseVtt, toVtt } from './vtt.ts';

const cue = (start: number, end: number, text: string): Cue => ({ start, end, text });

describe('toVtt', () => {
  it('writes the header, a blank line, then cues with . before the milliseconds', () => {
    expect(toVtt([cue(1, 2.5, 'Hello'), cue(3723.456, 3724, 'Two\nlines')])).toBe(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello\n\n01:02:03.456 --> 01:02:04.000\nTwo\nlines\n',
    );
  });

  it('writes just the header for no cues', () => {
    expect(toVtt([])).toBe('WEBVTT\n');
    expect(parseVtt(toVtt([]))).toEqual([]);
  });

  it('normalizes first', () => {
    expect(toVtt([cue(5, 6, ' b '), cue(0, 9, 'a'), cue(2, 3, '')])).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:05.000\na\n\n00:00:05.000 --> 00:00:06.000\nb\n',
    );
  });

  it('writes rounded times without a four-digit millisecond field, and hours past 99', () => {
    expect(toVtt([cue(0.9995, 359999.9995, 'x')])).toContain('00:00:01.000 --> 100:00:00.000\n');
  });

  it('escapes &, < and >', () => {
    expect(toVtt([cue(0, 1, 'Tom & Jerry <3 a>b &amp;')])).toContain(
      '\nTom &amp; Jerry &lt;3 a&gt;b &amp;amp;\n',
    );
  });

  it('never writes a text line that contains -->', () => {
    const vtt = toVtt([cue(0, 1, 'a --> b\n-->'), cue(2, 3, '00:00:05.000 --> 00:00:06.000')]);
    const arrowLines = vtt.split('\n').filter((line) => line.includes('-->'));
    expect(arrowLines).toEqual(['00:00:00.000 --> 00:00:01.000', '00:00:02.000 --> 00:00:03.000']);
    expect(parseVtt(vtt)).toEqual([cue(0, 1, 'a --> b\n-->'), cue(2, 3, '00:00:05.000 --> 00:00:06.000')]);
  });

  it('never writes a carriage return', () => {
    expect(toVtt([cue(0, 1, 'a\r\nb\rc')])).not.toContain('\r');
  });
});

describe('parseVtt: header', () => {
  it.each([
    'WEBVTT\n\n00:01.000 --> 00:02.000\nx\n',
    '\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nx\n',
    'WEBVTT - Title of the file\n\n00:01.000 --> 00:02.000\nx\n',
    'WEBVTT\ttabbed title\r\n\r\n00:01.000 --> 00:02.000\r\nx\r\n',
    'WEBVTT\nKind: captions\nLanguage: en\n\n00:01.000 --> 00:02.000\nx\n',
  ])('accepts header %j', (text) => {
    expect(parseVtt(text)).toEqual([cue(1, 2, 'x')]);
  });

  it.each(['', '1\n00:00:01,000 --> 00:00:02,000\nx\n', 'WEBVTTX\n', 'webvtt\n', ' WEBVTT\n', 'WEBVTT-\n'])(
    'rejects %j with a SubtitleParseError',
    (text) => {
      expect(() => parseVtt(text)).toThrow(SubtitleParseError);
      try {
        parseVtt(text);
      } catch (error) {
        expect(error).toBeInstanceOf(SubtitleParseError);
        expect(error).toMatchObject({ code: 'missing-webvtt-header', name: 'SubtitleParseError' });
        expect(String(error)).toMatch(/WEBVTT/);
      }
    },
  );
});

describe('parseVtt: blocks', () => {
  it('skips NOTE, STYLE and REGION blocks', () => {
    const text = [
      'WEBVTT', '',
      'REGION', 'id:fred', 'width:40%', '',
      'STYLE', '::cue { color: red }', '',
      'NOTE this is a comment', 'over two lines', '',
      'NOTE', 'another', '',
      '00:01.000 --> 00:02.000', 'x', '',
      'NOTE after the cues', '',
    ].join('\n');
    expect(parseVtt(text)).toEqual([cue(1, 2, 'x')]);
  });

  it('skips a commented-out cue inside a NOTE block', () => {
    const text = 'WEBVTT\n\nNOTE\n00:03.000 --> 00:04.000\nold text\n\n00:01.000 --> 00:02.000\nx\n';
    expect(parseVtt(text)).toEqual([cue(1, 2, 'x')]);
  });

  it('reads cues whose text starts with NOTE as cues', () => {
    expect(parseVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nNOTE well\n')).toEqual([cue(1, 2, 'NOTE well')]);
  });

  it('skips cue identifiers', () => {
    const text = 'WEBVTT\n\nintro\n00:01.000 --> 00:02.000\nx\n\n2\n00:03.000 --> 00:04.000\ny\n';
    expect(parseVtt(text)).toEqual([cue(1, 2, 'x'), cue(3, 4, 'y')]);
  });

  it('ignores cue settings after the timing', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000 align:start position:10% line:0 size:50%\nx\n';
    expect(parseVtt(text)).toEqual([cue(1, 2, 'x')]);
  });

  it('accepts hour-less, two-digit and long-hour timings', () => {
    const text = 'WEBVTT\n\n59:59.999 --> 01:00:00.500\na\n\n123:00:00.000 --> 123:00:01.000\nb\n';
    expect(parseVtt(text)).toEqual([cue(3599.999, 3600.5, 'a'), cue(442800, 442801, 'b')]);
  });

  it('skips cues with malformed timings and keeps the rest', () => {
    const text = [
      'WEBVTT', '',
      '00:01.000 --> 00:02.000', 'good', '',
      '00:61.000 --> 00:62.000', 'bad seconds', '',
      '00:01 --> 00:02', 'no milliseconds', '',
      'id', 'garbage --> more garbage', 'bad', '',
      'just some text', '',
      '00:03.000 --> 00:04.000', 'also good', '',
    ].join('\n');
    expect(parseVtt(text)).toEqual([cue(1, 2, 'good'), cue(3, 4, 'also good')]);
  });

  it('starts a new cue at a --> line inside a block, as the WebVTT parser does', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\na\n00:03.000 --> 00:04.000\nb\n';
    expect(parseVtt(text)).toEqual([cue(1, 2, 'a'), cue(3, 4, 'b')]);
  });

  it('reads a cue that follows the header metadata without a blank line', () => {
    expect(parseVtt('WEBVTT\n00:01.000 --> 00:02.000\nx')).toEqual([cue(1, 2, 'x')]);
  });

  it('keeps multi-line text and file order', () => {
    const text = 'WEBVTT\n\n00:05.000 --> 00:06.000\nline one\nline two\n\n00:01.000 --> 00:09.000\nA\n';
    expect(parseVtt(text)).toEqual([cue(5, 6, 'line one\nline two'), cue(1, 9, 'A')]);
  });

  it('reads CJK text and emoji', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\n你好，世界！\n字幕テスト 🎬👨‍👩‍👧\n';
    expect(parseVtt(text)).toEqual([cue(1, 2, '你好，世界！\n字幕テスト 🎬👨‍👩‍👧')]);
  });
});

describe('parseVtt: cue text', () => {
  const textOf = (payload: string): string | undefined =>
    parseVtt(`WEBVTT\n\n00:01.000 --> 00:02.000\n${payload}\n`)[0]?.text;

  it.each([
    ['&amp; &lt; &gt;', '& < >'],
    ['a&nbsp;b', 'a\u00A0b'],
    ['&lrm;abc&rlm;', '\u200Eabc\u200F'],
    ['&quot;hi&apos;', '"hi\''],
    ['&#65;&#x1F600;&#X4E2D;', 'A😀中'],
    ['&amp;lt;', '&lt;'],
    ['&unknown; & alone &amp', '&unknown; & alone &amp'],
    ['&constructor;', '&constructor;'],
  ])('unescapes %j', (payload, expected) => {
    expect(textOf(payload)).toBe(expected);
  });

  it.each([
    ['<v Speaker>Hello</v>', 'Hello'],
    ['<v.loud Ann Smith>Hi', 'Hi'],
    ['<c.yellow.bg_blue>coloured</c> text', 'coloured text'],
    ['<i>it</i> <b>bold</b> <u>under</u>', 'it bold under'],
    ['<lang zh>中文</lang>', '中文'],
    ['Never <00:00:01.500>drink <00:01.800>liquid', 'Never drink liquid'],
    ['<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>', '漢字'],
    ['<ruby>漢<rt>かん</ruby>', '漢'],
    ['<i>&lt;tag&gt;</i>', '<tag>'],
  ])('strips tags from %j', (payload, expected) => {
    expect(textOf(payload)).toBe(expected);
  });

  it('strips tags on every line of a multi-line cue', () => {
    expect(textOf('<v A>one</v>\n<v B>two</v>')).toBe('one\ntwo');
  });
});
