/**
 * Benchmark page: muxes the chosen file with subtitle tracks through the app's own export
 * worker (WORKERFS input, streamed output, back-pressure) into a file in the origin private file
 * system, as the app's fallback does, and publishes timings on `window`; likewise burns
 * subtitles in through the app's burn-in client, on the path it chooses here (WebCodecs via
 * mediabunny, or ffmpeg.wasm with libass and x264 where the page has no WebCodecs encoder).
 */
import { browserSaveEnvironment } from '../src/lib/export/browser-save.ts';
import { muxToOutput, warmExportEngine } from '../src/lib/export/export-client.ts';
import type { VideoContainer } from '../src/lib/export/export-plan.ts';
import type { MuxTrack } from '../src/lib/export/export-protocol.ts';
import { openSaveTarget } from '../src/lib/export/save-target.ts';
import { burnToOutput, estimateBurnIn } from '../src/lib/export/burn-in/burn-in-client.ts';
import type { BurnCue } from '../src/lib/export/burn-in/cue-at.ts';
import { DEFAULT_SUBTITLE_STYLE } from '../src/lib/export/burn-in/subtitle-layout.ts';

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

/** A burn-in run: the path and encoder the app chose, the frames painted, and the wall time. */
export interface BurnBenchResult {
  readonly path: string;
  readonly codec: string;
  readonly container: string;
  readonly frames: number;
  /** From the request to the file complete on disk (font loading included). */
  readonly burnMs: number;
  /** The app's own estimate before starting, seconds. */
  readonly estimateSeconds: number;
  readonly error?: string;
}

async function runBurn(cues: readonly BurnCue[]): Promise<BurnBenchResult> {
  const file = document.querySelector<HTMLInputElement>('#file')?.files?.[0];
  if (!file) return { path: '', codec: '', container: '', frames: 0, burnMs: NaN, estimateSeconds: NaN, error: 'no file' };
  try {
    const job = { file, cues, style: DEFAULT_SUBTITLE_STYLE };
    const estimate = await estimateBurnIn(job);
    const env = { ...browserSaveEnvironment(() => undefined), pickFile: undefined };
    const t0 = performance.now();
    const sink = await openSaveTarget(env, { name: `bench.${estimate.container}`, mime: 'video/mp4', description: 'bench', expectedBytes: file.size * 2 });
    const end = await burnToOutput({ ...job, path: estimate.path, output: sink });
    await sink.close();
    return { path: estimate.path, codec: estimate.codec, container: estimate.container, frames: end.frames, burnMs: performance.now() - t0, estimateSeconds: estimate.seconds };
  } catch (error) {
    return { path: '', codec: '', container: '', frames: 0, burnMs: NaN, estimateSeconds: NaN, error: String(error) };
  }
}

Reflect.set(window, 'runBurnBench', runBurn);
