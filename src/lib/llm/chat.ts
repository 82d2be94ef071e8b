/** One chat message as OpenAI-compatible endpoints take it. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** A pause before retrying, shown to the user: the service asked for it, or is failing. */
export interface RetryWait {
  readonly reason: 'rate-limited' | 'server-error';
  readonly seconds: number;
  /** 1 for the first retry. */
  readonly attempt: number;
}

/** One numbered subtitle line of a translation batch (`number` is the cue's index + 1). */
export interface TaskLine {
  readonly number: number;
  readonly text: string;
}

/**
 * What a request is for, beside its messages. Chat providers send only the messages; a provider
 * that is not a chat model (the browser's built-in Translator and Summarizer) does the task
 * itself and answers in the format the messages ask for, so every provider stays behind `Complete`.
 */
export type CompleteTask =
  | { readonly kind: 'translate'; readonly language: string; readonly lines: readonly TaskLine[] }
  /** Notes on one part of a long transcript (`text` is that part, `[MM:SS] line` per cue). */
  | { readonly kind: 'notes'; readonly language: string; readonly text: string }
  /** The summary of a whole transcript, or of the notes on its parts. */
  | { readonly kind: 'summary'; readonly language: string; readonly text: string };

export interface CompleteOptions {
  readonly signal: AbortSignal;
  /** What the request is for; chat providers may ignore it. */
  readonly task?: CompleteTask;
  /** Each piece of the answer as it streams in. */
  readonly onDelta?: (delta: string) => void;
  /** A retry wait starting, or (undefined) ending. */
  readonly onWait?: (wait: RetryWait | undefined) => void;
}

/**
 * Sends a conversation and resolves with the whole answer. Rejects with an AppErrorException
 * carrying an LLM error code (or `cancelled`). The one seam between orchestration and network,
 * so translation and summary logic are tested with plain functions.
 */
export type Complete = (messages: readonly ChatMessage[], options: CompleteOptions) => Promise<string>;
