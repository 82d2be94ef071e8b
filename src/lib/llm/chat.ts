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

export interface CompleteOptions {
  readonly signal: AbortSignal;
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
