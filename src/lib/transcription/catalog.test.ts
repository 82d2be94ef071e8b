import { describe, expect, it } from 'vitest';
import { catalogEntry, defaultModelFor, downloadSize, MODEL_CATALOG, modelFiles, modelFileUrl, type Fetch } from './catalog.ts';
import { dtypeFor } from './models.ts';

const HOST = 'https://hub.test';
const MODEL = 'onnx-community/whisper-base';

/** A fake host: `sizes` maps a URL path to its size; `undefined` serves it without a length. */
function fakeHost(sizes: Record<string, number | undefined>, opts: { headFails?: boolean; down?: boolean } = {}) {
  const seen: string[] = [];
  const fetchFn: Fetch = async (url, init) => {
    const path = new URL(url).pathname;
    const method = init?.method ?? 'GET';
    seen.push(`${method} ${path}`);
    if (opts.down) throw new TypeError('Failed to fetch');
    if (!(path in sizes)) return new Response(null, { status: 404 });
    const size = sizes[path];
    if (method === 'HEAD') {
      if (opts.headFails) return new Response(null, { status: 405 });
      return new Response(null, { status: 200, headers: size === undefined ? {} : { 'content-length': String(size) } });
    }
    const range = new Headers(init?.headers).get('range');
    if (range && size !== undefined) return new Response('x', { status: 206, headers: { 'content-range': `bytes 0-0/${size}` } });
    return new Response('x', { status: 200 });
  };
  return { fetchFn, seen };
}

const repoPath = (file: string) => `/${MODEL}/resolve/main/${file}`;
const wasmFiles = modelFiles(dtypeFor('wasm'));
const allSizes = (extra: Record<string, number | undefined> = {}) => ({
  ...Object.fromEntries(wasmFiles.map((f, i) => [repoPath(f), 1000 * (i + 1)])),
  ...extra,
});

describe('catalog', () => {
  it('offers tiny, base and small in both flavours, a distilled model and large-v3 turbo', () => {
    const ids = MODEL_CATALOG.map((e) => e.id);
    for (const size of ['tiny', 'base', 'small']) {
      expect(ids).toContain(`onnx-community/whisper-${size}`);
      expect(ids).toContain(`onnx-community/whisper-${size}.en`);
    }
    expect(ids).toContain('onnx-community/distil-small.en');
    expect(ids).toContain('onnx-community/whisper-large-v3-turbo');
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of MODEL_CATALOG) expect(entry.multilingual).toBe(!entry.id.endsWith('.en'));
  });

  it('finds entries by id, ignoring surrounding spaces', () => {
    expect(catalogEntry(' onnx-community/whisper-base ')?.name).toBe('Whisper base');
    expect(catalogEntry('someone/else')).toBeUndefined();
  });

  it('suggests base on the CPU, small on a GPU, turbo on a GPU with shader-f16', () => {
    expect(defaultModelFor('wasm', { shaderF16: true })).toBe('onnx-community/whisper-base');
    expect(defaultModelFor('webgpu', { shaderF16: false })).toBe('onnx-community/whisper-small');
    expect(defaultModelFor('webgpu', { shaderF16: true })).toBe('onnx-community/whisper-large-v3-turbo');
    for (const device of ['wasm', 'webgpu'] as const) {
      for (const shaderF16 of [false, true]) expect(catalogEntry(defaultModelFor(device, { shaderF16 }))).toBeDefined();
    }
  });

  it('lists the files a precision config needs, with transformers.js suffixes', () => {
    expect(modelFiles({ encoder_model: 'q8', decoder_model_merged: 'q8' })).toEqual([
      'config.json',
      'generation_config.json',
      'preprocessor_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/encoder_model_quantized.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
    ]);
    expect(modelFiles({ encoder_model: 'fp32', decoder_model_merged: 'q4' }).slice(-2)).toEqual(['onnx/encoder_model.onnx', 'onnx/decoder_model_merged_q4.onnx']);
    expect(modelFiles({ encoder_model: 'fp16', decoder_model_merged: 'fp16' }).slice(-1)).toEqual(['onnx/decoder_model_merged_fp16.onnx']);
  });

  it('builds the URL transformers.js fetches and caches, whatever the host spelling', () => {
    for (const host of ['https://hub.test', 'https://hub.test/', 'https://hub.test//', ' https://hub.test ']) {
      expect(modelFileUrl(host, MODEL, 'onnx/encoder_model.onnx')).toBe('https://hub.test/onnx-community/whisper-base/resolve/main/onnx/encoder_model.onnx');
    }
    expect(modelFileUrl('https://mirror.test/hf/', 'a/b', 'config.json')).toBe('https://mirror.test/hf/a/b/resolve/main/config.json');
  });
});

describe('downloadSize', () => {
  it('adds up Content-Length from HEAD requests, downloading nothing', async () => {
    const { fetchFn, seen } = fakeHost(allSizes());
    const size = await downloadSize(HOST, MODEL, dtypeFor('wasm'), fetchFn);
    expect(size).toEqual({
      type: 'known',
      files: wasmFiles.map((file, i) => ({ file, bytes: 1000 * (i + 1) })),
      totalBytes: 28_000,
      exact: true,
    });
    expect(seen.every((line) => line.startsWith('HEAD '))).toBe(true);
  });

  it('counts external data chunks beside a graph', async () => {
    const encoder = 'onnx/encoder_model_quantized.onnx';
    const { fetchFn } = fakeHost(allSizes({ [repoPath(`${encoder}_data`)]: 5e9, [repoPath(`${encoder}_data_1`)]: 1e9 }));
    const size = await downloadSize(HOST, MODEL, dtypeFor('wasm'), fetchFn);
    expect(size.type === 'known' && size.totalBytes).toBe(28_000 + 6e9);
    expect(size.type === 'known' && size.files.map((f) => f.file)).toContain(`${encoder}_data_1`);
  });

  it('falls back to a one-byte range request when HEAD is refused', async () => {
    const { fetchFn } = fakeHost(allSizes(), { headFails: true });
    const size = await downloadSize(HOST, MODEL, dtypeFor('wasm'), fetchFn);
    expect(size.type === 'known' && size.totalBytes).toBe(28_000);
  });

  it('names the files the repository lacks', async () => {
    const { fetchFn } = fakeHost(allSizes());
    expect(await downloadSize(HOST, MODEL, dtypeFor('webgpu'), fetchFn)).toEqual({
      type: 'missing',
      files: ['onnx/encoder_model.onnx', 'onnx/decoder_model_merged_q4.onnx'],
    });
  });

  it('is unknown offline, or when a weight file has no length', async () => {
    expect(await downloadSize(HOST, MODEL, dtypeFor('wasm'), fakeHost(allSizes(), { down: true }).fetchFn)).toEqual({ type: 'unknown' });
    const noLength = fakeHost(allSizes({ [repoPath('onnx/decoder_model_merged_quantized.onnx')]: undefined }));
    expect(await downloadSize(HOST, MODEL, dtypeFor('wasm'), noLength.fetchFn)).toEqual({ type: 'unknown' });
  });

  it('gives a floor when only a JSON file has no length', async () => {
    const { fetchFn } = fakeHost(allSizes({ [repoPath('config.json')]: undefined }));
    const size = await downloadSize(HOST, MODEL, dtypeFor('wasm'), fetchFn);
    expect(size).toMatchObject({ type: 'known', totalBytes: 27_000, exact: false });
  });

  it('rethrows a cancel instead of calling it unknown', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetchFn: Fetch = async (_url, init) => {
      init?.signal?.throwIfAborted();
      return new Response(null);
    };
    await expect(downloadSize(HOST, MODEL, dtypeFor('wasm'), fetchFn, controller.signal)).rejects.toThrow();
  });
});
