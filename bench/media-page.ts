/**
 * Benchmark page: decodes the chosen file with the app's own streaming extraction (media worker,
 * back-pressure and all), releasing each chunk at once, and publishes timings on `window`.
 */
import { probeMedia, streamAudio } from '../src/lib/media/media-client.ts';

export interface MediaBenchResult {
  readonly probeMs: number;
  readonly firstChunkMs: number;
  readonly extractMs: number;
  readonly samples: number;
  readonly chunks: number;
  readonly error?: string;
}

const input = document.querySelector<HTMLInputElement>('#file');
input?.addEventListener('change', () => {
  const file = input.files?.[0];
  if (file) void run(file).then((result) => Reflect.set(window, 'benchResult', result));
});

async function run(file: File): Promise<MediaBenchResult> {
  const t0 = performance.now();
  try {
    await probeMedia(file);
    const t1 = performance.now();
    let firstChunkMs = NaN;
    let samples = 0;
    let chunks = 0;
    for await (const item of streamAudio(file, { audioTrack: 0, chunkSamples: 512 * 938, aheadLimit: 4 })) {
      if (item.type === 'end') break;
      if (chunks === 0) firstChunkMs = performance.now() - t1;
      chunks++;
      samples += item.chunk.pcm.length;
      item.chunk.release();
    }
    return { probeMs: t1 - t0, firstChunkMs, extractMs: performance.now() - t1, samples, chunks };
  } catch (error) {
    return { probeMs: NaN, firstChunkMs: NaN, extractMs: NaN, samples: 0, chunks: 0, error: String(error) };
  }
}
