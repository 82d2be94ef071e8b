import { describe, expect, it } from 'vitest';
import { inputBudget, MAX_CHUNK_TOKENS, MIN_CHUNK_TOKENS, splitByTokens } from './summary-plan.ts';

describe('inputBudget', () => {
  it('leaves room for the answer and the prompt, within bounds', () => {
    expect(inputBudget(4096, 'You summarise videos.')).toBe(3002);
    expect(inputBudget(1_000_000, 'x')).toBe(MAX_CHUNK_TOKENS);
    expect(inputBudget(600, 'x'.repeat(400))).toBe(MIN_CHUNK_TOKENS);
  });
});

describe('splitByTokens', () => {
  it('packs lines in order into chunks within the budget', () => {
    expect(splitByTokens(['aaaa', 'bbbb', 'cccc'], 6)).toEqual([['aaaa', 'bbbb'], ['cccc']]);
    expect(splitByTokens(['a'.repeat(100), 'b'], 5)).toEqual([['a'.repeat(100)], ['b']]);
    expect(splitByTokens([], 10)).toEqual([]);
  });

  it('never loses or reorders a line', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `[${i}] ${'word '.repeat(i % 17)}`);
    const chunks = splitByTokens(lines, 120);
    expect(chunks.flat()).toEqual(lines);
    expect(chunks.length).toBeGreaterThan(10);
  });
});
