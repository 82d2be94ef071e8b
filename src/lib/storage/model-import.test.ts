import { describe, expect, it } from 'vitest';
import { MemoryCacheStorage } from './memory-cache.testing.ts';
import { listCachedModels, MODEL_CACHE_NAME } from './model-cache.ts';
import { importModel, isValidModelId, missingFor, planImport, type ImportEntry, type ImportPlan } from './model-import.ts';

const JSON_FILES = ['config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'];
const entry = (path: string, bytes = 10): ImportEntry => ({ path, blob: new Blob([new Uint8Array(bytes)]) });
const folder = (root: string, files: readonly string[]) => files.map((f) => entry(root ? `${root}/${f}` : f));
const WHISPER = [...JSON_FILES, 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx', 'onnx/encoder_model.onnx', 'onnx/decoder_model_merged_q4.onnx'];

function planOf(entries: readonly ImportEntry[]): ImportPlan {
  const result = planImport(entries);
  if (result.type !== 'plan') throw new Error(JSON.stringify(result.error));
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
