import { describe, expect, it } from 'vitest';
import { parseAss } from './ass-parser.ts';

const FORMAT = 'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text';
const script = (...events: string[]): string => ['[Script Info]', 'ScriptType: v4.00+', '', '[Events]', FORMAT, ...events, ''].join('\n');

describe('parseAss', () => {
  it('reads Dialogue events in file order, with their times', () => {
    const text = script('Dialogue: 0,0:00:05.00,0:00:06.00,Default,,0,0,0,,later', 'Dialogue: 0,1:02:03.07,1:02:04.50,Default,,0,0,0,,hours');
    expect(parseAss(text)).toEqual([
      { start: 5, end: 6, text: 'later' },
      { start: 3723.07, end: 3724.5, text: 'hours' },
    ].map((c) => ({ ...c, start: expect.closeTo(c.start, 9), end: expect.closeTo(c.end, 9) })));
  });

  it('drops override blocks and drawings, keeps commas, and reads \\N, \\n and \\h', () => {
    const text = script('Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\an8\\pos(10,20)}One, {\\i1}two{\\i0}\\Nthree\\nfour\\hfive{\\p1}m 0 0 l 9 9{\\p0}');
    expect(parseAss(text)).toEqual([{ start: 1, end: 2, text: 'One, two\nthree\nfour five' }]);
  });

  it('skips Comment events and events whose times cannot be read', () => {
    const text = script(
      'Comment: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,a note',
      'Dialogue: 0,0:00:xx.00,0:00:01.00,Default,,0,0,0,,bad time',
      'Dialogue: 0,0:00:01.00',
      'Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,kept',
    );
    expect(parseAss(text)).toEqual([{ start: 1, end: 2, text: 'kept' }]);
  });

  it('reads CRLF and lone-CR files, and one with a BOM before [Script Info]', () => {
    const text = script('Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,x');
    const expected = [{ start: 1, end: 2, text: 'x' }];
    expect(parseAss(`\uFEFF${text.replaceAll('\n', '\r\n')}`)).toEqual(expected);
    expect(parseAss(text.replaceAll('\n', '\r'))).toEqual(expected);
  });

  it('reads nothing from a file without events or without an events Format line', () => {
    expect(parseAss('[Script Info]\nTitle: x\n')).toEqual([]);
    expect(parseAss('[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,x\n')).toEqual([]);
  });
});
