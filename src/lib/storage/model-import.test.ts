import { describe, expect, it } from 'vitest';
import { MemoryCacheStorage } from './memory-cache.testing.ts';
import { listCachedModels, MODEL_CACHE_NAME } from './model-cache.ts';
import { importModel, isValidModelId, missingChatFor, missingFor, planImport, type ChatImportPlan, type ImportEntry, type SpeechImportPlan } from './model-import.ts';

const JSON_FILES = ['config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'];
const entry = (path: string, bytes = 10): ImportEntry => ({ path, blob: new Blob([new Uint8Array(bytes)]) });
const folder = (root: string, files: readonly string[]) => files.map((f) => entry(root ? `${root}/${f}` : f));
const WHISPER = [...JSON_FILES, 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx', 'onnx/encoder_model.onnx', 'onnx/decoder_model_merged_q4.onnx'];

/** As `onnx-community/Qwen2.5-0.5B-Instruct` has it, less a few weights. */
const CHAT_JSON = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'merges.txt', 'vocab.json', 'special_tokens_map.json'];
const CHAT = [...CHAT_JSON, 'onnx/model_q4.onnx', 'onnx/model_q4f16.onnx', 'onnx/model_quantized.onnx', 'onnx/model_int8.onnx', 'onnx/model_bnb4.onnx'];

function planOf(entries: readonly ImportEntry[]): SpeechImportPlan {
  const result = planImport(entries);
  if (result.type !== 'plan') throw new Error(JSON.stringify(result.error));
  if (result.plan.kind !== 'speech') throw new Error(`planned as ${result.plan.kind}`);
  return result.plan;
}

function chatPlanOf(entries: readonly ImportEntry[]): ChatImportPlan {
  const result = planImport(entries);
  if (result.type !== 'plan') throw new Error(JSON.stringify(result.error));
  if (result.plan.kind !== 'chat') throw new Error(`planned as ${result.plan.kind}`);
  return result.plan;
}

describe('planImport', () => {
  it('takes a picked model folder, suggesting its name as the id', () => {
    const plan = planOf([...folder('whisper-base', WHISPER), entry('whisper-base/README.md'), entry('whisper-base/.gitattributes')]);
    expect(plan.suggestedId).toBe('whisper-base');
    expect(plan.files.map((f) => f.path).sort()).toEqual([...WHISPER].sort());
    expect(plan.skipped).toEqual(['whisper-base/README.md', 'whisper-base/.gitattributes']);
    expect(plan.encoders).toEqual(['fp32', 'q8']);
    expect(plan.decoders).toEqual(['q8', 'q4']);
    expect(plan.totalBytes).toBe(WHISPER.length * 10);
  });

  it('finds the model in a parent folder, and reads owner/name from a Hugging Face cache folder', () => {
    const plan = planOf(folder('hub/models--onnx-community--whisper-tiny/snapshots/0123abc', WHISPER));
    expect(plan.suggestedId).toBe('onnx-community/whisper-tiny');
    expect(plan.files.every((f) => !f.path.includes('snapshots'))).toBe(true);
  });

  it('takes a flat multi-file selection, putting the weights in onnx/', () => {
    const plan = planOf(folder('', [...JSON_FILES, 'encoder_model_quantized.onnx', 'decoder_model_merged_quantized.onnx', 'encoder_model.onnx_data']));
    expect(plan.suggestedId).toBe('');
    expect(plan.files.map((f) => f.path)).toContain('onnx/encoder_model_quantized.onnx');
    expect(plan.files.map((f) => f.path)).toContain('onnx/encoder_model.onnx_data');
  });

  it('lists what is missing', () => {
    expect(planImport(folder('m', ['config.json', 'tokenizer.json', 'onnx/decoder_model_merged.onnx']))).toEqual({
      type: 'error',
      error: { code: 'missing-files', missing: ['generation_config.json', 'preprocessor_config.json', 'tokenizer_config.json', 'onnx/encoder_model*.onnx'] },
    });
    expect(planImport([])).toEqual({ type: 'error', error: { code: 'no-files' } });
  });

  it('says which weights a device’s precision would still need', () => {
    const plan = planOf(folder('m', [...JSON_FILES, 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx']));
    expect(missingFor(plan, { encoder_model: 'q8', decoder_model_merged: 'q8' })).toEqual([]);
    expect(missingFor(plan, { encoder_model: 'fp32', decoder_model_merged: 'q4' })).toEqual(['onnx/encoder_model.onnx', 'onnx/decoder_model_merged_q4.onnx']);
  });
});

describe('planImport for a chat model', () => {
  it('takes a decoder-only export, with every weight file, and lists the app’s precisions in it', () => {
    const plan = chatPlanOf([...folder('Qwen2.5-0.5B-Instruct', CHAT), entry('Qwen2.5-0.5B-Instruct/README.md')]);
    expect(plan.kind).toBe('chat');
    expect(plan.suggestedId).toBe('Qwen2.5-0.5B-Instruct');
    expect(plan.files.map((f) => f.path).sort()).toEqual([...CHAT].sort());
    expect(plan.skipped).toEqual(['Qwen2.5-0.5B-Instruct/README.md']);
    expect(plan.dtypes).toEqual(['q4f16', 'q4', 'q8']);
    expect(plan.added).toEqual([]);
    expect(plan.totalBytes).toBe(CHAT.length * 10);
  });

  it('copies external data files, also from a flat selection and a Hugging Face cache folder', () => {
    const external = ['onnx/model.onnx', 'onnx/model.onnx_data', 'onnx/model.onnx_data_1', 'onnx/model_fp16.onnx', 'onnx/model_fp16.onnx_data', 'onnx/model_uint8.onnx'];
    const plan = chatPlanOf(folder('hub/models--onnx-community--Qwen2.5-1.5B-Instruct/snapshots/abc', [...CHAT_JSON, ...external]));
    expect(plan.suggestedId).toBe('onnx-community/Qwen2.5-1.5B-Instruct');
    expect(plan.files.map((f) => f.path)).toEqual(expect.arrayContaining(external));
    expect(plan.dtypes).toEqual(['fp16', 'fp32']);

    const flat = chatPlanOf(folder('', [...CHAT_JSON, 'model_q4f16.onnx', 'model_q4f16.onnx_data']));
    expect(flat.files.map((f) => f.path)).toEqual(expect.arrayContaining(['onnx/model_q4f16.onnx', 'onnx/model_q4f16.onnx_data']));
    expect(flat.dtypes).toEqual(['q4f16']);
  });

  it('adds an empty generation_config.json where the export has none, as loading without it reads', async () => {
    const plan = chatPlanOf(folder('m', ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_q4.onnx']));
    expect(plan.added).toEqual(['generation_config.json']);
    const added = plan.files.find((f) => f.path === 'generation_config.json');
    expect(await added?.blob.text()).toBe('{}');
    expect(plan.totalBytes).toBe(4 * 10 + 2);
  });

  it('says which of the app’s chat weights a device would still need', () => {
    const plan = chatPlanOf(folder('m', [...CHAT_JSON, 'onnx/model_q4.onnx']));
    expect(missingChatFor(plan, 'q4')).toEqual([]);
    expect(missingChatFor(plan, 'q4f16')).toEqual(['onnx/model_q4f16.onnx']);
    expect(missingChatFor(plan, 'q8')).toEqual(['onnx/model_quantized.onnx']);
  });

  it('rejects a folder that is neither, listing what the nearest layout lacks', () => {
    // Chat weights in a precision the app never loads: a chat folder without usable weights.
    expect(planImport(folder('m', ['config.json', 'tokenizer.json', 'onnx/model_int8.onnx']))).toEqual({
      type: 'error',
      error: { code: 'missing-files', missing: ['tokenizer_config.json', 'onnx/model*.onnx'] },
    });
    // No weights at all: the chat layout needs fewer files.
    expect(planImport(folder('m', ['config.json', 'README.md']))).toEqual({
      type: 'error',
      error: { code: 'missing-files', missing: ['tokenizer.json', 'tokenizer_config.json', 'onnx/model*.onnx'] },
    });
    // A preprocessor config says Whisper even without weights.
    expect(planImport(folder('m', [...JSON_FILES]))).toEqual({
      type: 'error',
      error: { code: 'missing-files', missing: ['onnx/encoder_model*.onnx', 'onnx/decoder_model_merged*.onnx'] },
    });
  });

  it('still plans a Whisper folder as speech', () => {
    const result = planImport(folder('whisper-base', WHISPER));
    expect(result.type === 'plan' && result.plan.kind).toBe('speech');
  });

  it('imports under the URLs AutoModelForCausalLM requests', async () => {
    const storage = new MemoryCacheStorage();
    const plan = chatPlanOf(folder('m', [...CHAT_JSON, 'onnx/model_q4.onnx', 'onnx/model_q4.onnx_data']));
    const result = await importModel(plan, { host: 'http://127.0.0.1:4174', modelId: 'local/qwen' }, {}, storage);
    expect(result).toMatchObject({ type: 'imported', files: CHAT_JSON.length + 2 });
    const cache = await storage.open(MODEL_CACHE_NAME);
    expect(await cache.match('http://127.0.0.1:4174/local/qwen/resolve/main/onnx/model_q4.onnx_data')).toBeDefined();
  });
});

describe('isValidModelId', () => {
  it('accepts what transformers.js accepts', () => {
    for (const id of ['whisper-base', 'onnx-community/whisper-base.en', 'a_b/c.d']) expect(isValidModelId(id), id).toBe(true);
    for (const id of ['', 'a/b/c', 'a//b', '../x', 'a--b/c', 'has space', 'x.git']) expect(isValidModelId(id), id).toBe(false);
  });
});

describe('importModel', () => {
  const HOST = 'http://127.0.0.1:4174';

  it('stores every file under the URL transformers.js requests, with Content-Length', async () => {
    const storage = new MemoryCacheStorage();
    const progress: number[] = [];
    const plan = planOf(folder('whisper-base', WHISPER));
    const result = await importModel(plan, { host: HOST, modelId: 'local/whisper-base' }, { onProgress: (done) => progress.push(done) }, storage);
    expect(result).toEqual({ type: 'imported', modelId: 'local/whisper-base', host: HOST, files: WHISPER.length, totalBytes: WHISPER.length * 10 });
    const cache = await storage.open(MODEL_CACHE_NAME);
    const response = await cache.match(`${HOST}/local/whisper-base/resolve/main/onnx/encoder_model_quantized.onnx`);
    expect(response?.headers.get('content-length')).toBe('10');
    expect((await response?.arrayBuffer())?.byteLength).toBe(10);
    expect(progress.at(-1)).toBe(WHISPER.length * 10);
    expect(await listCachedModels([HOST], storage)).toMatchObject([{ modelId: 'local/whisper-base', totalBytes: WHISPER.length * 10 }]);
  });

  it('replaces an earlier import of the same id', async () => {
    const storage = new MemoryCacheStorage();
    (await storage.open(MODEL_CACHE_NAME)).add(`${HOST}/m/resolve/main/onnx/encoder_model_fp16.onnx`, 99);
    await importModel(planOf(folder('m', WHISPER)), { host: HOST, modelId: 'm' }, {}, storage);
    const [model] = await listCachedModels([HOST], storage);
    expect(model?.files.map((f) => f.file)).not.toContain('onnx/encoder_model_fp16.onnx');
  });

  it('refuses an id transformers.js would not look up', async () => {
    const result = await importModel(planOf(folder('m', WHISPER)), { host: HOST, modelId: 'not valid' }, {}, new MemoryCacheStorage());
    expect(result).toEqual({ type: 'error', error: { code: 'invalid-id', id: 'not valid' } });
  });

  it('leaves nothing behind when the disk is full or the user cancels', async () => {
    const storage = new MemoryCacheStorage();
    (await storage.open(MODEL_CACHE_NAME)).failPutsAfter = 3;
    const full = await importModel(planOf(folder('m', WHISPER)), { host: HOST, modelId: 'm' }, {}, storage);
    expect(full).toEqual({ type: 'error', error: { code: 'storage-full' } });
    expect(await listCachedModels([HOST], storage)).toEqual([]);

    const controller = new AbortController();
    const cancelled = await importModel(planOf(folder('m', WHISPER)), { host: HOST, modelId: 'm' }, { signal: controller.signal, onProgress: () => controller.abort() }, new MemoryCacheStorage());
    expect(cancelled).toEqual({ type: 'error', error: { code: 'cancelled' } });
  });
});
