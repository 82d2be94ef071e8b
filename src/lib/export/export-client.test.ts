import { afterEach, describe, expect, it } from 'vitest';
import { AppErrorException } from '../errors.ts';
import { WorkerClient, type WorkerLike } from '../workers/client.ts';
import { serve, type Handlers } from '../workers/host.ts';
import { muxToOutput, type ExportEngine } from './export-client.ts';
import { exportResultChecks, type ExportEvent, type ExportRequest, type ExportResults, type MuxTrack } from './export-protocol.ts';

const ports: MessagePort[] = [];
afterEach(() => ports.splice(0).forEach((p) => p.close()));

/** Chunks a stand-in mux sends: what a muxer writes, a header patch last. */
const CHUNKS: readonly [number, number[]][] = [[0, [1, 2, 3, 4]], [4, [5, 6]], [1, [9]]];

/** The export worker's protocol over a real MessageChannel, with a stand-in mux. */
function engine(mux: Handlers<ExportRequest, ExportResults, ExportEvent>['mux']): ExportEngine {
  const create = (): WorkerLike => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    serve<ExportRequest, ExportResults, ExportEvent>(port2, 'export-failed', {
      warm: async () => true,
      mux,
      'burn-estimate': async () => Promise.reject(new Error('not in this test')),
      burn: async () => Promise.reject(new Error('not in this test')),
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
  return new WorkerClient(create, exportResultChecks, { cancelGraceMs: 100 });
}

const sendChunks: Handlers<ExportRequest, ExportResults, ExportEvent>['mux'] = async (request, { emit }) => {
  emit({ type: 'stage', stage: 'muxing' });
  emit({ type: 'progress', seconds: 5, duration: 10 });
  for (const [position, bytes] of CHUNKS) {
    const data = new Uint8Array(bytes);
    emit({ type: 'chunk', position, bytes: data }, [data.buffer]);
  }
  expect(request.tracks).toHaveLength(1);
  return { bytes: 6, chunks: CHUNKS.length, seconds: 10 };
};

const file = new File([new Uint8Array([1])], 'talk.mp4');
const tracks: readonly MuxTrack[] = [{ text: '1\n00:00:01,000 --> 00:00:02,000\nHi\n', format: 'srt', language: 'eng', title: 'English', isDefault: true }];

/** An output that records its writes, one at a time (it fails the test if two overlap). */
function recorder(options: { failAt?: number; delayMs?: number } = {}) {
  const writes: [number, number[]][] = [];
  let busy = false;
  return {
    writes,
    write: async (position: number, bytes: Uint8Array<ArrayBuffer>) => {
      expect(busy, 'writes are one at a time').toBe(false);
      busy = true;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 1));
      busy = false;
      if (writes.length === options.failAt) throw new DOMException('The disk is full', 'QuotaExceededError');
      writes.push([position, [...bytes]]);
    },
  };
}

describe('muxToOutput', () => {
  it('writes every chunk in order, one at a time, and reports stages and progress', async () => {
    const output = recorder();
    const stages: string[] = [];
    const progress: [number, number | undefined][] = [];
    const end = await muxToOutput(
      { file, container: 'mp4', tracks, output, onStage: (s) => stages.push(s), onProgress: (s, d) => progress.push([s, d]) },
      engine(sendChunks),
    );
    expect(end).toEqual({ bytes: 6, chunks: 3, seconds: 10 });
    expect(output.writes).toEqual(CHUNKS);
    expect(stages).toEqual(['muxing']);
    expect(progress).toEqual([[5, 10]]);
  });

  it('stops the mux when a write fails and says the file could not be written', async () => {
    const output = recorder({ failAt: 1 });
    let cancelled = false;
    const slowMux: typeof sendChunks = async (request, context) => {
      const end = await sendChunks(request, context);
      // Like ffmpeg blocked on back-pressure: it learns of the cancel and stops.
      for (let i = 0; i < 100 && !context.cancelled(); i++) await new Promise((r) => setTimeout(r, 5));
      cancelled = context.cancelled();
      return end;
    };
    const error = await muxToOutput({ file, container: 'mp4', tracks, output }, engine(slowMux)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppErrorException);
    expect(error).toMatchObject({ error: { code: 'export-write-failed', detail: 'QuotaExceededError: The disk is full' } });
    expect(output.writes).toEqual(CHUNKS.slice(0, 1));
    expect(cancelled).toBe(true);
  });

  it('is cancelled by its signal', async () => {
    const controller = new AbortController();
    const hang: typeof sendChunks = async (_request, context) => {
      controller.abort();
      while (!context.cancelled()) await new Promise((r) => setTimeout(r, 5));
      return { bytes: 0, chunks: 0, seconds: 0 };
    };
    const error = await muxToOutput({ file, container: 'mkv', tracks, output: recorder(), signal: controller.signal }, engine(hang)).catch((e: unknown) => e);
    expect(error).toMatchObject({ error: { code: 'cancelled' } });
  });

  it('refuses an end that claims chunks which never came', async () => {
    const lying: typeof sendChunks = async (request, context) => ({ ...(await sendChunks(request, context)), chunks: 4 });
    const error = await muxToOutput({ file, container: 'mp4', tracks, output: recorder() }, engine(lying)).catch((e: unknown) => e);
    expect(error).toMatchObject({ error: { code: 'export-failed', detail: '3 of 4 chunks arrived' } });
  });
});
