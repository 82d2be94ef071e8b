/**
 * Benchmark page: muxes the chosen file with subtitle tracks through the app's own export
 * worker (WORKERFS input, streamed output, back-pressure) into a file in the origin private file
 * system, as the app's fallback does, and publishes timings on `window`.
 */
import { browserSaveEnvironment } from '../src/lib/export/browser-save.ts';
import { muxToOutput, warmExportEngine } from '../src/lib/export/export-client.ts';
import type { VideoContainer } from '../src/lib/export/export-plan.ts';
import type { MuxTrack } from '../src/lib/export/export-protocol.ts';
import { openSaveTarget } from '../src/lib/export/save-target.ts';

export interface ExportBenchResult {
  /** Loading and compiling ffmpeg in the worker (before the timed mux). */
  readonly warmMs: number;
  /** From the request to the file complete on disk. */
  readonly muxMs: number;
  readonly bytes: number;
  readonly chunks: number;
  readonly error?: string;
}

async function run(srts: readonly string[], container: VideoContainer): Promise<ExportBenchResult> {
  const file = document.querySelector<HTMLInputElement>('#file')?.files?.[0];
  if (!file) return { warmMs: NaN, muxMs: NaN, bytes: 0, chunks: 0, error: 'no file' };
  try {
    const t0 = performance.now();
    await warmExportEngine();
    const t1 = performance.now();
    // The private file system, as in a browser without a save dialog; a dialog can't be answered here.
    const env = { ...browserSaveEnvironment(() => undefined), pickFile: undefined };
    const sink = await openSaveTarget(env, { name: `bench.${container}`, mime: 'video/mp4', description: 'bench', expectedBytes: file.size });
    const tracks: MuxTrack[] = srts.map((text, i) => ({ text, format: 'srt', language: i === 0 ? 'eng' : 'chi', title: `track ${i}`, isDefault: i === 0 }));
    const end = await muxToOutput({ file, container, tracks, output: sink });
    const saved = await sink.close();
    return { warmMs: t1 - t0, muxMs: performance.now() - t1, bytes: saved.bytes, chunks: end.chunks };
  } catch (error) {
    return { warmMs: NaN, muxMs: NaN, bytes: 0, chunks: 0, error: String(error) };
  }
}

Reflect.set(window, 'runExportBench', run);
