import { Tensor, TextStreamer, type PreTrainedTokenizer } from '@huggingface/transformers';
import { AppErrorException } from '../../errors.ts';
import { StopOnCancel } from '../../transcription/stop-on-cancel.ts';
import type { ChatMessage } from '../chat.ts';
import type { LocalModel } from './local-engine.ts';
import type { GenerateOptions, Generation } from './local-protocol.ts';

export interface GenerateHooks {
  /** True as soon as the page cancels (the shared flag), even while generation holds the thread. */
  readonly cancelled: () => boolean;
  readonly signal: AbortSignal;
  readonly onDelta: (text: string) => void;
}

/**
 * Answers a conversation with a loaded model, streaming the answer. A prompt over the limit is
 * refused (`llm-context-too-long`) before any work. Stop takes effect at the next token.
 *
 * The KV cache: transformers.js 4.3's `generate()` disposes its cache itself when the caller
 * passes neither `past_key_values` nor `return_dict_in_generate` (its `keepCacheAlive` check),
 * so each request starts empty and leaves no GPU buffers behind; neither is ever passed here.
 */
export async function generateAnswer(loaded: LocalModel, messages: readonly ChatMessage[], options: GenerateOptions, hooks: GenerateHooks): Promise<Generation> {
  const { tokenizer, model } = loaded;
  const inputs = tokenizer(renderPrompt(loaded, messages), { add_special_tokens: false });
  const promptTokens = inputs.input_ids.dims.at(-1) ?? 0;
  if (promptTokens > options.maxPromptTokens) {
    throw new AppErrorException({ code: 'llm-context-too-long', detail: `${promptTokens} > ${options.maxPromptTokens} tokens` });
  }
  const stopping = new StopOnCancel(hooks.cancelled);
  const stop = () => stopping.interrupt();
  hooks.signal.addEventListener('abort', stop);
  const streamer = new AnswerStreamer(tokenizer, hooks.onDelta);
  const started = performance.now();
  try {
    const output = await model.generate({ ...inputs, max_new_tokens: options.maxNewTokens, do_sample: false, streamer, stopping_criteria: [stopping] });
    if (!(output instanceof Tensor)) throw new AppErrorException({ code: 'llm-local-failed', detail: 'no sequences' });
    const ended = performance.now();
    const newTokens = streamer.tokens.length;
    const firstAt = streamer.firstAt ?? ended;
    return {
      text: streamer.flush(),
      promptTokens,
      newTokens,
      prefillMs: firstAt - started,
      decodeMs: ended - firstAt,
      end: stopping.interrupted || hooks.cancelled() ? 'stopped' : newTokens >= options.maxNewTokens ? 'length' : 'eos',
    };
  } finally {
    hooks.signal.removeEventListener('abort', stop);
  }
}

function renderPrompt(loaded: LocalModel, messages: readonly ChatMessage[]): string {
  // `enable_thinking` is a template variable (Qwen3's template reads it; others ignore it): it
  // goes in as an extra option, which the library passes on to the template.
  const options = { tokenize: false, add_generation_prompt: true, enable_thinking: !loaded.thinks };
  const rendered = loaded.tokenizer.apply_chat_template(
    messages.map((m) => ({ role: m.role, content: m.content })),
    options,
  );
  if (typeof rendered !== 'string') throw new AppErrorException({ code: 'llm-local-failed', detail: 'chat template gave no text' });
  return rendered;
}

/**
 * Streams the answer as text whose pieces add up to exactly the decoded answer: each step decodes
 * every new token so far and sends what was added, holding back a trailing U+FFFD (a character
 * whose bytes have not all arrived). TextStreamer's word-by-word pieces can differ from the final
 * decode, and the summary is built from the pieces. (A TextStreamer because `generate()` is typed
 * to take one; only `put` and `end` are what generation calls.)
 */
class AnswerStreamer extends TextStreamer {
  readonly tokens: bigint[] = [];
  firstAt: number | undefined;
  #sent = '';
  #prompt = true;
  readonly #tokenizer: PreTrainedTokenizer;
  readonly #onDelta: (text: string) => void;

  constructor(tokenizer: PreTrainedTokenizer, onDelta: (text: string) => void) {
    super(tokenizer, { skip_prompt: true, callback_function: () => undefined });
    this.#tokenizer = tokenizer;
    this.#onDelta = onDelta;
  }

  override put(value: bigint[][]): void {
    if (this.#prompt) {
      this.#prompt = false; // the first call carries the prompt
      return;
    }
    this.firstAt ??= performance.now();
    this.tokens.push(...(value[0] ?? []));
    const text = this.#decode();
    if (!text.endsWith('\uFFFD')) this.#send(text);
  }

  /** The whole answer; sends whatever was held back. */
  flush(): string {
    const text = this.#decode();
    this.#send(text);
    return text;
  }

  override end(): void {
    // Nothing buffered the way TextStreamer buffers: `flush` sends the rest.
  }

  #decode(): string {
    return this.#tokenizer.decode(this.tokens, { skip_special_tokens: true });
  }

  #send(text: string): void {
    if (text.length > this.#sent.length && text.startsWith(this.#sent)) this.#onDelta(text.slice(this.#sent.length));
    this.#sent = text;
  }
}
