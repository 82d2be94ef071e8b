import { describe, expect, it } from 'vitest';
import { formatTimeInput, parseTimeInput } from './time-input.ts';

describe('typed-in times', () => {
  it('reads the forms people type', () => {
    expect(parseTimeInput('00:01:02.345')).toBe(62.345);
    expect(parseTimeInput(' 1:02.3 ')).toBe(62.3);
    expect(parseTimeInput('62.345')).toBe(62.345);
    expect(parseTimeInput('125')).toBe(125);
    expect(parseTimeInput('01:02:03,5')).toBe(3723.5);
    expect(parseTimeInput('100:00:00.000')).toBe(360_000);
    expect(parseTimeInput('1.23456')).toBe(1.235);
  });

  it('refuses what is not a time', () => {
    for (const text of ['', 'abc', '00:61:00.000', '1:75', '-1', '1:2:3:4', '1.', '.5', '1:02.3.4']) {
      expect(parseTimeInput(text), text).toBeUndefined();
    }
  });

  it('round-trips what it shows', () => {
    for (const seconds of [0, 0.001, 62.345, 3723.5, 360_000.999]) {
      expect(parseTimeInput(formatTimeInput(seconds))).toBe(seconds);
    }
    expect(formatTimeInput(62.345)).toBe('00:01:02.345');
  });
});
