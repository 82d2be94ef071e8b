/**
 * Drops inline reasoning: reasoning models served through OpenAI-compatible endpoints
 * (DeepSeek-R1 or Qwen3 on Ollama, say) write their thinking into the answer as
 * `<think>…</think>`, and an unclosed block is still being written. Pure.
 *
 * @example
 * stripThinking('<think>hmm</think>Hello'); // 'Hello'
 */
export function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?(?:<\/think>|$)/g, '').trimStart();
}

/**
 * Unwraps an answer the model put inside one Markdown code fence (```markdown … ```),
 * also while the closing fence has not arrived yet. Fences inside the text stay. Pure.
 *
 * @example
 * unwrapFence('```markdown\n## TL;DR\n```'); // '## TL;DR'
 */
export function unwrapFence(text: string): string {
  const opening = /^\s*```[\w-]*[ \t]*\r?\n/.exec(text);
  if (!opening) return text;
  const body = text.slice(opening[0].length);
  return body.replace(/\r?\n```\s*$/, '');
}
