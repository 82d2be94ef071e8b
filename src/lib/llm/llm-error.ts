import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai/error';
import { AppErrorException, type AppError, type AppErrorCode } from '../errors.ts';

/** A classified failure, with the wait the service asked for when it said how long. */
export interface LlmFailure {
  readonly error: AppError;
  readonly retryAfterMs?: number;
}

// Providers phrase this differently: "maximum context length", "context_length_exceeded",
// "too many tokens", "prompt is too long", "exceeds the context window"…
const CONTEXT_MESSAGE = /context.?length|context window|maximum context|too many tokens|prompt is too long|too long/i;

/**
 * Turns anything the SDK (or our stream reader) threw into a typed error for the UI. `secrets`
 * (the API key) are scrubbed from the detail text whatever the server echoed.
 *
 * @example
 * classifyLlmError(new AuthenticationError(401, undefined, 'Unauthorized', new Headers()), [key]).error.code; // 'llm-auth'
 */
export function classifyLlmError(caught: unknown, secrets: readonly string[]): LlmFailure {
  if (caught instanceof AppErrorException) return { error: redactError(caught.error, secrets) };
  // Strict offline refuses the request inside fetch; the SDK reports that as a connection error.
  if (caught instanceof Error && caught.cause instanceof AppErrorException) return { error: redactError(caught.cause.error, secrets) };
  if (caught instanceof APIUserAbortError || isAbortError(caught)) return { error: { code: 'cancelled' } };
  if (caught instanceof APIConnectionTimeoutError) return failure('llm-timeout', caught, secrets);
  if (caught instanceof APIConnectionError) return failure('llm-unreachable', caught, secrets);
  if (caught instanceof APIError) return classifyStatus(caught, secrets);
  if (caught instanceof SyntaxError || caught instanceof OpenAIError) return failure('llm-bad-response', caught, secrets);
  return failure('unknown', caught, secrets);
}

/** Throws a typed LLM error from our own checks (a cut stream, an empty answer…). */
export function llmError(code: AppErrorCode, detail?: string): AppErrorException {
  return new AppErrorException(detail ? { code, detail } : { code });
}

/**
 * The wait a 429 or 503 asked for: `retry-after-ms`, else `Retry-After` in seconds or as an
 * HTTP date. Undefined when absent or unreadable. Pure.
 *
 * @example
 * retryAfterMs(new Headers({ 'retry-after': '2' }), Date.now()); // 2000
 */
export function retryAfterMs(headers: Headers | undefined, now: number): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Removes secrets from text shown to the user: each secret itself, and anything that looks
 * like an API key (some services echo a masked key: "Incorrect API key provided: sk-…abcd"). Pure.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= 4) result = result.replaceAll(secret, '[key]');
  return result.replace(/\b(?:sk|pk)-[\w*.~-]{6,}/gi, '[key]');
}

function classifyStatus(error: APIError, secrets: readonly string[]): LlmFailure {
  const status = error.status;
  const code = statusCode(status, error.message);
  const wait = code === 'llm-rate-limited' || code === 'llm-server' ? retryAfterMs(error.headers, Date.now()) : undefined;
  const classified = failure(code, error, secrets);
  return wait === undefined ? classified : { ...classified, retryAfterMs: wait };
}

function statusCode(status: number | undefined, message: string): AppErrorCode {
  // No status: an error event inside a stream that had started fine; the service failed.
  if (status === undefined) return 'llm-server';
  if (status === 401 || status === 403) return 'llm-auth';
  if (status === 404) return 'llm-not-found';
  if (status === 429) return 'llm-rate-limited';
  if (status === 408 || status === 409 || status >= 500) return 'llm-server';
  if (status === 413 || ((status === 400 || status === 422) && CONTEXT_MESSAGE.test(message))) return 'llm-context-too-long';
  return 'llm-bad-request';
}

function failure(code: AppErrorCode, cause: unknown, secrets: readonly string[]): LlmFailure {
  const message = cause instanceof Error ? cause.message : String(cause);
  const inner = cause instanceof Error && cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
  const detail = redact(`${message}${inner}`, secrets).slice(0, 500);
  return { error: detail ? { code, detail } : { code } };
}

function redactError(error: AppError, secrets: readonly string[]): AppError {
  return error.detail ? { code: error.code, detail: redact(error.detail, secrets) } : error;
}

function isAbortError(value: unknown): boolean {
  return value instanceof DOMException && value.name === 'AbortError';
}
