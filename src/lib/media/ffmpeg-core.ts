// Our own copies of the single-thread core, served from this origin (never the CDN default).
import coreURL from '@ffmpeg/core?url';
import wasmURL from '@ffmpeg/core/wasm?url';
import { withTimeout } from '../async.ts';
import { AppErrorException } from '../errors.ts';

/**
 * The parts of ffmpeg.wasm's Emscripten module this worker uses. We drive @ffmpeg/core directly
 * (not through @ffmpeg/ffmpeg's own worker) because streaming needs the file system's device
 * API: ffmpeg writes PCM into a device whose handler passes it on while the command still runs.
 */
export interface FFmpegCore {
  exec(...args: string[]): number;
  ffprobe(...args: string[]): number;
  setLogger(logger: (event: { type: string; message: string }) => void): void;
  setProgress(handler: (event: { progress: number; time: number }) => void): void;
  /** Milliseconds after which the running command is aborted; -1 for none. */
  setTimeout(ms: number): void;
  reset(): void;
  readonly FS: EmscriptenFS;
}

/** The part of an open Emscripten stream a device handler reads: where the next write goes. */
export interface DeviceStream {
  readonly position: number;
}

export interface DeviceStreamOps {
  open?(stream: DeviceStream): void;
  close?(stream: DeviceStream): void;
  read?(stream: DeviceStream, buffer: Uint8Array, offset: number, length: number, position: number): number;
  write?(stream: DeviceStream, buffer: Uint8Array, offset: number, length: number, position: number): number;
  /**
   * Returns the new position for `offset` from `whence` (0 start, 1 current, 2 end). Without
   * it the stream cannot seek (ESPIPE), which the MP4 and Matroska muxers need at the end.
   */
  llseek?(stream: DeviceStream, offset: number, whence: number): number;
}

export interface EmscriptenFS {
  mkdir(path: string): void;
  mount(type: unknown, options: { blobs?: { name: string; data: Blob }[] }, mountPoint: string): void;
  unmount(mountPoint: string): void;
  readFile(path: string, options: { encoding: 'utf8' }): string;
  /** Writes a MEMFS file (a string is written as UTF-8). */
  writeFile(path: string, data: string | Uint8Array): void;
  unlink(path: string): void;
  analyzePath(path: string): { exists: boolean };
  makedev(major: number, minor: number): number;
  registerDevice(dev: number, ops: DeviceStreamOps): void;
  mkdev(path: string, dev: number): void;
  readonly filesystems: { readonly WORKERFS: unknown };
  /** Thrown from a device handler, becomes an errno for ffmpeg (e.g. 5, EIO) instead of a crash. */
  readonly ErrnoError: new (errno: number) => Error;
}

type CoreFactory = (options: { mainScriptUrlOrBlob: string }) => Promise<FFmpegCore>;

/** Fetching and compiling ~30 MB of WASM: a minute covers slow disks; a hang does not pass. */
const LOAD_TIMEOUT_MS = 60_000;

let instance: Promise<FFmpegCore> | undefined;

/** This worker's ffmpeg, loaded once; a failed load is forgotten so the next file tries again. */
export function getFFmpegCore(): Promise<FFmpegCore> {
  instance ??= withTimeout(loadCore(), LOAD_TIMEOUT_MS, () => new AppErrorException({ code: 'engine-timeout', detail: 'ffmpeg' })).catch(
    (error: unknown) => {
      instance = undefined;
      throw error instanceof AppErrorException ? error : new AppErrorException({ code: 'engine-load-failed', detail: String(error) });
    },
  );
  return instance;
}

async function loadCore(): Promise<FFmpegCore> {
  const absoluteCore = new URL(coreURL, self.location.href).href;
  const absoluteWasm = new URL(wasmURL, self.location.href).href;
  const module: unknown = await import(/* @vite-ignore */ absoluteCore);
  const factory = defaultExport(module);
  // The core finds its .wasm through this hash: ffmpeg.wasm's own way to pass locateFile data.
  return factory({ mainScriptUrlOrBlob: `${absoluteCore}#${btoa(JSON.stringify({ wasmURL: absoluteWasm, workerURL: '' }))}` });
}

function defaultExport(module: unknown): CoreFactory {
  const factory: unknown = typeof module === 'object' && module !== null ? Reflect.get(module, 'default') : undefined;
  if (typeof factory !== 'function') throw new Error('ffmpeg core has no default export');
  return (options) => Promise.resolve(Reflect.apply(factory, undefined, [options]));
}

/**
 * Mounts `file` read-only at `dir/name` through WORKERFS, which reads the File lazily in slices:
 * nothing is copied into WASM memory, and files past 2 GB work. A fixed name avoids trouble with
 * odd characters in the user's file name. Returns the unmount.
 *
 * @example
 * const unmount = mountFile(core, '/input', 'media', file);
 * try { core.exec('-i', '/input/media', …); } finally { unmount(); }
 */
export function mountFile(core: FFmpegCore, dir: string, name: string, file: File): () => void {
  if (!core.FS.analyzePath(dir).exists) core.FS.mkdir(dir);
  core.FS.mount(core.FS.filesystems.WORKERFS, { blobs: [{ name, data: file }] }, dir);
  return () => core.FS.unmount(dir);
}

/** What {@link collectLog} keeps of ffmpeg's log. */
export interface LogTail {
  /** Stops collecting (later commands log elsewhere). */
  stop(): void;
  /** The last lines, for an error's technical detail. */
  tail(): string;
}

/**
 * Keeps ffmpeg's last log lines (the technical detail of an error message) and hands every line
 * to `onLine` as it comes, while a command runs.
 *
 * @example
 * const log = collectLog(core, (line) => progress.read(line));
 * core.exec(…); log.stop();
 */
export function collectLog(core: FFmpegCore, onLine?: (line: string) => void): LogTail {
  const lines: string[] = [];
  let active = true;
  core.setLogger(({ message }) => {
    if (!active) return;
    onLine?.(message);
    lines.push(message);
    if (lines.length > 8) lines.shift();
  });
  return { stop: () => void (active = false), tail: () => lines.join('\n').slice(-600) };
}
