/** One subtitle: shown from `start` to `end` (seconds), `text` may hold `\n` line breaks. */
export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}
