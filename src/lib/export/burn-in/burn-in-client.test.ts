import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppErrorException } from '../../errors.ts';
import { WorkerClient, type WorkerLike } from '../../workers/client.ts';
import { serve, type Handlers } from '../../workers/host.ts';
import { burnToOutput, estimateBurnIn, type BurnInEngine } from './burn-in-client.ts';
import { burnInResultChecks, type BurnInEvent, type BurnInRequest, type BurnInResults, type BurnPath } from './burn-in-protocol.ts';
import { DEFAULT_SUBTITLE_STYLE } from './subtitle-layout.ts';

const ports: MessagePort[] = [];
afterEach(() => {
  ports.splice(0).forEach((p) => p.close());
  vi.unstubAllGlobals();
});

type BurnHandler = Handlers<BurnInRequest, BurnInResults, BurnInEvent>['burn'];
type EstimateHandler = Handlers<BurnInRequest, BurnInResults, BurnInEvent>['estimate'];

/** The burn-in worker's protocol over a real MessageChannel, with a stand-in burn. */
function engine(
  burn: BurnHandler,
  estimate: EstimateHandler = async () => ({ path: 'webcodecs', codec: 'avc', container: 'mp4', width: 2, height: 2, duration: 1, speed: 1, seconds: 1 }),
): BurnInEngine {
  const create = (): WorkerLike => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    serve<BurnInRequest, BurnInResults, BurnInEvent>(port2, 'burn-in-failed', {
      estimate,
      burn,
    });
    port1.start();
    port2.start();
    return {
      postMessage: (message, transfer) => port1.postMessage(message, transfer),
      addEventListener: (type: 'message' | 'error', listener: (event: MessageEvent) => void) => {
        if (type === 'message') port1.addEventListener('message', listener);
      },
      removeEventListener: (_type, listener) => port1.removeEventListener('message', listener),
      terminate: () => (port1.close(), port2.close()),
    };
  };
  return new WorkerClient(create, burnInResultChecks, { cancelGraceMs: 100 });
}

/** What a muxer writes: the data, then a header patch. */
const CHUNKS: readonly [number, number[]][] = [[0, [1, 2, 3]], [1, [9]]];

/** A burn that sends the two chunks and ends. */
const twoChunks: BurnHandler = async (_request, { emit }) => {
  emit({ type: 'progress', seconds: 0.5, duration: 1 });
  for (const [position, bytes] of CHUNKS) {
    const data = new Uint8Array(bytes);
    emit({ type: 'chunk', position, bytes: data }, [data.buffer]);
  }
  return { bytes: 3, chunks: 2, frames: 25 };
};

const PATH: BurnPath = 'webcodecs';
const job = { file: new File([new Uint8Array([1])], 'clip.mp4'), cues: [{ start: 0, end: 1, text: 'Hi' }], style: DEFAULT_SUBTITLE_STYLE, path: PATH };

describe('burnToOutput', () => {
  it('writes every chunk in order and reports progress', async () => {
    const writes: [number, number[]][] = [];
    const progress: number[] = [];
    const end = await burnToOutput({ ...job, output: { write: async (position, bytes) => void writes.push([position, [...bytes]]) }, onProgress: (s) => progress.push(s) }, engine(twoChunks));
    expect(end.frames).toBe(25);
    expect(writes).toEqual([[0, [1, 2, 3]], [1, [9]]]);
    expect(progress).toEqual([0.5]);
  });

  it('a cancel while the disk holds the last write ends at once with cancelled', async () => {
    const controller = new AbortController();
    let held = false;
    const output = { write: () => ((held = true), new Promise<void>(() => undefined)) };
    const run = burnToOutput({ ...job, output, signal: controller.signal }, engine(twoChunks));
    await expect.poll(() => held).toBe(true);
    controller.abort();
    await expect(run).rejects.toMatchObject({ error: { code: 'cancelled' } });
  });

  it('a failed write stops the burn with export-write-failed', async () => {
    const output = { write: async () => Promise.reject(new DOMException('The disk is full', 'QuotaExceededError')) };
    const run = burnToOutput({ ...job, output }, engine(twoChunks));
    await expect(run).rejects.toBeInstanceOf(AppErrorException);
    await expect(run).rejects.toMatchObject({ error: { code: 'export-write-failed' } });
  });
});

describe('estimateBurnIn', () => {
  const fallbackEstimate = { path: 'ffmpeg', codec: 'x264', container: 'mp4', width: 2, height: 2, duration: 1, speed: 0.2, seconds: 5 } as const;
  const fallback = vi.fn(async () => fallbackEstimate);
  const unsupported = (): BurnInEngine => engine(twoChunks);

  it('goes to the ffmpeg fallback where the page has no VideoEncoder', async () => {
    vi.stubGlobal('VideoEncoder', undefined);
    expect(await estimateBurnIn(job, undefined, unsupported(), fallback)).toEqual(fallbackEstimate);
  });

  it('uses WebCodecs where an encoder is configurable, and the fallback when the worker finds none for the size', async () => {
    vi.stubGlobal('VideoDecoder', class {});
    vi.stubGlobal('VideoEncoder', { isConfigSupported: async () => ({ supported: true }) });
    expect((await estimateBurnIn(job, undefined, unsupported(), fallback)).path).toBe('webcodecs');
    const none = engine(twoChunks, async () => Promise.reject(new AppErrorException({ code: 'burn-in-unsupported', detail: '2×2' })));
    expect((await estimateBurnIn(job, undefined, none, fallback)).path).toBe('ffmpeg');
  });
});
