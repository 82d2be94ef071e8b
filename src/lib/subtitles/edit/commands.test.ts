import { describe, expect, it } from 'vitest';
import { applyCommand, coalesceKey, removesCues, type EditCommand } from './commands.ts';
import { createIdFactory, type EditableCue } from './editable-cue.ts';

const cue = (id: string, start: number, end: number, text = id, revision = 0): EditableCue => ({ id, revision, start, end, text });
const cues = [cue('c1', 0, 1, 'one two'), cue('c2', 2, 3, 'three'), cue('c3', 4, 5, 'four')];
const run = (command: EditCommand) => applyCommand(cues, command, createIdFactory('c', 10));
const ids = (command: EditCommand) => run(command).cues.map((c) => c.id);

describe('applyCommand', () => {
  it('applies every kind of command', () => {
    expect(run({ type: 'set-text', id: 'c2', text: 'x' }).cues[1]).toEqual(cue('c2', 2, 3, 'x', 1));
    expect(run({ type: 'set-times', id: 'c2', start: 1.5, end: 3.5 }).cues[1]).toEqual(cue('c2', 1.5, 3.5, 'three'));
    expect(ids({ type: 'split', id: 'c1', at: 0.5 })).toEqual(['c1', 'c10', 'c2', 'c3']);
    expect(ids({ type: 'merge', first: 'c2', second: 'c3' })).toEqual(['c1', 'c2']);
    expect(ids({ type: 'insert', after: 'c2', start: 3, end: 4, text: 'new' })).toEqual(['c1', 'c2', 'c10', 'c3']);
    expect(ids({ type: 'delete', ids: ['c1'] })).toEqual(['c2', 'c3']);
    expect(run({ type: 'shift', delta: 1, from: 'c3' }).cues[2]).toEqual(cue('c3', 5, 6, 'four'));
    expect(run({ type: 'replace', find: 'o', replacement: '0', options: { regex: false, caseSensitive: true } })).toMatchObject({ changed: true, count: 2 });
    expect(ids({ type: 'replace-all-cues', ids: ['c2', 'c3'], cues: [{ start: 2, end: 5, text: 'three four' }] })).toEqual(['c1', 'c10']);
  });

  it('reports no change, with the same array, for a no-op or a refused command', () => {
    expect(run({ type: 'set-text', id: 'c2', text: 'three' })).toEqual({ cues, changed: false });
    expect(run({ type: 'delete', ids: [] }).cues).toBe(cues);
    expect(run({ type: 'merge', first: 'c1', second: 'c3' })).toEqual({ cues, changed: false, error: { code: 'not-adjacent', detail: 'c1 c3' } });
    expect(run({ type: 'replace', find: '(', replacement: '', options: { regex: true, caseSensitive: true } })).toMatchObject({ cues, changed: false, error: { code: 'invalid-pattern' } });
  });

  it('names the undo group and which commands remove cues', () => {
    expect(coalesceKey({ type: 'set-text', id: 'c2', text: 'x' })).toBe('set-text c2');
    expect(coalesceKey({ type: 'delete', ids: ['c2'] })).toBeUndefined();
    expect(removesCues({ type: 'merge', first: 'c1', second: 'c2' })).toBe(true);
    expect(removesCues({ type: 'split', id: 'c1', at: 1 })).toBe(false);
  });
});
