import { describe, expect, it } from 'vitest';
import type { Cue } from '../subtitles/cue.ts';
import { DEFAULT_PROMPTS } from './prompts.ts';
import { batchMessages, parseBatchAnswer, planBatches, singleCueFallback } from './translation-batches.ts';

const cues: Cue[] = ['One.', 'Two\nlines.', 'Three.', 'Four.', 'Five.'].map((text, i) => ({ start: i, end: i + 1, text }));

describe('planBatches', () => {
  it('splits the cues still to translate into consecutive runs of at most `size`', () => {
    expect(planBatches(5, new Set(), 2)).toEqual([[0, 1], [2, 3], [4]]);
    expect(planBatches(5, new Set([1]), 2)).toEqual([[0], [2, 3], [4]]);
    expect(planBatches(5, new Set([0, 1, 2, 3, 4]), 2)).toEqual([]);
    expect(planBatches(3, new Set(), 0)).toEqual([[0], [1], [2]]);
  });
});

describe('batchMessages', () => {
  it('numbers the cues from 1 and gives unnumbered context on both sides', () => {
    const [system, user] = batchMessages({ cues, ids: [1, 2], contextLines: 1, template: DEFAULT_PROMPTS.translate, language: 'German' });
    expect(system?.content).toContain('into German');
    expect(user?.content).toBe(
      'Context before (do not translate):\nOne.\n\nTranslate these 2 lines:\n[2] Two lines.\n[3] Three.\n\nContext after (do not translate):\nFour.',
    );
  });

  it('says what was wrong when asking again', () => {
    const [, user] = batchMessages({ cues, ids: [0, 1], contextLines: 0, template: 't', language: 'x', problem: { kind: 'missing', ids: [1] } });
    expect(user?.content).toMatch(/lines \[2\] were missing\. Answer again with exactly 2 lines, numbered \[1\] to \[2\]/);
  });
});

describe('parseBatchAnswer', () => {
  it('reads numbered lines, ignoring a preamble, fences and thinking', () => {
    const answer = '<think>[1] draft</think>Here you go:\n```\n[1] Eins.\n[2] Zwei\nZeilen.\n```';
    const result = parseBatchAnswer(answer, [0, 1]);
    expect(result).toEqual({ ok: true, translations: new Map([[0, 'Eins.'], [1, 'Zwei\nZeilen.']]) });
  });

  it('rejects merged lines (a number missing) rather than re-aligning them', () => {
    expect(parseBatchAnswer('[1] Eins. Zwei.\n[3] Drei.', [0, 1, 2])).toEqual({ ok: false, problem: { kind: 'missing', ids: [1] } });
  });

  it('rejects extra, duplicate, empty and unnumbered answers', () => {
    expect(parseBatchAnswer('[1] a\n[2] b\n[3] c', [0, 1])).toEqual({ ok: false, problem: { kind: 'extra', ids: [2] } });
    expect(parseBatchAnswer('[1] a\n[1] a2\n[2] b', [0, 1])).toEqual({ ok: false, problem: { kind: 'duplicate', ids: [0] } });
    expect(parseBatchAnswer('[1] a\n[2]', [0, 1])).toEqual({ ok: false, problem: { kind: 'empty', ids: [1] } });
    expect(parseBatchAnswer('Eins. Zwei.', [0, 1])).toEqual({ ok: false, problem: { kind: 'no-lines' } });
  });

  it('accepts list markers before the numbers', () => {
    expect(parseBatchAnswer('- [1] a\n* [2] b', [0, 1])).toMatchObject({ ok: true });
  });
});

describe('singleCueFallback', () => {
  it('takes an unnumbered answer for a batch of one cue, and nothing numbered', () => {
    expect(singleCueFallback('  Eins.  ')).toBe('Eins.');
    expect(singleCueFallback('[7] Sieben.')).toBeUndefined();
    expect(singleCueFallback('```\n```')).toBeUndefined();
  });
});
