import { FFmpeg } from '@ffmpeg/ffmpeg';
// Our own copies of the single-thread core, served from this origin (never the CDN default).
import coreURL from '@ffmpeg/core?url';
import wasmURL from '@ffmpeg/core/wasm?url';
import { withTimeout } from '../async.ts';
import { AppErrorException } from '../errors.ts';

/** Loading fetches and compiles ~30 MB of WASM; a minute covers slow disks, a hang does not pass. */
const LOAD_TIMEOUT_MS = 60_000;

let instance: Promise<FFmpeg> | undefined;

/**
 * The ffmpeg.wasm instance of this worker, loaded once and reused; a failed load is forgotten
 * so the next file tries again.
 */
export function getFFmpeg(): Promise<FFmpeg> {
  instance ??= load().catch((error: unknown) => {
    instance = undefined;
    throw error;
  });
  return instance;
}

/** Stops ffmpeg mid-command (the only way to interrupt a running exec) and forgets it. */
export async function discardFFmpeg(): Promise<void> {
  const current = instance;
  instance = undefined;
  if (current) (await current.catch(() => undefined))?.terminate();
}

async function load(): Promise<FFmpeg> {
  const ffmpeg = new FFmpeg();
  const loading = ffmpeg.load({ coreURL: absolute(coreURL), wasmURL: absolute(wasmURL) });
  try {
    await withTimeout(loading, LOAD_TIMEOUT_MS, () => new AppErrorException({ code: 'engine-timeout', detail: 'ffmpeg load' }));
  } catch (error) {
    ffmpeg.terminate();
    if (error instanceof AppErrorException) throw error;
    throw new AppErrorException({ code: 'engine-load-failed', detail: error instanceof Error ? error.message : String(error) });
  }
  return ffmpeg;
}

/** ffmpeg's worker resolves URLs against its own script; give it absolute ones. */
function absolute(url: string): string {
  return new URL(url, self.location.href).href;
}
