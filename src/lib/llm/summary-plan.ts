import { estimateTokens } from './tokens.ts';

/** No request carries more transcript than this, however large the context: long inputs dilute summaries. */
export const MAX_CHUNK_TOKENS = 24_000;
/** The smallest input worth a request, so a tiny context still makes progress. */
export const MIN_CHUNK_TOKENS = 64;

/**
 * How many tokens of transcript (or notes) one request may carry: the context window, less
 * room for the answer (a quarter of the context, 512 to 4096 tokens), the system prompt and
 * message framing. Pure.
 *
 * @example
 * inputBudget(4096, 'You summarise videos.'); // 3002
 */
export function inputBudget(contextTokens: number, systemPrompt: string): number {
  const answer = Math.min(4096, Math.max(512, Math.floor(contextTokens * 0.25)));
  const overhead = estimateTokens(systemPrompt) + 64;
  return Math.max(MIN_CHUNK_TOKENS, Math.min(MAX_CHUNK_TOKENS, contextTokens - answer - overhead));
}

/**
 * Packs lines, in order, into as few chunks as fit `budget` tokens each (a single longer line
 * gets a chunk of its own). Pure.
 *
 * @example
 * splitByTokens(['aaaa', 'bbbb', 'cccc'], 6); // [['aaaa', 'bbbb'], ['cccc']]
 */
export function splitByTokens(lines: readonly string[], budget: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const line of lines) {
    const cost = estimateTokens(line) + 1; // + the line break
    if (current.length > 0 && used + cost > budget) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(line);
    used += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
