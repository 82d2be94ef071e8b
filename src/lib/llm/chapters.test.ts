import { describe, expect, it } from 'vitest';
import type { Cue } from '../subtitles/cue.ts';
import { checkChapters, snapToCue } from './chapters.ts';

const cues: Cue[] = [
  { start: 0, end: 2.4, text: 'Hello from Zimu.' },
  { start: 2.4, end: 5.8, text: 'These subtitles run in your browser.' },
  { start: 9, end: 12, text: 'After a pause.' },
  { start: 3725.5, end: 3727, text: 'An hour later.' },
];

describe('snapToCue', () => {
  it('moves a time to the start of the cue it names or falls in', () => {
    expect(snapToCue(0, cues)).toBe(0);
    expect(snapToCue(2, cues)).toBe(2.4); // "00:02" is how the prompt shows 2.4
    expect(snapToCue(4, cues)).toBe(2.4);
    expect(snapToCue(3725, cues)).toBe(3725.5);
  });

  it('moves a time in a short pause to the next cue, and drops invented ones', () => {
    expect(snapToCue(7, cues)).toBe(9);
    expect(snapToCue(5.9, [])).toBeUndefined();
    expect(snapToCue(100, cues)).toBeUndefined();
    expect(snapToCue(99_999, cues)).toBeUndefined();
  });
});

describe('checkChapters', () => {
  const summary = [
    '## TL;DR',
    'At 00:03 it says hello.',
    '## Key points',
    '- [00:00] greeting, a key point with a time',
    '## Chapters',
    '- [00:00] Greeting',
    '- **[00:04]** — Browser',
    '1. (00:07) After the pause',
    '- [07:30] Invented',
    '- [1:02:05] An hour later',
  ].join('\n');

  it('keeps checked chapters of the last section, rewritten to real cue times', () => {
    const checked = checkChapters(summary, cues);
    expect(checked.chapters).toEqual([
      { start: 0, title: 'Greeting' },
      { start: 2.4, title: 'Browser' },
      { start: 9, title: 'After the pause' },
      { start: 3725.5, title: 'An hour later' },
    ]);
    expect(checked.markdown).toContain('- [00:02] Browser\n- [00:09] After the pause\n- [1:02:05] An hour later');
    expect(checked.markdown).not.toContain('Invented');
    expect(checked.markdown).toContain('- [00:00] greeting, a key point with a time');
    expect(checked.body.endsWith('## Chapters')).toBe(true);
  });

  it('drops chapters out of order or at the same cue', () => {
    const checked = checkChapters('## Chapters\n- [00:04] B\n- [00:02] Same cue\n- [00:00] Earlier', cues);
    expect(checked.chapters).toEqual([{ start: 2.4, title: 'B' }]);
  });

  it('works on a summary still streaming, and without headings', () => {
    expect(checkChapters('## TL;DR\nSome', cues).chapters).toEqual([]);
    expect(checkChapters('- [00:00] Start\n- [00:0', cues).chapters).toEqual([{ start: 0, title: 'Start' }]);
  });
});
