/**
 * Why a subtitle file could not be read at all (single bad cues are skipped instead):
 * - `missing-webvtt-header`: parseVtt was given text that does not start with `WEBVTT`;
 * - `empty-file`: nothing but whitespace;
 * - `not-subtitles`: no subtitle format recognised (plain text, binary data, broken JSON);
 * - `unsupported-json`: JSON, but not Zimu's cues format;
 * - `unsupported-json-version`: Zimu's cues format from a newer version of Zimu;
 * - `no-cues`: a subtitle format, but without one readable cue.
 */
export type SubtitleParseErrorCode =
  | 'missing-webvtt-header'
  | 'empty-file'
  | 'not-subtitles'
  | 'unsupported-json'
  | 'unsupported-json-version'
  | 'no-cues';

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
