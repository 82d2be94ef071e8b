import { describe, expect, it } from 'vitest';
import type { EditableCue } from '../../subtitles/edit/index.ts';
import { commandFor, insertCommand, isCommandAction, mergeCommand, setTimesCommand, shiftCommand, splitCommand } from './studio-commands.ts';

const cue = (id: string, start: number, end: number, text = 'one two three'): EditableCue => ({ id, revision: 0, start, end, text });
const cues = [cue('c1', 0, 2), cue('c2', 2.5, 4), cue('c3', 10, 12)];

describe('studio commands', () => {
  it('splits at the playhead only inside the cue', () => {
    expect(splitCommand(cues[0]!, 1)).toEqual({ type: 'split', id: 'c1', at: 1 });
    expect(splitCommand(cues[0]!, 2)).toBeUndefined();
    expect(splitCommand(cues[0]!, 0)).toBeUndefined();
  });

  it('splits at the caret, timed by the playhead when inside, else by the caret’s share', () => {
    expect(splitCommand(cues[0]!, 1.5, 4)).toEqual({ type: 'split', id: 'c1', at: 1.5, caret: 4 });
    expect(splitCommand(cue('c9', 10, 20, 'abcdefghij'), 50, 3)).toEqual({ type: 'split', id: 'c9', at: 13, caret: 3 });
    // A caret at either end still cuts inside the cue (the edit then refuses an empty half).
    expect(splitCommand(cue('c9', 10, 20, 'abcdefghij'), 50, 0)).toEqual({ type: 'split', id: 'c9', at: 15, caret: 0 });
  });

  it('merges with a neighbour that exists', () => {
    expect(mergeCommand(cues, 1, 'next')).toEqual({ type: 'merge', first: 'c2', second: 'c3' });
    expect(mergeCommand(cues, 1, 'previous')).toEqual({ type: 'merge', first: 'c1', second: 'c2' });
    expect(mergeCommand(cues, 2, 'next')).toBeUndefined();
    expect(mergeCommand(cues, 0, 'previous')).toBeUndefined();
    expect(mergeCommand(cues, -1, 'next')).toBeUndefined();
  });

  it('inserts after a cue when there is room, up to two seconds', () => {
    expect(insertCommand(cues, 1, 0)).toEqual({ type: 'insert', after: 'c2', start: 4, end: 6, text: '' });
    expect(insertCommand(cues, 0, 0)).toEqual({ type: 'insert', after: 'c1', start: 2, end: 2.5, text: '' });
    expect(insertCommand(cues, 2, 0)).toEqual({ type: 'insert', after: 'c3', start: 12, end: 14, text: '' });
    expect(insertCommand([cue('a', 0, 1), cue('b', 1.1, 2)], 0, 0)).toBeUndefined();
  });

  it('inserts at the playhead when no cue is chosen', () => {
    expect(insertCommand(cues, -1, 5)).toEqual({ type: 'insert', after: 'c2', start: 5, end: 7, text: '' });
    expect(insertCommand(cues, -1, 9)).toEqual({ type: 'insert', after: 'c2', start: 9, end: 10, text: '' });
    expect(insertCommand([cue('a', 3, 4)], -1, 1)).toEqual({ type: 'insert', after: null, start: 1, end: 3, text: '' });
    expect(insertCommand([], -1, 0)).toEqual({ type: 'insert', after: null, start: 0, end: 2, text: '' });
  });

  it('sets one edge of a cue, in whole milliseconds', () => {
    expect(setTimesCommand(cues[0]!, 'end', 1.23456)).toEqual({ type: 'set-times', id: 'c1', start: 0, end: 1.235 });
    expect(setTimesCommand(cues[0]!, 'start', 0.5)).toEqual({ type: 'set-times', id: 'c1', start: 0.5, end: 2 });
  });

  it('shifts by a real, non-zero amount', () => {
    expect(shiftCommand(-1.2)).toEqual({ type: 'shift', delta: -1.2 });
    expect(shiftCommand(0.5, 'c2')).toEqual({ type: 'shift', delta: 0.5, from: 'c2' });
    expect(shiftCommand(0)).toBeUndefined();
    expect(shiftCommand(Number.NaN)).toBeUndefined();
  });

  it('maps toolbar actions to commands', () => {
    const context = { cues, target: 1, time: 0, shiftSeconds: 1 };
    expect(commandFor('nudge-start-earlier', context)).toEqual({ type: 'set-times', id: 'c2', start: 2.4, end: 4 });
    expect(commandFor('nudge-end-later', context)).toEqual({ type: 'set-times', id: 'c2', start: 2.5, end: 4.1 });
    expect(commandFor('shift-from-here', context)).toEqual({ type: 'shift', delta: 1, from: 'c2' });
    expect(commandFor('shift-all', { ...context, cues: [] })).toBeUndefined();
    expect(commandFor('nudge-start-later', { ...context, target: -1 })).toBeUndefined();
    expect(isCommandAction('merge-next')).toBe(true);
    expect(isCommandAction('nudge-end-earlier')).toBe(true);
    expect(isCommandAction('undo')).toBe(false);
  });
});
