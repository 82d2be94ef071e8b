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

export interface DeviceStreamOps {
  open?(stream: unknown): void;
  close?(stream: unknown): void;
  read?(stream: unknown, buffer: Uint8Array, offset: number, length: number, position: number): number;
  write?(stream: unknown, buffer: Uint8Array, offset: number, length: number, position: number): number;
}

export interface EmscriptenFS {
  mkdir(path: string): void;
  mount(type: unknown, options: { blobs?: { name: string; data: Blob }[] }, mountPoint: string): void;
  unmount(mountPoint: string): void;
  readFile(path: string, options: { encoding: 'utf8' }): string;
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
