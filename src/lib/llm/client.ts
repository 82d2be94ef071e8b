import type OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { APIError } from 'openai/error';
import { AppErrorException } from '../errors.ts';
import { assertNever } from '../assert-never.ts';
import type { ChatMessage, Complete, CompleteOptions } from './chat.ts';
import { classifyLlmError, llmError } from './llm-error.ts';
import { withRetries } from './retry.ts';

/** Where requests go: only ever the base URL the user configured. */
export interface LlmEndpoint {
  readonly baseURL: string;
  /** '' for servers without keys (Ollama, LM Studio): then no Authorization header is sent. */
  readonly apiKey: string;
  readonly model: string;
  /** No response headers, or no streamed piece, for this long: the request has timed out. */
  readonly timeoutMs: number;
}

export interface ChatClient {
  /** Streams a chat completion, retrying rate limits and server errors visibly. */
  readonly complete: Complete;
  /** The endpoint's models (`GET /models`), or its one-token answer where it has no list. */
  readonly testConnection: (signal: AbortSignal) => Promise<ConnectionResult>;
}

export type ConnectionResult = { readonly kind: 'models'; readonly models: readonly string[] } | { readonly kind: 'answered' };

// The SDK labels each request with X-Stainless-* headers. In a browser every extra header must be
// allowed by the endpoint's CORS preflight, and many servers allow only Authorization and
// Content-Type (ollama/ollama#8342), so we send none of them.
const NO_SDK_HEADERS = Object.fromEntries(
  ['Lang', 'Package-Version', 'OS', 'Arch', 'Runtime', 'Runtime-Version', 'Retry-Count', 'Timeout', 'Helper-Method'].map((h) => [
    `X-Stainless-${h}`,
    null,
  ]),
);

// The SDK is large and only needed once the user asks for a translation or summary.
let sdk: Promise<typeof import('openai')> | undefined;
const loadSdk = () => (sdk ??= import('openai').catch((e: unknown) => ((sdk = undefined), Promise.reject(e))));

/**
 * A client for one OpenAI-compatible endpoint, on the official SDK.
 *
 * @example
 * const client = createChatClient({ baseURL: 'http://localhost:11434/v1', apiKey: '', model: 'qwen2.5:7b', timeoutMs: 120_000 });
 * const text = await client.complete([{ role: 'user', content: 'Hi' }], { signal, onDelta: (d) => show(d) });
 */
export function createChatClient(endpoint: LlmEndpoint): ChatClient {
  const secrets = endpoint.apiKey ? [endpoint.apiKey] : [];
  const sdkClient = async (): Promise<OpenAI> => {
    const { default: OpenAIClient } = await loadSdk();
    return new OpenAIClient({
      baseURL: endpoint.baseURL.trim().replace(/\/+$/, ''),
      apiKey: endpoint.apiKey || 'none',
      dangerouslyAllowBrowser: true, // the key is the user's own, typed into this page for this page
      maxRetries: 0,
      timeout: endpoint.timeoutMs,
      logLevel: 'off', // nothing about requests (URLs, headers, bodies) goes to the console
      defaultHeaders: endpoint.apiKey ? NO_SDK_HEADERS : { ...NO_SDK_HEADERS, Authorization: null },
    });
  };
  return {
    complete: async (messages, options) => {
      const client = await sdkClient();
      return withRetries(() => streamOnce(client, endpoint, messages, options), { ...options, secrets });
    },
    testConnection: async (signal) => {
      const client = await sdkClient();
      try {
        return await testWith(client, endpoint, signal);
      } catch (caught) {
        throw new AppErrorException(classifyLlmError(caught, secrets).error);
      }
    },
  };
}

async function testWith(client: OpenAI, endpoint: LlmEndpoint, signal: AbortSignal): Promise<ConnectionResult> {
  try {
    const page = await client.models.list({ signal });
    const models = Array.isArray(page.data) ? page.data.map((m) => m.id).filter((id) => typeof id === 'string') : [];
    if (models.length > 0) return { kind: 'models', models };
  } catch (caught) {
    // Some endpoints have no model list (404, or a page that is not JSON): ask the model instead.
    // Anything that says the key or the host is wrong would only fail again.
    const code = classifyLlmError(caught, []).error.code;
    if (code === 'llm-auth' || code === 'llm-unreachable' || code === 'llm-timeout' || code === 'cancelled') throw caught;
  }
  const answer = await client.chat.completions.create(
    { model: endpoint.model, messages: [{ role: 'user', content: 'Hi' }], max_tokens: 1 },
    { signal },
  );
  if (!Array.isArray(answer.choices)) throw llmError('llm-bad-response', 'The answer has no "choices".');
  return { kind: 'answered' };
}

/** One streamed request. A watchdog aborts it when nothing arrives for `timeoutMs`. */
async function streamOnce(client: OpenAI, endpoint: LlmEndpoint, messages: readonly ChatMessage[], options: CompleteOptions): Promise<string> {
  if (options.signal.aborted) throw llmError('cancelled');
  const watchdog = startWatchdog(options.signal, endpoint.timeoutMs);
  const progress = { text: '', events: 0, finished: false, responded: false };
  try {
    const stream = await client.chat.completions.create(
      { model: endpoint.model, messages: messages.map(toSdkMessage), stream: true },
      { signal: watchdog.signal },
    );
    progress.responded = true;
    for await (const chunk of stream) {
      watchdog.rearm();
      readChunk(chunk, progress, options);
    }
  } catch (caught) {
    throw interrupted(caught, { timedOut: watchdog.timedOut(), aborted: options.signal.aborted, ...progress });
  } finally {
    watchdog.dispose();
  }
  // The SDK ends a stream quietly when it is aborted, so check why it ended.
  if (options.signal.aborted) throw llmError('cancelled');
  if (watchdog.timedOut()) throw llmError('llm-timeout');
  if (progress.events === 0) throw llmError('llm-bad-response', 'The response was not an event stream (no "data:" events).');
  if (!progress.finished) throw llmError('llm-stream-cut', `The stream ended after ${progress.text.length} characters without a finish reason.`);
  return progress.text;
}

/**
 * An abort signal that fires when the user stops, or when `ms` pass without a `rearm()`: the
 * SDK's own timeout covers only the wait for response headers, not a stream that goes quiet.
 */
function startWatchdog(user: AbortSignal, ms: number) {
  const controller = new AbortController();
  const forward = () => controller.abort();
  user.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  const expire = () => {
    timedOut = true;
    controller.abort();
  };
  let timer = setTimeout(expire, ms);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    rearm: () => {
      clearTimeout(timer);
      timer = setTimeout(expire, ms);
    },
    dispose: () => {
      clearTimeout(timer);
      user.removeEventListener('abort', forward);
    },
  };
}

function readChunk(chunk: ChatCompletionChunk, progress: { text: string; events: number; finished: boolean }, options: CompleteOptions): void {
  progress.events++;
  if (!('choices' in chunk) || !Array.isArray(chunk.choices)) return;
  const choice = chunk.choices[0];
  const delta = choice?.delta?.content ?? '';
  if (delta) {
    progress.text += delta;
    options.onDelta?.(delta);
  }
  if (choice?.finish_reason) progress.finished = true;
}

/** Why a stream stopped early: the user, the watchdog, or the connection after the response began. */
function interrupted(caught: unknown, why: { timedOut: boolean; aborted: boolean; responded: boolean; text: string }): unknown {
  if (why.aborted) return llmError('cancelled');
  if (why.timedOut) return llmError('llm-timeout');
  // An error event or unreadable JSON before any text is the service's answer: classify it as such.
  const serviceError = caught instanceof APIError || caught instanceof SyntaxError;
  if (serviceError && why.text === '') return caught;
  // Otherwise the connection broke mid-answer. A retry would repeat the text that arrived, so
  // report the cut; the caller keeps what arrived and offers to resume.
  if (why.responded) return llmError('llm-stream-cut', caught instanceof Error ? caught.message : undefined);
  return caught;
}

function toSdkMessage(message: ChatMessage): ChatCompletionMessageParam {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content };
    case 'user':
      return { role: 'user', content: message.content };
    case 'assistant':
      return { role: 'assistant', content: message.content };
    default:
      return assertNever(message.role);
  }
}
