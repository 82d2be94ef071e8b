/**
 * The generated chat models load in transformers.js as hub Qwen2 models do, and the scripted ones
 * answer the app's real prompts exactly: a translation batch with its lines uppercased (the wrong
 * count for the miscounting one), anything else with SCRIPTED_SUMMARY, in every dtype.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AutoModelForCausalLM, AutoTokenizer, Tensor, env, pipeline,
  type PreTrainedModel, type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { InferenceSession } from 'onnxruntime-node';
import {
  CHAT_MODEL_SPECS, CHAT_TEST_MODELS, DEFAULT_CHAT_MODELS, SCRIPTED_SUMMARY,
  chatModelDir, chatModelFiles, generateChatModels, scriptedTranslation, type ChatDtype, type ChatModelName,
} from '../fixtures/models/chat-models.ts';
import { BYTE_SPECIALS } from '../fixtures/models/chat-tokenizer.ts';
import { batchMessages, parseBatchAnswer, type BatchProblem } from '../../src/lib/llm/translation-batches.ts';
import { DEFAULT_PROMPTS, formatTranscript, partMessages, summaryMessages } from '../../src/lib/llm/prompts.ts';
import { checkChapters } from '../../src/lib/llm/chapters.ts';
import type { ChatMessage } from '../../src/lib/llm/chat.ts';
import type { Cue } from '../../src/lib/subtitles/cue.ts';

/** Every dtype the app may load; each default chat model is written in all of them. */
const DTYPES: readonly ChatDtype[] = ['fp32', 'fp16', 'q8', 'q4', 'q4f16'];

const CUES: readonly Cue[] = [
  'Context comes first.',
  'Hello from Zimu.',
  'These subtitles run in your browser.',
  '字幕在你的浏览器里运行 (Zimu 2.0)!',
  'Context comes last.',
].map((text, i) => ({ start: i * 2, end: i * 2 + 2, text }));

let outRoot = '';
let cacheDir = '';
const tokenizers = new Map<ChatModelName, PreTrainedTokenizer>();
const models = new Map<string, PreTrainedModel>();
const key = (name: ChatModelName, dtype: ChatDtype): string => `${name}:${dtype}`;

function loaded<T>(map: ReadonlyMap<string, T>, k: string): T {
  const value = map.get(k);
  if (value === undefined) throw new Error(`${k} was not loaded`);
  return value;
}

/**
 * Qwen3's switch, as the app passes it. transformers.js hands unknown options to the template
 * (`...kwargs`), but its ApplyChatTemplateOptions type lacks them, so the options sit in a
 * constant: a variable, unlike an object literal, gets no excess-property check.
 */
const TEMPLATE_OPTIONS = { add_generation_prompt: true, return_dict: true, enable_thinking: false } as const;

interface Answer {
  readonly text: string;
  /** The new token ids, special ones included. */
  readonly ids: readonly number[];
}

/** Greedy generation from the app's messages through the chat template, as the app's worker does. */
async function answer(name: ChatModelName, dtype: ChatDtype, messages: ChatMessage[], maxNewTokens = 400): Promise<Answer> {
  const tokenizer = loaded(tokenizers, name);
  const model = loaded(models, key(name, dtype));
  const inputs = tokenizer.apply_chat_template(messages, TEMPLATE_OPTIONS);
  const output = await model.generate({ ...inputs, max_new_tokens: maxNewTokens, do_sample: false });
  if (!(output instanceof Tensor)) throw new Error('generate returned no tensor');
  const [row = []] = output.tolist();
  const ids = row.slice(inputs.input_ids.dims[1]).map(Number);
  return { text: tokenizer.decode(ids, { skip_special_tokens: true }), ids };
}

const batch = (ids: number[], problem?: BatchProblem): ChatMessage[] =>
  batchMessages({ cues: CUES, ids, contextLines: 1, template: DEFAULT_PROMPTS.translate, language: 'Chinese (Simplified)', problem });
/** The numbered lines the app sends for `ids`, i.e. what the scripted model copies. */
const numbered = (ids: number[]): string => ids.map((i) => `[${i + 1}] ${CUES[i]?.text ?? ''}`).join('\n');

beforeAll(async () => {
  outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'zimu-chat-models-'));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zimu-chat-cache-'));
  await generateChatModels(outRoot);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = outRoot + path.sep;
  // A fresh cache folder rather than useFSCache = false: in Node, ONNX sessions need a file path.
  env.cacheDir = cacheDir;
  for (const name of DEFAULT_CHAT_MODELS) {
    tokenizers.set(name, await AutoTokenizer.from_pretrained(CHAT_TEST_MODELS[name]));
    expect(CHAT_MODEL_SPECS[name].dtypes).toEqual(DTYPES);
    for (const dtype of DTYPES) models.set(key(name, dtype), await AutoModelForCausalLM.from_pretrained(CHAT_TEST_MODELS[name], { dtype }));
  }
}, 60_000);

afterAll(async () => {
  for (const model of models.values()) await model.dispose();
  for (const dir of [outRoot, cacheDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('generated chat models', () => {
  it('are written in the hub layout, one graph per dtype, and skipped when complete', async () => {
    for (const name of DEFAULT_CHAT_MODELS) {
      const dir = chatModelDir(outRoot, name);
      for (const f of chatModelFiles(name)) expect(fs.statSync(path.join(dir, f)).size, f).toBeGreaterThan(100);
      expect(fs.readdirSync(path.join(dir, 'onnx'))).toHaveLength(CHAT_MODEL_SPECS[name].dtypes.length);
      const config: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
      expect(config).toMatchObject({ model_type: 'qwen2', vocab_size: 259, eos_token_id: BYTE_SPECIALS.imEnd });
    }
    expect(fs.readdirSync(path.join(outRoot, 'zimu-test')).sort()).toEqual(['chat-scripted', 'chat-scripted-miscount', 'qwen2-micro-random']);
    const marker = path.join(chatModelDir(outRoot, 'chatScripted'), '.complete');
    const before = fs.statSync(marker).mtimeMs;
    await generateChatModels(outRoot, ['chatScripted']);
    expect(fs.statSync(marker).mtimeMs).toBe(before);
  });

  // transformers.js builds the first (empty) cache from each input's declared element type.
  it('declare float16 cache and logits in the fp16 and q4f16 files, float32 in the others', async () => {
    const cases = [['fp32', '', 'float32'], ['fp16', '_fp16', 'float16'], ['q8', '_quantized', 'float32'], ['q4', '_q4', 'float32'], ['q4f16', '_q4f16', 'float16']] as const;
    for (const [dtype, suffix, type] of cases) {
      for (const name of ['qwenMicro', 'chatScripted'] as const) {
        const session = await InferenceSession.create(path.join(chatModelDir(outRoot, name), 'onnx', `model${suffix}.onnx`));
        const types = Object.fromEntries(
          [...session.inputMetadata, ...session.outputMetadata].map((m) => [m.name, m.isTensor ? m.type : 'non-tensor']),
        );
        expect(types, `${name} ${dtype}`).toMatchObject({
          input_ids: 'int64', attention_mask: 'int64', position_ids: 'int64',
          'past_key_values.0.key': type, 'present.0.value': type, logits: type,
        });
        await session.release();
      }
    }
  });

  it('tokenize any UTF-8 text one byte per token, and decode it back', () => {
    const tokenizer = loaded(tokenizers, 'chatScripted');
    for (const text of ['Hello  world,\ttab\n\n[12] ok', '字幕在你的浏览器里运行 🎉', ' leading space']) {
      const ids = tokenizer.encode(text, { add_special_tokens: false });
      expect(ids).toEqual([...new TextEncoder().encode(text)]);
      expect(tokenizer.decode(ids)).toBe(text);
    }
  });

  it('render ChatML, and ignore enable_thinking', () => {
    const tokenizer = loaded(tokenizers, 'chatScripted');
    const messages = batch([1]);
    const render = (enableThinking?: boolean): string => {
      const options = { add_generation_prompt: true, tokenize: false, enable_thinking: enableThinking } as const;
      return tokenizer.apply_chat_template(messages, options);
    };
    const text = render(false);
    expect(text).toBe(`<|im_start|>system\n${messages[0]?.content}<|im_end|>\n<|im_start|>user\n${messages[1]?.content}<|im_end|>\n<|im_start|>assistant\n`);
    expect(render(true)).toBe(text);
    expect(render(undefined)).toBe(text);
  });
});

describe('scripted chat model', () => {
  for (const dtype of DTYPES) {
    it(`translates a batch between context lines, after a retry note, exactly (${dtype})`, async () => {
      const messages = batch([1, 2, 3], { kind: 'missing', ids: [2] });
      expect(messages[1]?.content).toMatch(/^Context before[^]*\n\nTranslate these 3 lines:\n[^]*\n\nContext after[^]*\n\nYour previous answer/);
      const { text, ids } = await answer('chatScripted', dtype, messages);
      expect(text).toBe(scriptedTranslation(numbered([1, 2, 3])));
      expect(text).toBe('[2] HELLO FROM ZIMU.\n[3] THESE SUBTITLES RUN IN YOUR BROWSER.\n[4] 字幕在你的浏览器里运行 (ZIMU 2.0)!');
      // it stops at <|im_end|>, well before max_new_tokens
      expect(ids.at(-1)).toBe(BYTE_SPECIALS.imEnd);
      expect(ids).toHaveLength(new TextEncoder().encode(text).length + 1);
      const parsed = parseBatchAnswer(text, [1, 2, 3]);
      expect(parsed.ok && [...parsed.translations.values()]).toEqual(['HELLO FROM ZIMU.', 'THESE SUBTITLES RUN IN YOUR BROWSER.', '字幕在你的浏览器里运行 (ZIMU 2.0)!']);
    });

    it(`answers every other request with SCRIPTED_SUMMARY (${dtype})`, async () => {
      const summary = await answer('chatScripted', dtype, summaryMessages(DEFAULT_PROMPTS.summary, 'English', { kind: 'transcript', text: formatTranscript(CUES) }));
      expect(summary.text).toBe(SCRIPTED_SUMMARY);
      expect(summary.ids.at(-1)).toBe(BYTE_SPECIALS.imEnd);
    });
  }

  it('answers a first batch without context, a summary of notes, and notes on a part', async () => {
    expect((await answer('chatScripted', 'q4f16', batch([0, 1]))).text).toBe(scriptedTranslation(numbered([0, 1])));
    // a line break that ends the turn is not copied
    const bare: ChatMessage[] = [{ role: 'user', content: 'Translate these 1 lines:\n[1] hi\n' }];
    expect((await answer('chatScripted', 'fp32', bare)).text).toBe('[1] HI');
    const notes = summaryMessages(DEFAULT_PROMPTS.summary, 'English', { kind: 'notes', notes: ['- [00:00] One', '- [00:04] Two'] });
    expect((await answer('chatScripted', 'fp32', notes)).text).toBe(SCRIPTED_SUMMARY);
    const part = partMessages(DEFAULT_PROMPTS.summaryPart, 'English', 1, 2, formatTranscript(CUES.slice(0, 2)));
    expect((await answer('chatScripted', 'fp32', part)).text).toBe(SCRIPTED_SUMMARY);
  });

  it('writes a summary in the app format, with a chapter at 00:00', () => {
    expect(SCRIPTED_SUMMARY).toMatch(/^## TL;DR\n.+\n\n## Key points\n(- .+\n)+\n## Chapters\n- \[00:00\] .+\n$/);
    expect(checkChapters(SCRIPTED_SUMMARY, CUES).chapters).toEqual([{ start: 0, title: 'Introduction' }]);
    expect(new TextEncoder().encode(SCRIPTED_SUMMARY).length).toBeLessThan(250);
  });

  it('survives a one-token warm-up prompt and stops at max_new_tokens', async () => {
    for (const dtype of DTYPES) {
      const model = loaded(models, key('chatScripted', dtype));
      const output = await model.generate({ input_ids: new Tensor('int64', [72n], [1, 1]), attention_mask: new Tensor('int64', [1n], [1, 1]), max_new_tokens: 3, do_sample: false });
      expect(output instanceof Tensor && output.dims).toEqual([1, 4]);
    }
  });

  it('serves pipeline("text-generation") with chat messages', async () => {
    const generator = await pipeline('text-generation', CHAT_TEST_MODELS.chatScripted, { dtype: 'q8' });
    try {
      const output = await generator(batch([2]), { max_new_tokens: 100, do_sample: false });
      const first = Array.isArray(output) ? output[0] : undefined;
      const generated = first && 'generated_text' in first ? first.generated_text : undefined;
      const last = Array.isArray(generated) ? generated.at(-1) : undefined;
      expect(last).toEqual({ role: 'assistant', content: scriptedTranslation(numbered([2])) });
    } finally {
      await generator.dispose();
    }
  });
});

describe('miscounting scripted chat model', () => {
  for (const dtype of ['fp32', 'q4f16'] as const) {
    it(`answers only the first line of a batch, and batches of one correctly (${dtype})`, async () => {
      const three = await answer('chatMiscount', dtype, batch([1, 2, 3]));
      expect(three.text).toBe('[2] HELLO FROM ZIMU.');
      expect(parseBatchAnswer(three.text, [1, 2, 3])).toEqual({ ok: false, problem: { kind: 'missing', ids: [2, 3] } });
      expect((await answer('chatMiscount', dtype, batch([3]))).text).toBe(scriptedTranslation(numbered([3])));
      expect((await answer('chatMiscount', dtype, summaryMessages(DEFAULT_PROMPTS.summary, 'English', { kind: 'transcript', text: 'x' }))).text).toBe(SCRIPTED_SUMMARY);
    });
  }
});

describe('random Qwen2 micro model', () => {
  for (const dtype of DTYPES) {
    it(`generates tokens of its vocabulary (${dtype})`, async () => {
      const { ids } = await answer('qwenMicro', dtype, batch([1, 2]), 16);
      // random weights: any tokens, until <|im_end|> or max_new_tokens
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.length === 16 || ids.at(-1) === BYTE_SPECIALS.imEnd).toBe(true);
      for (const id of ids) expect(id).toBeLessThan(BYTE_SPECIALS.vocabSize);
    });
  }
});
