import { describe, expect, it } from 'vitest';
import { textAt } from './cue-at.ts';

const CUES = [
  { start: 0.5, end: 1.5, text: 'one' },
  { start: 2, end: 3, text: 'two' },
  { start: 3, end: 4, text: 'three' },
];

describe('textAt', () => {
  it('finds the cue shown at a time, start inclusive and end exclusive', () => {
    expect(textAt(CUES, 0.5)).toBe('one');
    expect(textAt(CUES, 2.99)).toBe('two');
    expect(textAt(CUES, 3)).toBe('three');
  });

  it('shows nothing before, between and after the cues', () => {
    expect(textAt(CUES, 0)).toBe('');
    expect(textAt(CUES, 1.5)).toBe('');
    expect(textAt(CUES, 4)).toBe('');
    expect(textAt([], 1)).toBe('');
  });
});
