/** Why a subtitle file could not be read at all (single bad cues are skipped instead). */
export type SubtitleParseErrorCode = 'missing-webvtt-header';

/**
 * Thrown when a subtitle file is not of the expected format; `code` is for the UI to translate.
 *
 * @example
 * try {
 *   parseVtt(text);
 * } catch (error) {
 *   if (error instanceof SubtitleParseError) showError(error.code);
 * }
 */
export class SubtitleParseError extends Error {
  override readonly name = 'SubtitleParseError';
  readonly code: SubtitleParseErrorCode;

  constructor(code: SubtitleParseErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
