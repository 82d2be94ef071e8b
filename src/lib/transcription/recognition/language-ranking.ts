/** A language and how likely the model thinks it is spoken. */
export interface LanguageGuess {
  /** Whisper language code (`fr`, `zh`, `yue`…). */
  readonly language: string;
  /** 0…1, over the model's languages only. */
  readonly probability: number;
}

/** Whisper's answer: the likeliest language, and the top few for a "did you mean" list. */
export interface LanguageDetection extends LanguageGuess {
  /** The `top` likeliest, most likely first (the first is `language` itself). */
  readonly ranking: readonly LanguageGuess[];
}

/**
 * Ranks languages as OpenAI's `detect_language` does: a softmax over the logits of the language
 * tokens only (every other token is masked out). Logits are one decoder step's, over the whole
 * vocabulary. Pure.
 *
 * @example
 * rankLanguages(logits, new Map([['en', 50259], ['fr', 50265]])); // → { language: 'fr', probability: 0.97, ranking: [...] }
 */
export function rankLanguages(logits: ArrayLike<number>, languages: ReadonlyMap<string, number>, top = 5): LanguageDetection {
  const entries = [...languages].filter(([, id]) => id < logits.length);
  if (entries.length === 0) throw new Error('no language token among the logits');
  const max = Math.max(...entries.map(([, id]) => logits[id] ?? -Infinity));
  if (!Number.isFinite(max)) throw new Error('language logits are not finite');
  const weights = entries.map(([language, id]) => ({ language, weight: Math.exp((logits[id] ?? -Infinity) - max) }));
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  const ranking = weights
    .map(({ language, weight }) => ({ language, probability: weight / total }))
    .sort((a, b) => b.probability - a.probability);
  const best = ranking[0];
  if (!best) throw new Error('no language token among the logits');
  return { ...best, ranking: ranking.slice(0, Math.max(1, top)) };
}
