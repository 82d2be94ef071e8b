import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MemoryCacheStorage } from './memory-cache.testing.ts';
import { cachedFiles, cachedModelKind, deleteCachedModel, groupCachedModels, listCachedModels, MODEL_CACHE_NAME, parseCacheKey } from './model-cache.ts';

const HUB = 'https://huggingface.co/';
const LOCAL = 'http://127.0.0.1:4174/';

describe('parseCacheKey', () => {
  it('splits hub URLs into host, model id and file', () => {
    expect(parseCacheKey('https://huggingface.co/onnx-community/whisper-base/resolve/main/onnx/encoder_model.onnx', [])).toEqual({
      host: HUB,
      modelId: 'onnx-community/whisper-base',
      file: 'onnx/encoder_model.onnx',
    });
  });

  it('uses a known host that carries a path, and keeps one-part ids', () => {
    expect(parseCacheKey('https://mirror.test/hf/tiny/resolve/v1.0/config.json', ['https://mirror.test/hf'])).toEqual({
      host: 'https://mirror.test/hf/',
      modelId: 'tiny',
      file: 'config.json',
    });
  });

  it('leaves out what is not a model file (ONNX Runtime caches its wasm in the same bucket)', () => {
    expect(parseCacheKey('http://127.0.0.1:4173/assets/ort-wasm-simd-threaded.asyncify-abc.wasm', [LOCAL])).toBeUndefined();
    expect(parseCacheKey('/models/a/b/config.json', [])).toBeUndefined();
  });
});

describe('groupCachedModels', () => {
  it('adds up each model per host, largest first', () => {
    const models = groupCachedModels(
      [
        { url: `${HUB}a/small/resolve/main/config.json`, bytes: 10 },
        { url: `${HUB}a/big/resolve/main/onnx/encoder_model.onnx`, bytes: 500 },
        { url: `${HUB}a/small/resolve/main/onnx/encoder_model.onnx`, bytes: 90 },
        { url: `${LOCAL}a/small/resolve/main/config.json`, bytes: 7 },
        { url: 'http://127.0.0.1:4173/ort.wasm', bytes: 1e6 },
      ],
      [LOCAL],
    );
    expect(models.map((m) => [m.host, m.modelId, m.totalBytes])).toEqual([
      [HUB, 'a/big', 500],
      [HUB, 'a/small', 100],
      [LOCAL, 'a/small', 7],
    ]);
    expect(models[1]?.files.map((f) => f.file)).toEqual(['config.json', 'onnx/encoder_model.onnx']);
  });
});

describe('the browser cache', () => {
  it('is empty, and not created, when transformers.js never cached anything', async () => {
    const storage = new MemoryCacheStorage();
    expect(await listCachedModels([HUB], storage)).toEqual([]);
    expect(await deleteCachedModel('a/b', undefined, storage)).toBe(0);
    expect(storage.buckets.size).toBe(0);
  });

  it('lists models with sizes from Content-Length, or from the body when it is missing', async () => {
    const storage = new MemoryCacheStorage();
    const cache = await storage.open(MODEL_CACHE_NAME);
    cache.add(`${HUB}a/b/resolve/main/config.json`, 100, false);
    cache.add(`${HUB}a/b/resolve/main/onnx/encoder_model.onnx`, 4000);
    const [model] = await listCachedModels([HUB], storage);
    expect(model).toMatchObject({ host: HUB, modelId: 'a/b', totalBytes: 4100 });
  });

  it('deletes one model, from every host or from one', async () => {
    const storage = new MemoryCacheStorage();
    const cache = await storage.open(MODEL_CACHE_NAME);
    for (const host of [HUB, LOCAL]) {
      cache.add(`${host}a/b/resolve/main/config.json`, 1);
      cache.add(`${host}a/b/resolve/main/onnx/encoder_model.onnx`, 1);
    }
    cache.add(`${HUB}a/other/resolve/main/config.json`, 1);
    expect(await deleteCachedModel('a/b', 'http://127.0.0.1:4174', storage)).toBe(2);
    expect([...cache.entries.keys()].filter((u) => u.startsWith(LOCAL))).toEqual([]);
    expect(await deleteCachedModel('a/b', undefined, storage)).toBe(2);
    expect([...cache.entries.keys()]).toEqual([`${HUB}a/other/resolve/main/config.json`]);
  });

  it('tells which of a model’s files are cached under a host', async () => {
    const storage = new MemoryCacheStorage();
    const cache = await storage.open(MODEL_CACHE_NAME);
    cache.add(`${HUB}a/b/resolve/main/config.json`, 30);
    expect(await cachedFiles('https://huggingface.co', 'a/b', ['config.json', 'tokenizer.json'], storage)).toEqual({ missing: ['tokenizer.json'], bytes: 30 });
  });
});

describe('agreement with transformers.js', () => {
  it('uses the cache name and the key layout of the installed transformers.js', () => {
    // Read from its source rather than imported: importing it in Node loads the native runtime.
    const require = createRequire(import.meta.url);
    const source = readFileSync(require.resolve('@huggingface/transformers').replace(/[^/\\]+$/, 'transformers.web.js'), 'utf8');
    expect(source).toContain(`cacheKey: "${MODEL_CACHE_NAME}"`);
    expect(source).toContain('remotePathTemplate: "{model}/resolve/{revision}/"');
  });
});

describe('cachedModelKind', () => {
  it('tells a language model (onnx/model*.onnx) from a speech model', () => {
    const files = (names: string[]) => ({ files: names.map((file) => ({ file, bytes: 1 })) });
    expect(cachedModelKind(files(['config.json', 'onnx/model_q4f16.onnx']))).toBe('chat');
    expect(cachedModelKind(files(['config.json', 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx']))).toBe('speech');
  });
});
