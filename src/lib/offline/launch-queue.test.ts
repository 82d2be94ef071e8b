import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { consumeLaunchedFiles } from './launch-queue.ts';

/** Node has no File System Access API: a stand-in so `instanceof FileSystemFileHandle` works. */
class FakeFileHandle {
  readonly kind = 'file';
  readonly #file: File;
  constructor(file: File) {
    this.#file = file;
  }
  async getFile(): Promise<File> {
    return this.#file;
  }
}

/** Chromium's `launchQueue`: keeps the consumer so a test can launch files into it. */
function fakeLaunchQueue() {
  let consumer: ((params: unknown) => unknown) | undefined;
  const setConsumer = vi.fn((callback: (params: unknown) => unknown) => {
    consumer = callback;
  });
  return {
    queue: { setConsumer },
    setConsumer,
    launch(params: unknown) {
      if (!consumer) throw new Error('no consumer set');
      consumer(params);
    },
  };
}

/** Lets the consumer's `await handle.getFile()` settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.stubGlobal('FileSystemFileHandle', FakeFileHandle);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('consumeLaunchedFiles', () => {
  it('does nothing where there is no launch queue', () => {
    const onFile = vi.fn();
    expect(() => consumeLaunchedFiles({}, onFile)).not.toThrow();
    expect(() => consumeLaunchedFiles({ launchQueue: null }, onFile)).not.toThrow();
    expect(() => consumeLaunchedFiles({ launchQueue: 'queue' }, onFile)).not.toThrow();
    expect(() => consumeLaunchedFiles({ launchQueue: { setConsumer: 'not a function' } }, onFile)).not.toThrow();
    expect(onFile).not.toHaveBeenCalled();
  });

  it('sets a consumer on the queue, itself as `this`', () => {
    const { queue, setConsumer } = fakeLaunchQueue();
    consumeLaunchedFiles({ launchQueue: queue }, vi.fn());
    expect(setConsumer).toHaveBeenCalledTimes(1);
    expect(setConsumer.mock.contexts[0]).toBe(queue);
  });

  it('hands the launched file to onFile, once per launch', async () => {
    const launch = fakeLaunchQueue();
    const onFile = vi.fn();
    consumeLaunchedFiles({ launchQueue: launch.queue }, onFile);
    const talk = new File(['video'], 'talk.mp4', { type: 'video/mp4' });
    launch.launch({ files: [new FakeFileHandle(talk)] });
    await settle();
    expect(onFile).toHaveBeenCalledTimes(1);
    expect(onFile).toHaveBeenCalledWith(talk);

    const subtitles = new File(['1\n'], 'talk.srt');
    launch.launch({ files: [new FakeFileHandle(subtitles)] });
    await settle();
    expect(onFile.mock.calls).toEqual([[talk], [subtitles]]);
  });

  it('takes only the first of several launched files', async () => {
    const launch = fakeLaunchQueue();
    const onFile = vi.fn();
    consumeLaunchedFiles({ launchQueue: launch.queue }, onFile);
    const first = new File(['a'], 'a.mp4');
    launch.launch({ files: [new FakeFileHandle(first), new FakeFileHandle(new File(['b'], 'b.mp4'))] });
    await settle();
    expect(onFile.mock.calls).toEqual([[first]]);
  });

  it('ignores launches without a file handle', async () => {
    const launch = fakeLaunchQueue();
    const onFile = vi.fn();
    consumeLaunchedFiles({ launchQueue: launch.queue }, onFile);
    // A directory handle, a plain File, a look-alike with getFile but not a handle, no files at all.
    const lookAlike = { kind: 'file', getFile: async () => new File(['x'], 'x.mp4') };
    for (const params of [{ files: [lookAlike] }, { files: [new File(['x'], 'x.mp4')] }, { files: [] }, { files: 'x' }, {}, null, undefined]) {
      launch.launch(params);
    }
    await settle();
    expect(onFile).not.toHaveBeenCalled();
  });
});
