import { delay } from '../async.ts';
import { AppErrorException } from '../errors.ts';
import type { RetryWait } from './chat.ts';
import { classifyLlmError, type LlmFailure } from './llm-error.ts';

/**
 * Our own retry loop (the SDK's is switched off with `maxRetries: 0`): its waits are invisible,
 * and the user must see that Zimu is waiting for a rate limit, for how long, and be able to stop.
 */
export const RETRY_POLICY = {
  /** 429: the service said slow down. Retries, and the first backoff when it gives no Retry-After. */
  rateLimited: { retries: 4, baseMs: 2_000 },
  /** 5xx, 408, 409: the service failed; it usually recovers within seconds. */
  server: { retries: 3, baseMs: 1_000 },
  /** A Retry-After longer than this is not waited out: the user is told to come back later. */
  maxWaitMs: 300_000,
} as const;

/**
 * How long to wait before retry number `attempt` (1-based) after `failure`, or undefined to
 * give up. Honours the service's Retry-After; otherwise exponential backoff with jitter. Pure.
 *
 * @example
 * retryDelayMs({ error: { code: 'llm-rate-limited' }, retryAfterMs: 2000 }, 1); // 2000
 * retryDelayMs({ error: { code: 'llm-auth' } }, 1); // undefined
 */
export function retryDelayMs(failure: LlmFailure, attempt: number, random: () => number = Math.random): number | undefined {
  const policy =
    failure.error.code === 'llm-rate-limited' ? RETRY_POLICY.rateLimited : failure.error.code === 'llm-server' ? RETRY_POLICY.server : undefined;
  if (!policy || attempt > policy.retries) return undefined;
  if (failure.retryAfterMs !== undefined) return failure.retryAfterMs <= RETRY_POLICY.maxWaitMs ? failure.retryAfterMs : undefined;
  const backoff = policy.baseMs * 2 ** (attempt - 1);
  return Math.round(backoff * (1 + random() * 0.2)); // jitter upwards: never sooner than the base
}

export interface RetryOptions {
  readonly signal: AbortSignal;
  readonly secrets: readonly string[];
  readonly onWait?: (wait: RetryWait | undefined) => void;
  /** Injected by tests. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Runs `attempt` until it succeeds or fails in a way not worth retrying; rejects with an
 * AppErrorException carrying the classified error.
 *
 * @example
 * const text = await withRetries(() => streamOnce(messages), { signal, secrets: [apiKey], onWait: showWait });
 */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? delay;
  for (let retry = 1; ; retry++) {
    try {
      return await attempt();
    } catch (caught) {
      const failure = classifyLlmError(caught, options.secrets);
      const wait = options.signal.aborted ? undefined : retryDelayMs(failure, retry);
      if (wait === undefined) throw new AppErrorException(options.signal.aborted ? { code: 'cancelled' } : failure.error);
      const reason = failure.error.code === 'llm-rate-limited' ? 'rate-limited' : 'server-error';
      options.onWait?.({ reason, seconds: Math.ceil(wait / 1000), attempt: retry });
      try {
        await sleep(wait, options.signal);
      } catch {
        throw new AppErrorException({ code: 'cancelled' }); // the only way a sleep fails
      } finally {
        options.onWait?.(undefined);
      }
    }
  }
}
