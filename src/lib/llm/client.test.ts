import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_IDS, OpenAiTestServer } from '../../../tests/e2e/support/openai-server.ts';
import { AppErrorException, type AppError } from '../errors.ts';
import type { RetryWait } from './chat.ts';
import { createChatClient, type LlmEndpoint } from './client.ts';

// The real client and the real SDK against a local OpenAI-compatible server.
const server = new OpenAiTestServer();
const KEY = 'sk-test-0123456789abcdef';
const endpoint = (overrides: Partial<LlmEndpoint> = {}): LlmEndpoint => ({
  baseURL: server.baseURL,
  apiKey: KEY,
  model: 'zimu-test-chat',
  timeoutMs: 5_000,
  ...overrides,
});
const hello = [{ role: 'user', content: 'Hello' }] as const;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const caught = await promise.then(() => undefined, (e: unknown) => e);
  if (!(caught instanceof AppErrorException)) throw new Error(`expected an AppErrorException, got ${String(caught)}`);
  return caught.error;
}

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => server.reset({ key: KEY, summary: 'Hello there, from a streaming answer.', chunkSize: 5 }));

describe('complete', () => {
  it('streams the answer piece by piece, with the key only in the Authorization header', async () => {
    const pieces: string[] = [];
    const text = await createChatClient(endpoint()).complete(hello, { signal: new AbortController().signal, onDelta: (d) => pieces.push(d) });
    expect(text).toBe('Hello there, from a streaming answer.');
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(text);
    const [chat] = server.chats();
    expect(chat?.json).toMatchObject({ model: 'zimu-test-chat', stream: true, messages: [{ role: 'user', content: 'Hello' }] });
    expect(chat?.request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(Object.keys(chat?.request.headers ?? {}).filter((h) => h.startsWith('x-stainless'))).toEqual([]);
    expect(chat?.request.path).toBe('/v1/chat/completions');
  });

  it('sends no Authorization header without a key', async () => {
    server.reset();
    await createChatClient(endpoint({ apiKey: '' })).complete(hello, { signal: new AbortController().signal });
    expect(server.chats()[0]?.request.headers.authorization).toBeUndefined();
  });

  it.each([
    [401, 'llm-auth'],
    [403, 'llm-auth'],
    [404, 'llm-not-found'],
    [400, 'llm-bad-request'],
  ] as const)('reports HTTP %i as %s without retrying, and never shows the key', async (status, code) => {
    server.script({ kind: 'status', status, body: JSON.stringify({ error: { message: `Bad key ${KEY} (sk-abcdef1234****wxyz)` } }) });
    const error = await failure(createChatClient(endpoint()).complete(hello, { signal: new AbortController().signal }));
    expect(error.code).toBe(code);
    expect(error.detail).not.toContain(KEY);
    expect(error.detail).not.toContain('sk-abcdef');
    expect(server.chats()).toHaveLength(1);
  });

  it('tells a too-long prompt from other bad requests', async () => {
    const body = JSON.stringify({ error: { message: "This model's maximum context length is 4096 tokens." } });
    server.script({ kind: 'status', status: 400, body });
    const error = await failure(createChatClient(endpoint()).complete(hello, { signal: new AbortController().signal }));
    expect(error.code).toBe('llm-context-too-long');
  });

  it('waits out Retry-After on 429, shows the wait, then succeeds', async () => {
    server.script({ kind: 'status', status: 429, headers: { 'Retry-After': '1' } });
    const waits: (RetryWait | undefined)[] = [];
    const text = await createChatClient(endpoint()).complete(hello, { signal: new AbortController().signal, onWait: (w) => waits.push(w) });
    expect(text).toBe('Hello there, from a streaming answer.');
    expect(waits).toEqual([{ reason: 'rate-limited', seconds: 1, attempt: 1 }, undefined]);
    const [first, second] = server.chats();
    expect((second?.request.at ?? 0) - (first?.request.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('retries a 5xx with backoff and succeeds', async () => {
    server.script({ kind: 'status', status: 503 });
    const waits: (RetryWait | undefined)[] = [];
    await createChatClient(endpoint()).complete(hello, { signal: new AbortController().signal, onWait: (w) => waits.push(w) });
    expect(waits[0]).toMatchObject({ reason: 'server-error', attempt: 1 });
    expect(server.chats()).toHaveLength(2);
  });

  it('times out when nothing arrives', async () => {
    server.script({ kind: 'hang' });
    const error = await failure(createChatClient(endpoint({ timeoutMs: 300 })).complete(hello, { signal: new AbortController().signal }));
    expect(error.code).toBe('llm-timeout');
  });

  it('reports a stream cut in the middle, after delivering what arrived', async () => {
    server.script({ kind: 'cut', afterChars: 10 });
    const pieces: string[] = [];
    const pending = createChatClient(endpoint()).complete(hello, { signal: new AbortController().signal, onDelta: (d) => pieces.push(d) });
    const error = await failure(pending);
    expect(error.code).toBe('llm-stream-cut');
    expect(pieces.join('')).toBe('Hello ther');
    expect(server.chats()).toHaveLength(1);
  });

  it.each(['not-sse', 'bad-json'] as const)('reports a %s answer as a bad response', async (kind) => {
    server.script({ kind });
    const error = await failure(createChatClient(endpoint()).complete(hello, { signal: new AbortController().signal }));
    expect(error.code).toBe('llm-bad-response');
  });

  it('stops promptly when aborted, also while waiting to retry', async () => {
    server.script({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect((await failure(createChatClient(endpoint()).complete(hello, { signal: controller.signal }))).code).toBe('cancelled');

    server.script({ kind: 'status', status: 429, headers: { 'Retry-After': '30' } });
    const waiting = new AbortController();
    const before = server.chats().length;
    const pending = createChatClient(endpoint()).complete(hello, { signal: waiting.signal, onWait: (w) => w && waiting.abort() });
    // Retry-After says 30 s, longer than the test's own limit: only a stopped wait ends in time,
    // and the retry it was waiting for is never sent.
    expect((await failure(pending)).code).toBe('cancelled');
    expect(server.chats().length - before).toBe(1);
  });

  it('reports a host that does not answer as unreachable', async () => {
    const closed = new OpenAiTestServer();
    await closed.start();
    const baseURL = closed.baseURL;
    await closed.stop();
    const error = await failure(createChatClient(endpoint({ baseURL })).complete(hello, { signal: new AbortController().signal }));
    expect(error.code).toBe('llm-unreachable');
  });
});

describe('testConnection', () => {
  it('lists the models', async () => {
    expect(await createChatClient(endpoint()).testConnection(new AbortController().signal)).toEqual({ kind: 'models', models: [...MODEL_IDS] });
  });

  it('sends a one-token request where there is no model list', async () => {
    server.reset({ models: false });
    expect(await createChatClient(endpoint()).testConnection(new AbortController().signal)).toEqual({ kind: 'answered' });
    expect(server.chats()[0]?.json).toMatchObject({ max_tokens: 1, stream: false, model: 'zimu-test-chat' });
  });

  it('reports a wrong key without trying further', async () => {
    const error = await failure(createChatClient(endpoint({ apiKey: 'sk-wrong-key-123456' })).testConnection(new AbortController().signal));
    expect(error.code).toBe('llm-auth');
    expect(server.chats()).toHaveLength(0);
  });

  it('reports an answer that is not JSON as a bad response', async () => {
    server.reset({ models: false });
    server.script({ kind: 'not-sse' });
    expect((await failure(createChatClient(endpoint()).testConnection(new AbortController().signal))).code).toBe('llm-bad-response');
  });
});
