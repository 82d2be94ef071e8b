import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../errors.ts';
import { openSaveTarget, type PickedFile, type SaveEnvironment, type SaveRequest, type TemporaryFolder, type WritableLike } from './save-target.ts';

const request: SaveRequest = { name: 'talk.subtitled.mp4', mime: 'video/mp4', description: 'MP4 video', expectedBytes: 100 };

/** A stand-in writable stream that records what happens to it; its bytes land on close only. */
function writable(log: string[], bytes: number[] = []): WritableLike & { readonly bytes: number[] } {
  const pending: number[] = [];
  return {
    bytes,
    write: async ({ position, data }) => {
      log.push(`write ${position}+${data.length}`);
      data.forEach((b, i) => (pending[position + i] = b));
    },
    close: async () => {
      log.push('close');
      bytes.push(...pending.map((b) => b ?? 0));
    },
    abort: async () => void log.push('abort'),
  };
}

function picked(log: string[], options: { removable?: boolean } = {}): PickedFile & { readonly stream: ReturnType<typeof writable> } {
  const stream = writable(log);
  return {
    name: 'chosen.mp4',
    stream,
    createWritable: async () => stream,
    ...(options.removable === false ? {} : { remove: async () => void log.push('remove') }),
  };
}

function folder(log: string[]): TemporaryFolder & { readonly files: Map<string, number[]> } {
  const files = new Map<string, number[]>();
  return {
    files,
    getFileHandle: async (name) => {
      const bytes: number[] = [];
      files.set(name, bytes);
      return { createWritable: async () => writable(log, bytes), getFile: async () => new Blob([new Uint8Array(bytes)]) };
    },
    removeEntry: async (name) => {
      log.push(`removeEntry ${name}`);
      files.delete(name);
    },
  };
}

function environment(log: string[], parts: Partial<SaveEnvironment> = {}): SaveEnvironment & { readonly downloads: { name: string; file: Blob }[] } {
  const downloads: { name: string; file: Blob }[] = [];
  return { downloads, download: (name, file) => void downloads.push({ name, file }), memoryLimit: 1000, ...parts };
}

const abortError = () => new DOMException('The user aborted a request.', 'AbortError');

describe('openSaveTarget', () => {
  it('writes into the file the user picks, as the bytes come, and reports its name', async () => {
    const log: string[] = [];
    const file = picked(log);
    const env = environment(log, { pickFile: async () => file, temporaryFolder: async () => folder(log) });
    const sink = await openSaveTarget(env, request);
    expect(sink.method).toBe('picker');
    await sink.write(0, new Uint8Array([1, 2, 3]));
    await sink.write(1, new Uint8Array([9]));
    expect(await sink.close()).toEqual({ method: 'picker', name: 'chosen.mp4', bytes: 3 });
    expect(file.stream.bytes).toEqual([1, 9, 3]);
    expect(log).toEqual(['write 0+3', 'write 1+1', 'close']);
    expect(env.downloads).toEqual([]);
  });

  it('asks the picker before awaiting anything, so the click still counts as a gesture', () => {
    const log: string[] = [];
    let asked = false;
    void openSaveTarget(environment(log, { pickFile: () => ((asked = true), new Promise<PickedFile>(() => undefined)) }), request);
    expect(asked).toBe(true);
  });

  it('says cancelled when the user closes the picker, and tries nothing else', async () => {
    const log: string[] = [];
    const env = environment(log, { pickFile: async () => Promise.reject(abortError()), temporaryFolder: async () => folder(log) });
    await expect(openSaveTarget(env, request)).rejects.toMatchObject({ error: { code: 'cancelled' } });
    expect(log).toEqual([]);
  });

  it('drops a cancelled export and removes the picked file', async () => {
    const log: string[] = [];
    const file = picked(log);
    const sink = await openSaveTarget(environment(log, { pickFile: async () => file }), request);
    await sink.write(0, new Uint8Array([1]));
    await sink.abort();
    expect(log).toEqual(['write 0+1', 'abort', 'remove']);
    expect(file.stream.bytes).toEqual([]);
  });

  it('falls back to a temporary file when the picker refuses (no gesture), then downloads it', async () => {
    const log: string[] = [];
    const temp = folder(log);
    const env = environment(log, { pickFile: async () => Promise.reject(new DOMException('no gesture', 'SecurityError')), temporaryFolder: async () => temp });
    const sink = await openSaveTarget(env, request);
    expect(sink.method).toBe('temporary');
    await sink.write(0, new Uint8Array([4, 5]));
    expect(await sink.close()).toEqual({ method: 'download', name: request.name, bytes: 2 });
    expect(env.downloads.map((d) => d.name)).toEqual([request.name]);
    expect([...new Uint8Array(await (env.downloads[0]?.file ?? new Blob()).arrayBuffer())]).toEqual([4, 5]);
    // Kept for the download to read; the next export clears the folder.
    expect(temp.files.has(request.name)).toBe(true);
  });

  it('removes the temporary file of a cancelled export and downloads nothing', async () => {
    const log: string[] = [];
    const temp = folder(log);
    const env = environment(log, { temporaryFolder: async () => temp });
    const sink = await openSaveTarget(env, request);
    await sink.write(0, new Uint8Array([1]));
    await sink.abort();
    expect(temp.files.size).toBe(0);
    expect(log).toEqual(['write 0+1', 'abort', `removeEntry ${request.name}`]);
    expect(env.downloads).toEqual([]);
  });

  it('builds the file in memory where nothing else works, patches included', async () => {
    const log: string[] = [];
    const env = environment(log, { temporaryFolder: async () => Promise.reject(new TypeError('createWritable is not a function')) });
    const sink = await openSaveTarget(env, request);
    expect(sink.method).toBe('memory');
    await sink.write(0, new Uint8Array([1, 2, 3]));
    await sink.write(0, new Uint8Array([7]));
    expect(await sink.close()).toEqual({ method: 'download', name: request.name, bytes: 3 });
    const file = env.downloads[0]?.file;
    expect(file?.type).toBe('video/mp4');
    expect([...new Uint8Array(await (file ?? new Blob()).arrayBuffer())]).toEqual([7, 2, 3]);
  });

  it('refuses a file too large for memory with a typed error, before anything runs', async () => {
    const error = await openSaveTarget(environment([]), { ...request, expectedBytes: 1001 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppErrorException);
    expect(error).toMatchObject({ error: { code: 'export-too-large' } });
  });

  it('still cleans up when the browser cannot remove the picked file', async () => {
    const log: string[] = [];
    const sink = await openSaveTarget(environment(log, { pickFile: async () => picked(log, { removable: false }) }), request);
    await sink.abort();
    expect(log).toEqual(['abort']);
  });
});
