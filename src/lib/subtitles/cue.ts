/** One subtitle: shown from `start` to `end` (seconds), `text` may hold `\n` line breaks. */
export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Word-level times, when recognition produced them; always inside [start, end] and ordered. */
  readonly words?: readonly WordTiming[];
}

/** One word's time (seconds), as Whisper's cross-attention alignment estimates it. */
export interface WordTiming {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}
