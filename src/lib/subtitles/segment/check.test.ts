import { describe, expect, it } from 'vitest';
import { checkCue, fixCues, keepGapAfter } from './check.ts';
import { PROFILES } from './profiles.ts';

const en = PROFILES['netflix-en'];
const zh = PROFILES['netflix-zh-hans'];

describe('checkCue', () => {
  it('finds nothing wrong with a readable cue', () => {
    expect(checkCue({ start: 0, end: 2, text: 'Where are you going?' }, en, { start: 2.5, end: 3, text: 'Home.' })).toEqual([]);
  });

  it('reports each issue with the measured value and the limit', () => {
    const line = 'This line is far too long to read comfortably at once';
    const issues = checkCue({ start: 0, end: 0.5, text: `${line}\nsecond\nthird` }, en, { start: 0.52, end: 1, text: 'next' });
    expect(issues).toEqual([
      { kind: 'line-too-long', line: 1, value: line.length, limit: 42 },
      { kind: 'too-many-lines', value: 3, limit: 2 },
      { kind: 'too-fast', value: (line.length + 'secondthird'.length) / 0.5, limit: 20 },
      { kind: 'too-short', value: 0.5, limit: en.minSeconds },
      { kind: 'gap-too-small', value: expect.closeTo(0.02, 6), limit: en.minGapSeconds },
    ]);
  });

  it('reports a cue on screen too long, and an overlap as a negative gap', () => {
    const issues = checkCue({ start: 0, end: 9, text: 'Hello.' }, en, { start: 8, end: 10, text: 'Hi.' });
    expect(issues).toEqual([
      { kind: 'too-long', value: 9, limit: 7 },
      { kind: 'gap-too-small', value: -1, limit: en.minGapSeconds },
    ]);
  });

  it('measures Chinese in display width, half-width characters counting half', () => {
    const text = '我们用 Python 和 PyTorch 训练模型';
    const issues = checkCue({ start: 0, end: 1, text }, zh);
    expect(issues).toEqual([
      { kind: 'line-too-long', line: 1, value: 16.5, limit: 16 },
      { kind: 'too-fast', value: 16.5, limit: 9 },
    ]);
  });

  it('does not report times sitting on a limit after millisecond rounding', () => {
    expect(checkCue({ start: 1, end: 1.833, text: 'Yes.' }, en, { start: 1.916, end: 3, text: 'No.' })).toEqual([]);
  });
});

describe('fixCues', () => {
  it('re-segments and opens the minimum gap between neighbours', () => {
    const cues = [
      { start: 0, end: 2, text: 'First.' },
      { start: 2, end: 12, text: 'The storm had knocked out power across the whole valley. Crews worked through the night.' },
      { start: 12, end: 14, text: 'Last.' },
    ];
    const fixed = fixCues(cues, en);
    expect(fixed.map((cue) => cue.text.replace(/\n/g, ' '))).toEqual([
      'First.',
      'The storm had knocked out power across the whole valley.',
      'Crews worked through the night.',
      'Last.',
    ]);
    fixed.forEach((cue, index) => {
      const next = fixed[index + 1];
      expect(checkCue(cue, en, next).filter((issue) => issue.kind === 'gap-too-small')).toEqual([]);
    });
    expect(fixed[0]?.end).toBe(1.917);
  });

  it('keeps words inside a shortened cue', () => {
    const words = [{ start: 0, end: 2, text: ' Hello.' }];
    const [first] = fixCues([{ start: 0, end: 2, text: 'Hello.', words }, { start: 2, end: 3, text: 'Hi.' }], en);
    expect(first?.words?.[0]?.end).toBeLessThanOrEqual(first?.end ?? 0);
  });

  it('leaves a gap it cannot open', () => {
    const cues = [
      { start: 0, end: 0.05, text: 'A' },
      { start: 0.05, end: 1, text: 'B' },
    ];
    expect(fixCues(cues, en)).toEqual(cues);
  });
});

describe('keepGapAfter', () => {
  const en = PROFILES['netflix-en'];
  it('starts the first streamed cue late enough to leave the minimum gap', () => {
    expect(keepGapAfter({ start: 0, end: 2.4, text: 'a' }, [{ start: 2.4, end: 5, text: 'b' }, { start: 5.2, end: 6, text: 'c' }], en)).toEqual([
      { start: 2.483, end: 5, text: 'b' },
      { start: 5.2, end: 6, text: 'c' },
    ]);
  });

  it('leaves cues alone when the gap is there, there is no previous cue, or the cue would get too short', () => {
    const cues = [{ start: 3, end: 5, text: 'b' }];
    expect(keepGapAfter({ start: 0, end: 2, text: 'a' }, cues, en)).toEqual(cues);
    expect(keepGapAfter(undefined, cues, en)).toEqual(cues);
    const short = [{ start: 2, end: 2.8, text: 'b' }];
    expect(keepGapAfter({ start: 0, end: 2, text: 'a' }, short, en)).toEqual(short);
  });
});
