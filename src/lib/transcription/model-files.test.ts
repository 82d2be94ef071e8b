import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../errors.ts';
import { MemoryCacheStorage } from '../storage/memory-cache.testing.ts';
import { listCachedModels, MODEL_CACHE_NAME } from '../storage/model-cache.ts';
import { fetchModelFile } from './model-files.ts';

const HOST = 'https://models.example';
const URL_OF = `${HOST}/owner/sense-voice/resolve/main/model.int8.onnx`;

/** A host serving `bytes` in small pieces, counting requests. */
function host(bytes: Uint8Array, status = 200) {
  const calls: string[] = [];
  const fetch = async (url: string) => {
    calls.push(url);
    if (status !== 200) return new Response(null, { status });
    const pieces = [bytes.subarray(0, 3), bytes.subarray(3, 7), bytes.subarray(7)];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(piece.slice());
        controller.close();
      },
    });
    return new Response(body, { headers: { 'content-length': String(bytes.length) } });
  };
  return { fetch, calls };
}

describe('fetchModelFile', () => {
  const bytes = Uint8Array.from({ length: 10 }, (_, i) => i * 7);

  it('downloads with progress into the models cache under the hub URL, then serves it from there', async () => {
    const storage = new MemoryCacheStorage();
    const server = host(bytes);
    const progress: [number, number][] = [];
    const got = await fetchModelFile(HOST, 'owner/sense-voice', 'model.int8.onnx', (_file, loaded, total) => progress.push([loaded, total]), { storage, fetch: server.fetch });
    expect(Array.from(got)).toEqual(Array.from(bytes));
    expect(server.calls).toEqual([URL_OF]);
    expect(progress.at(-1)).toEqual([10, 10]);
    expect(progress.map(([loaded]) => loaded)).toEqual([3, 7, 10, 10]);
    // Listed like any other cached model, with its size.
    const [model] = await listCachedModels([HOST], storage);
    expect(model).toMatchObject({ modelId: 'owner/sense-voice', totalBytes: 10, files: [{ file: 'model.int8.onnx', bytes: 10 }] });

    const again = await fetchModelFile(HOST, 'owner/sense-voice', 'model.int8.onnx', () => undefined, { storage, fetch: server.fetch });
    expect(Array.from(again)).toEqual(Array.from(bytes));
    expect(server.calls).toHaveLength(1);
  });

  it('fails with a typed load error on a missing file, and caches nothing', async () => {
    const storage = new MemoryCacheStorage();
    const failing = fetchModelFile(HOST, 'owner/none', 'tokens.txt', () => undefined, { storage, fetch: host(bytes, 404).fetch });
    await expect(failing).rejects.toBeInstanceOf(AppErrorException);
    await expect(failing).rejects.toMatchObject({ error: { code: 'model-load-failed' } });
    expect((await storage.open(MODEL_CACHE_NAME)).entries.size).toBe(0);
  });

  it('still gives the file when the cache is full', async () => {
    const storage = new MemoryCacheStorage();
    (await storage.open(MODEL_CACHE_NAME)).failPutsAfter = 0;
    const got = await fetchModelFile(HOST, 'owner/sense-voice', 'model.int8.onnx', () => undefined, { storage, fetch: host(bytes).fetch });
    expect(got.length).toBe(10);
  });
});
