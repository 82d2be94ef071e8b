import { APIConnectionError, AuthenticationError, InternalServerError, RateLimitError } from 'openai/error';
import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../errors.ts';
import type { RetryWait } from './chat.ts';
import { classifyLlmError, redact, retryAfterMs } from './llm-error.ts';
import { RETRY_POLICY, retryDelayMs, withRetries } from './retry.ts';

const rateLimited = (headers: Record<string, string> = {}) => new RateLimitError(429, { message: 'slow down' }, undefined, new Headers(headers));
const serverError = () => new InternalServerError(500, { message: 'boom' }, undefined, new Headers());

describe('retryAfterMs', () => {
  it('reads retry-after-ms, seconds and HTTP dates', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '1500' }), now)).toBe(1500);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue, 01 Jan 2030 00:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });
});

describe('classifyLlmError', () => {
  it('maps SDK errors to codes and keeps the wait a 429 asked for', () => {
    expect(classifyLlmError(rateLimited({ 'retry-after': '2' }), [])).toMatchObject({ error: { code: 'llm-rate-limited' }, retryAfterMs: 2000 });
    expect(classifyLlmError(new AuthenticationError(401, undefined, 'no', new Headers()), []).error.code).toBe('llm-auth');
    expect(classifyLlmError(new APIConnectionError({ message: 'Connection error.' }), []).error.code).toBe('llm-unreachable');
    expect(classifyLlmError(new DOMException('x', 'AbortError'), []).error).toEqual({ code: 'cancelled' });
    expect(classifyLlmError(new SyntaxError('bad'), []).error.code).toBe('llm-bad-response');
  });

  it('never lets the key into a message', () => {
    const message = 'Incorrect API key provided: sk-secret-value-123. See sk-secr****-123';
    const error = new AuthenticationError(401, { message }, undefined, new Headers());
    expect(classifyLlmError(error, ['sk-secret-value-123']).error.detail).toBe('401 Incorrect API key provided: [key]. See [key]');
    expect(redact('token limit', [])).toBe('token limit');
  });
});

describe('retryDelayMs', () => {
  it('honours Retry-After, backs off otherwise, and gives up after the limits', () => {
    const never = () => 0;
    expect(retryDelayMs({ error: { code: 'llm-rate-limited' }, retryAfterMs: 2000 }, 1)).toBe(2000);
    expect(retryDelayMs({ error: { code: 'llm-rate-limited' }, retryAfterMs: RETRY_POLICY.maxWaitMs + 1 }, 1)).toBeUndefined();
    expect(retryDelayMs({ error: { code: 'llm-rate-limited' } }, 3, never)).toBe(8000);
    expect(retryDelayMs({ error: { code: 'llm-rate-limited' } }, RETRY_POLICY.rateLimited.retries + 1)).toBeUndefined();
    expect(retryDelayMs({ error: { code: 'llm-server' } }, 2, never)).toBe(2000);
    expect(retryDelayMs({ error: { code: 'llm-server' } }, 2, () => 1)).toBe(2400);
    expect(retryDelayMs({ error: { code: 'llm-server' } }, RETRY_POLICY.server.retries + 1)).toBeUndefined();
    for (const code of ['llm-auth', 'llm-not-found', 'llm-timeout', 'llm-stream-cut', 'llm-unreachable', 'cancelled'] as const) {
      expect(retryDelayMs({ error: { code } }, 1), code).toBeUndefined();
    }
  });
});

describe('withRetries', () => {
  const signal = new AbortController().signal;

  it('retries server errors with visible waits, then reports the last error', async () => {
    const slept: number[] = [];
    const waits: (RetryWait | undefined)[] = [];
    let calls = 0;
    const pending = withRetries(
      async () => {
        calls++;
        throw serverError();
      },
      { signal, secrets: [], onWait: (w) => waits.push(w), sleep: async (ms) => void slept.push(ms) },
    );
    const caught = await pending.catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(AppErrorException);
    expect(caught instanceof AppErrorException && caught.error.code).toBe('llm-server');
    expect(calls).toBe(RETRY_POLICY.server.retries + 1);
    expect(slept).toHaveLength(3);
    [1000, 2000, 4000].forEach((base, i) => expect(slept[i]).toSatisfy((ms: number) => ms >= base && ms <= base * 1.2));
    expect(waits.filter(Boolean).map((w) => w?.attempt)).toEqual([1, 2, 3]);
  });

  it('returns as soon as an attempt succeeds', async () => {
    let calls = 0;
    const result = await withRetries(
      async () => {
        if (++calls === 1) throw rateLimited({ 'retry-after': '2' });
        return 'ok';
      },
      { signal, secrets: [], sleep: async (ms) => expect(ms).toBe(2000) },
    );
    expect(result).toBe('ok');
  });
});
