import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the OpenAI-compatible services we cannot reach from CI: `GET /v1/models` and
 * `POST /v1/chat/completions` (SSE streaming and plain JSON), with CORS as a strict service sends
 * it (only Authorization and Content-Type allowed). It answers like a cooperative model by
 * default and can be scripted, request by request, to fail in every way the app must survive.
 * It records everything it receives. Started on a free port by the tests themselves.
 */

/** What to do with one chat completion request. Every kind may wait `delayMs` first. */
export type Behaviour = { readonly delayMs?: number } & (
  | { readonly kind: 'ok' }
  | { readonly kind: 'answer'; readonly text: string }
  | { readonly kind: 'status'; readonly status: number; readonly body?: string; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: 'hang' }
  /** Streams the start of the normal answer, then drops the connection. */
  | { readonly kind: 'cut'; readonly afterChars: number }
  | { readonly kind: 'not-sse' }
  | { readonly kind: 'bad-json' }
  /** Translation: the first two lines of the batch merged into one, the second number missing. */
  | { readonly kind: 'merge' }
  /** Translation: the batch's last line left out. */
  | { readonly kind: 'drop-last' }
);

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** ms since the server started. */
  readonly at: number;
}

export interface ServerSettings {
  cors: boolean;
  /** Whether `GET /v1/models` exists (404 otherwise). */
  models: boolean;
  /** When set, requests without `Authorization: Bearer <key>` get 401. */
  key: string | undefined;
  chunkSize: number;
  chunkDelayMs: number;
  summary: string;
  continuation: string;
  notes: (part: number, parts: number, lines: readonly string[]) => string;
  translate: (text: string, id: number) => string;
}

export const MODEL_IDS = ['zimu-test-chat', 'zimu-test-mini'] as const;

const defaults = (): ServerSettings => ({
  cors: true,
  models: true,
  key: undefined,
  chunkSize: 16,
  chunkDelayMs: 0,
  summary: '## TL;DR\nA short test video.\n\n## Key points\n- It greets you.\n\n## Chapters\n- [00:00] Greeting\n',
  continuation: ' (continued)',
  notes: (part, parts) => `- Notes on part ${part} of ${parts}.`,
  translate: (text, id) => `译${id}：${text}`,
});

export class OpenAiTestServer {
  readonly requests: RecordedRequest[] = [];
  /** Chat requests whose client went away before the answer was complete (Stop, a timeout). */
  abandonedChats = 0;
  settings: ServerSettings = defaults();
  #queue: Behaviour[] = [];
  #server: Server | undefined;
  #started = Date.now();

  /** Behaviours for the next chat completion requests, in order; then 'ok' again. */
  script(...behaviours: Behaviour[]): void {
    this.#queue.push(...behaviours);
  }

  /** Back to a cooperative server with no history, between tests. */
  reset(settings: Partial<ServerSettings> = {}): void {
    this.settings = { ...defaults(), ...settings };
    this.#queue = [];
    this.requests.length = 0;
    this.abandonedChats = 0;
  }

  /** Recorded `POST …/chat/completions` requests with their parsed JSON bodies. */
  chats(): { readonly request: RecordedRequest; readonly json: ChatBody }[] {
    return this.requests
      .filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions'))
      .map((request) => ({ request, json: parseChatBody(request.body) }));
  }

  get baseURL(): string {
    const address = this.#server?.address();
    if (!address || typeof address === 'string') throw new Error('server not started');
    return `http://127.0.0.1:${(address satisfies AddressInfo).port}/v1`;
  }

  async start(): Promise<void> {
    this.#started = Date.now();
    this.#server = createServer((request, response) => void this.#handle(request, response));
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
    this.requests.push({ method: request.method ?? '', path, headers, body, at: Date.now() - this.#started });
    if (this.settings.cors) {
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    }
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    if (this.settings.key !== undefined && headers.authorization !== `Bearer ${this.settings.key}`) {
      return sendJson(response, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
    }
    if (request.method === 'GET' && path === '/v1/models') return this.#models(response);
    if (request.method === 'POST' && path === '/v1/chat/completions') {
      response.on('close', () => void (response.writableEnded || this.abandonedChats++));
      return this.#chat(parseChatBody(body), response);
    }
    sendJson(response, 404, { error: { message: `No route for ${request.method} ${path}` } });
  }

  #models(response: ServerResponse): void {
    if (!this.settings.models) return sendJson(response, 404, { error: { message: 'Not found' } });
    sendJson(response, 200, { object: 'list', data: MODEL_IDS.map((id) => ({ id, object: 'model', created: 0, owned_by: 'zimu' })) });
  }

  async #chat(json: ChatBody, response: ServerResponse): Promise<void> {
    const behaviour = this.#queue.shift() ?? { kind: 'ok' };
    if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
    switch (behaviour.kind) {
      case 'status':
        response.writeHead(behaviour.status, { 'Content-Type': 'application/json', ...behaviour.headers });
        return void response.end(behaviour.body ?? JSON.stringify({ error: { message: `Test failure ${behaviour.status}` } }));
      case 'hang':
        return; // never answers; the client must time out
      case 'not-sse':
        response.writeHead(200, { 'Content-Type': 'text/html' });
        return void response.end('<!doctype html><title>Welcome to nginx!</title>');
      case 'bad-json':
        response.writeHead(200, { 'Content-Type': 'text/event-stream' });
        return void response.end('data: {"choices": [ this is not json\n\n');
      default: {
        const text = behaviour.kind === 'answer' ? behaviour.text : this.#answer(json, behaviour.kind);
        const cutAt = behaviour.kind === 'cut' ? behaviour.afterChars : undefined;
        return json.stream ? this.#stream(response, text, cutAt) : sendJson(response, 200, completion(text));
      }
    }
  }

  #answer(json: ChatBody, mode: 'ok' | 'cut' | 'merge' | 'drop-last'): string {
    const user = [...json.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    if (user.startsWith('Your answer was cut off')) return this.settings.continuation;
    const batch = /^Translate these \d+ lines:\n((?:\[\d+\] .*(?:\n|$))+)/m.exec(user);
    if (batch) return translateBatch(batch[1] ?? '', this.settings.translate, mode);
    const part = /^Part (\d+) of (\d+) of the transcript:\n([\s\S]*)$/.exec(user);
    if (part) return this.settings.notes(Number(part[1]), Number(part[2]), (part[3] ?? '').split('\n'));
    return this.settings.summary;
  }

  async #stream(response: ServerResponse, text: string, cutAt: number | undefined): Promise<void> {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    const { chunkSize, chunkDelayMs } = this.settings;
    for (let offset = 0; offset < text.length; offset += chunkSize) {
      if (cutAt !== undefined && offset >= cutAt) return cut(response);
      response.write(sse({ content: text.slice(offset, offset + chunkSize) }, null));
      if (chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, chunkDelayMs));
    }
    if (cutAt !== undefined) return cut(response);
    response.write(sse({}, 'stop'));
    response.end('data: [DONE]\n\n');
  }
}

export interface ChatBody {
  readonly model: string;
  readonly stream: boolean;
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  readonly max_tokens?: number;
}

function parseChatBody(body: string): ChatBody {
  const raw: unknown = body ? JSON.parse(body) : {};
  const get = (key: string): unknown => (typeof raw === 'object' && raw !== null ? Reflect.get(raw, key) : undefined);
  const messages = get('messages');
  const maxTokens = get('max_tokens');
  return {
    model: String(get('model') ?? ''),
    stream: get('stream') === true,
    messages: Array.isArray(messages)
      ? messages.map((m: unknown) => ({ role: String(Reflect.get(Object(m), 'role')), content: String(Reflect.get(Object(m), 'content')) }))
      : [],
    ...(typeof maxTokens === 'number' ? { max_tokens: maxTokens } : {}),
  };
}

function translateBatch(block: string, translate: ServerSettings['translate'], mode: 'ok' | 'cut' | 'merge' | 'drop-last'): string {
  const lines = block
    .trim()
    .split('\n')
    .map((line) => /^\[(\d+)\] (.*)$/.exec(line))
    .filter((m) => m !== null)
    .map((m) => ({ id: Number(m[1]), text: translate(m[2] ?? '', Number(m[1])) }));
  if (mode === 'merge' && lines.length >= 2) {
    const [a, b, ...rest] = lines;
    if (a && b) return [{ id: a.id, text: `${a.text} ${b.text}` }, ...rest].map((l) => `[${l.id}] ${l.text}`).join('\n');
  }
  const kept = mode === 'drop-last' ? lines.slice(0, -1) : lines;
  return kept.map((l) => `[${l.id}] ${l.text}`).join('\n');
}

/** Drops the connection mid-answer, once what was written has had time to arrive. */
async function cut(response: ServerResponse): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  response.socket?.destroy();
}

function sse(delta: Readonly<Record<string, string>>, finish: string | null): string {
  const choices = [{ index: 0, delta, finish_reason: finish }];
  const chunk = { id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 0, model: 'zimu-test', choices };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

function completion(text: string): unknown {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 0,
    model: 'zimu-test',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  };
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(value));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    request.on('error', reject);
  });
}
