/**
 * Initial prompts ("Zimu, WebGPU, Whisper" to teach spellings; the previous window's text to keep
 * style) as OpenAI's `initial_prompt`: text tokens after <|startofprev|>, before
 * <|startoftranscript|> (`buildDecoderPrompt`'s `previousTokens`).
 *
 * What transformers.js 4.3.2 does with them (tests/unit/recognition-prompt.test.ts checks both):
 * - `return_timestamps: 'word'`: clean. The pipeline keeps the generated tokens from the first
 *   timestamp on, so the prompt never reaches the text, and DTW skips all `decoder_input_ids`.
 * - `return_timestamps: true` (segments) or false: the prompt leaks. `_call_whisper` hands the
 *   whole sequence, prompt included, to `tokenizer._decode_asr`, which keeps every non-special
 *   token as text, so the first segment starts with the prompt's words. Do not prompt there.
 * Generation itself is right in every mode: the timestamp and begin-suppress logits processors
 * start after `decoder_input_ids`, whatever their length.
 */

/** The one tokenizer call this needs (transformers.js' `PreTrainedTokenizer` fits). */
export interface PromptTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
}

/**
 * Text tokens of an initial prompt, with the leading space OpenAI adds (`" " + prompt.strip()`);
 * empty for blank text. Pass them as `previousTokens` to `buildDecoderPrompt`.
 *
 * @example
 * const previousTokens = initialPromptTokens(asr.tokenizer, 'Zimu, subtitles.');
 * const prompt = buildDecoderPrompt(ids, { language: 'en', task: 'transcribe', timestamps: true, previousTokens });
 * await asr(pcm, { return_timestamps: 'word', decoder_input_ids: prompt });
 */
export function initialPromptTokens(tokenizer: PromptTokenizer, text: string): number[] {
  const trimmed = text.trim();
  return trimmed ? tokenizer.encode(` ${trimmed}`, { add_special_tokens: false }) : [];
}
