import type { WhisperSpecialIds } from './special-ids.ts';

/**
 * Whisper's decoder prompt: the tokens generation starts from, as OpenAI's decoder builds them:
 *   [<|startofprev|> …previous text…] <|startoftranscript|> <|lang|> <|task|> [<|notimestamps|>]
 * transformers.js 4.3's Whisper `generate` takes this as `decoder_input_ids` instead of building
 * its own (`kwargs.decoder_input_ids ?? this._retrieve_init_tokens(…)`), and the ASR pipeline
 * passes that option through. Unlike its `language` option, this works for every language the
 * model has a token for (transformers.js rejects `yue`, large-v3's Cantonese). Pure.
 */

export type WhisperTask = 'transcribe' | 'translate';

export interface DecoderPromptOptions {
  /** Whisper language code (`fr`, `zh`, `yue`…); English-only models accept only `en`. */
  readonly language: string;
  readonly task: WhisperTask;
  /** Whether the model should emit segment timestamps (`return_timestamps` true or 'word'). */
  readonly timestamps: boolean;
  /**
   * Text tokens to condition on (an initial prompt, or the previous window's text), put after
   * <|startofprev|>. Special and timestamp tokens are dropped and only the last
   * `MAX_PREVIOUS_TOKENS` are kept, as OpenAI does. See `initial-prompt.ts` for when the ASR
   * pipeline handles them cleanly (word timestamps only).
   */
  readonly previousTokens?: readonly number[];
}

/** OpenAI's limit on prompt text: half the decoder's 448 positions, minus one. */
export const MAX_PREVIOUS_TOKENS = 223;

/** Why a prompt cannot be built; `code` is for the UI to translate. */
export type DecoderPromptErrorCode = 'unknown-language' | 'english-only-model';

/** Thrown when the model has no token for the language, or cannot do what was asked. */
export class DecoderPromptError extends Error {
  override readonly name = 'DecoderPromptError';
  readonly code: DecoderPromptErrorCode;
  readonly language: string;

  constructor(code: DecoderPromptErrorCode, language: string, message: string) {
    super(message);
    this.code = code;
    this.language = language;
  }
}

/**
 * The decoder's starting token ids for a language and task.
 *
 * @example
 * buildDecoderPrompt(ids, { language: 'fr', task: 'transcribe', timestamps: true });
 * // → [50258, 50265, 50359] (<|startoftranscript|><|fr|><|transcribe|>) on tiny … large-v2
 * await asr(pcm, { return_timestamps: true, decoder_input_ids: prompt });
 */
export function buildDecoderPrompt(ids: WhisperSpecialIds, options: DecoderPromptOptions): number[] {
  const prompt = [...previousText(ids, options.previousTokens ?? []), ids.startOfTranscript, ...languageAndTask(ids, options)];
  if (!options.timestamps) prompt.push(ids.noTimestamps);
  return prompt;
}

function languageAndTask(ids: WhisperSpecialIds, { language, task }: DecoderPromptOptions): number[] {
  if (ids.kind === 'english-only') {
    if (language !== 'en' || task !== 'transcribe') {
      throw new DecoderPromptError('english-only-model', language, `an English-only model cannot ${task} ${language}`);
    }
    return [];
  }
  const languageId = ids.languages.get(language);
  if (languageId === undefined) throw new DecoderPromptError('unknown-language', language, `the model has no <|${language}|> token`);
  return [languageId, task === 'translate' ? ids.translate : ids.transcribe];
}

/** <|startofprev|> and the last text tokens, or nothing. */
function previousText(ids: WhisperSpecialIds, tokens: readonly number[]): number[] {
  const text = tokens.filter((t) => t < ids.endOfText).slice(-MAX_PREVIOUS_TOKENS);
  return text.length > 0 && ids.startOfPrevious !== undefined ? [ids.startOfPrevious, ...text] : [];
}
