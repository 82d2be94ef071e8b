import { describe, expect, it } from 'vitest';
import { rankLanguages } from './language-ranking.ts';

const languages = new Map([['en', 3], ['zh', 4], ['fr', 5], ['de', 6], ['ja', 7], ['ko', 8]]);

function logitsWith(values: Record<number, number>, size = 12): Float32Array {
  const logits = new Float32Array(size).fill(-5);
  for (const [id, value] of Object.entries(values)) logits[Number(id)] = value;
  return logits;
}

describe('rankLanguages', () => {
  it('softmaxes over the language tokens only', () => {
    // token 0 has the highest logit of all, but is not a language: it must not count
    const result = rankLanguages(logitsWith({ 0: 50, 5: 2, 3: 1 }), languages);
    expect(result.language).toBe('fr');
    const expFr = Math.exp(2);
    const total = expFr + Math.exp(1) + 4 * Math.exp(-5);
    expect(result.probability).toBeCloseTo(expFr / total, 6);
    expect(result.ranking.map((g) => g.language)).toEqual(['fr', 'en', 'zh', 'de', 'ja']);
    expect(result.ranking[0]).toEqual({ language: 'fr', probability: result.probability });
  });

  it('gives probabilities that sum to 1 over all languages', () => {
    const result = rankLanguages(logitsWith({ 3: 0.3, 4: -1, 5: 2.2, 6: 0, 7: 1, 8: -0.5 }), languages, languages.size);
    expect(result.ranking).toHaveLength(6);
    expect(result.ranking.reduce((s, g) => s + g.probability, 0)).toBeCloseTo(1, 6);
  });

  it('stays finite for large logits and ignores ids past the vocabulary', () => {
    const result = rankLanguages(logitsWith({ 3: 1000, 4: 999 }), new Map([...languages, ['yue', 99]]), 2);
    expect(result.language).toBe('en');
    expect(result.probability).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
    expect(result.ranking).toHaveLength(2);
  });

  it('refuses logits with no language in them', () => {
    expect(() => rankLanguages(new Float32Array(2), languages)).toThrow(/no language/);
  });
});
