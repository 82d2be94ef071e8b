import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from './time.ts';

describe('formatTimestamp', () => {
  it.each([
    [0, '00:00:00,000'],
    [0.29, '00:00:00,290'],
    [0.0004, '00:00:00,000'],
    [0.0005, '00:00:00,001'],
    [0.9995, '00:00:01,000'],
    [1.0005, '00:00:01,001'],
    [59.9996, '00:01:00,000'],
    [61.5, '00:01:01,500'],
    [3599.9995, '01:00:00,000'],
    [3723.456, '01:02:03,456'],
    [86399.999, '23:59:59,999'],
    [359999.999, '99:59:59,999'],
    [359999.9995, '100:00:00,000'],
    [360000, '100:00:00,000'],
    [442800, '123:00:00,000'],
    [442861.001, '123:01:01,001'],
  ])('formats %s s as %s', (seconds, expected) => {
    expect(formatTimestamp(seconds, ',')).toBe(expected);
  });

  it('uses the given separator before the milliseconds', () => {
    expect(formatTimestamp(3723.456, '.')).toBe('01:02:03.456');
    expect(formatTimestamp(0.9995, '.')).toBe('00:00:01.000');
  });

  it.each([-1, -0.0001, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'clamps %s to zero',
    (seconds) => {
      expect(formatTimestamp(seconds, ',')).toBe('00:00:00,000');
    },
  );

  it('never prints a four-digit millisecond field or a 60 in minutes or seconds', () => {
    // Every value just below a whole second, minute and hour, in 0.1 ms steps.
    for (let whole = 1; whole <= 7200; whole += whole < 120 ? 1 : 59) {
      for (let tenths = 1; tenths <= 9; tenths += 1) {
        const text = formatTimestamp(whole - tenths / 10000, ',');
        expect(text).toMatch(/^\d{2,}:[0-5]\d:[0-5]\d,\d{3}$/);
      }
    }
  });

  it('rounds to the nearest millisecond rather than truncating', () => {
    expect(formatTimestamp(1.4996, ',')).toBe('00:00:01,500');
    expect(formatTimestamp(1.2344, ',')).toBe('00:00:01,234');
    expect(formatTimestamp(1.2346, ',')).toBe('00:00:01,235');
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['00:00:00,000', 0],
    ['00:00:00,290', 0.29],
    ['01:02:03,456', 3723.456],
    ['01:02:03.456', 3723.456],
    ['02:03.456', 123.456],
    ['59:59.999', 3599.999],
    ['0:00:01,000', 1],
    ['100:00:00,000', 360000],
    ['123:00:00.000', 442800],
    ['  00:00:01,500  ', 1.5],
  ])('reads %j as %s s', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    '',
    '00:60:00,000',
    '00:00:60,000',
    '00:99:00.000',
    '00:00:01',
    '00:00:01,',
    '00:00:01,5',
    '00:00:01,5000',
    '00:00:1,000',
    '00:1:01,000',
    '1,000',
    '01.000',
    'aa:00:01,000',
    '00:00:01,00x',
    '00:00:01;000',
    '-00:00:01,000',
    '00:00:01,000 extra',
    '::,',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it('gives back every millisecond value that formatTimestamp writes', () => {
    for (let ms = 0; ms < 4_000_000; ms += 997) {
      const seconds = ms / 1000;
      expect(parseTimestamp(formatTimestamp(seconds, ','))).toBe(seconds);
      expect(parseTimestamp(formatTimestamp(seconds, '.'))).toBe(seconds);
    }
  });
});
