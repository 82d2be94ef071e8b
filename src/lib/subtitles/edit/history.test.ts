import { describe, expect, it } from 'vitest';
import { createHistory, mapHistory, record, redo, undo, type History } from './history.ts';

const states = Array.from({ length: 6 }, (_, i) => [i]);

function recordAll(history: History<readonly number[]>): History<readonly number[]> {
  let h = history;
  for (let i = 1; i < states.length; i++) h = record(h, states[i - 1] ?? [], states[i] ?? [], i * 10_000);
  return h;
}

describe('History', () => {
  it('undoes back to the first state and redoes to the last, giving the very same arrays', () => {
    let h = recordAll(createHistory());
    const seen: (readonly number[])[] = [];
    for (let move = undo(h); move; move = undo(h)) {
      h = move.history;
      seen.push(move.state);
    }
    expect(seen.at(-1)).toBe(states[0]);
    expect(seen).toEqual([...states].reverse().slice(1));
    let last: readonly number[] | undefined;
    for (let move = redo(h); move; move = redo(h)) ({ history: h, state: last } = move);
    expect(last).toBe(states.at(-1));
    expect(h.past).toHaveLength(5);
  });

  it('tells what an undo leaves (for patching data that changed since)', () => {
    const move = undo(record(createHistory<string>(), 'a', 'b', 0));
    expect(move && { state: move.state, from: move.from }).toEqual({ state: 'a', from: 'b' });
    expect(undo(createHistory())).toBeUndefined();
    expect(redo(createHistory())).toBeUndefined();
  });

  it('coalesces same-key steps less than coalesceMs apart into one', () => {
    let h = createHistory<string>({ coalesceMs: 1000 });
    h = record(h, '', 'w', 0, 'k');
    h = record(h, 'w', 'wo', 600, 'k');
    h = record(h, 'wo', 'wor', 1200, 'k'); // 600 ms after the previous keystroke
    expect(h.past).toEqual([{ before: '', after: 'wor', key: 'k', at: 1200 }]);
    h = record(h, 'wor', 'word', 2500, 'k'); // a pause
    h = record(h, 'word', 'word!', 2600, 'other');
    expect(h.past.map((s) => [s.before, s.after])).toEqual([['', 'wor'], ['wor', 'word'], ['word', 'word!']]);
  });

  it('does not extend a step after an undo, nor steps without a key', () => {
    let h = record(record(createHistory<string>(), 'a', 'b', 0, 'k'), 'b', 'c', 10, 'k');
    h = undo(h)?.history ?? h;
    h = record(h, 'a', 'x', 20, 'k');
    expect(h.past.map((s) => s.after)).toEqual(['x']);
    expect(h.future).toEqual([]);
    const plain = record(record(createHistory<string>(), 'a', 'b', 0), 'b', 'c', 1);
    expect(plain.past).toHaveLength(2);
  });

  it('keeps at most `limit` steps, forgetting the oldest', () => {
    let h = createHistory<number>({ limit: 3 });
    for (let i = 0; i < 10; i++) h = record(h, i, i + 1, i * 5000);
    expect(h.past.map((s) => s.before)).toEqual([7, 8, 9]);
  });

  it('rewrites every kept state with mapHistory', () => {
    let h = record(record(createHistory<string>(), 'a', 'b', 0), 'b', 'c', 5000);
    h = undo(h)?.history ?? h;
    const mapped = mapHistory(h, (s) => s.toUpperCase());
    expect(mapped.past).toEqual([{ before: 'A', after: 'B', at: 0, key: undefined }]);
    expect(mapped.future).toEqual([{ before: 'B', after: 'C', at: 5000, key: undefined }]);
  });
});
