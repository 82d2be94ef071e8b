import { withTimeout } from '../async.ts';
import { AppErrorException } from '../errors.ts';
import { MemoryFile } from './memory-file.ts';

/** What is being saved: its name and type, and about how large it will be. */
export interface SaveRequest {
  readonly name: string;
  readonly mime: string;
  /** The file type's name for the save dialog ("MP4 video"). */
  readonly description: string;
  /** The size to expect (the source's plus the subtitles'): decides whether memory will do. */
  readonly expectedBytes: number;
}

/** How a saved export reached the user: written where they chose, or downloaded. */
export interface SavedExport {
  readonly method: 'picker' | 'download';
  readonly name: string;
  readonly bytes: number;
}

/** Where an export's bytes go while it runs. Writes come one at a time, in order. */
export interface SaveSink {
  readonly method: 'picker' | 'temporary' | 'memory';
  write(position: number, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  /** Completes the file (and downloads it where it was not written in place). */
  close(): Promise<SavedExport>;
  /** Discards what was written; nothing partial stays behind where that can be helped. */
  abort(): Promise<void>;
}

/** The part of FileSystemWritableFileStream a sink uses. */
export interface WritableLike {
  write(params: { readonly type: 'write'; readonly position: number; readonly data: Uint8Array<ArrayBuffer> }): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** A file the user chose in the save dialog. */
export interface PickedFile {
  readonly name: string;
  createWritable(): Promise<WritableLike>;
  /** Deletes the file (Chromium's FileSystemHandle.remove), where the browser can. */
  readonly remove?: () => Promise<void>;
}

/** A file in the origin private file system. */
export interface TemporaryFile {
  createWritable(): Promise<WritableLike>;
  getFile(): Promise<Blob>;
}

/** The folder of the origin private file system that holds export files while they are made. */
export interface TemporaryFolder {
  getFileHandle(name: string, options: { readonly create: boolean }): Promise<TemporaryFile>;
  removeEntry(name: string): Promise<void>;
}

/** What this browser can save with (browser-save.ts reads it from the page; tests stand in). */
export interface SaveEnvironment {
  /** `showSaveFilePicker`, where the browser has it; rejects with an AbortError when closed. */
  readonly pickFile?: (request: SaveRequest) => Promise<PickedFile>;
  /** The temporary folder, where the origin private file system can be written as a stream. */
  readonly temporaryFolder?: () => Promise<TemporaryFolder>;
  /** Hands a finished file to the browser's downloads. */
  readonly download: (name: string, file: Blob) => void;
  /** The largest file the in-memory fallback takes on. */
  readonly memoryLimit: number;
}

/**
 * Opens the best place this browser has for an export: the file the user picks, written as it
 * comes (nothing held in memory, any size); else a temporary file in the origin private file
 * system, downloaded when complete; else memory, for files that fit (`export-too-large`
 * otherwise). Call it straight from the click: the save dialog needs the user's gesture, so
 * the picker is asked before anything is awaited. Closing the dialog rejects with `cancelled`.
 *
 * @example
 * const sink = await openSaveTarget(browserSaveEnvironment(downloadFile), { name: 'talk.subtitled.mp4', mime: 'video/mp4', description: 'MP4', expectedBytes: file.size });
 * await sink.write(0, bytes); const saved = await sink.close();
 */
export async function openSaveTarget(env: SaveEnvironment, request: SaveRequest): Promise<SaveSink> {
  if (env.pickFile) {
    const picked = await pick(env.pickFile, request);
    if (picked) return pickerSink(picked, await picked.createWritable());
  }
  const temporary = env.temporaryFolder ? await openTemporary(env.temporaryFolder, request.name) : undefined;
  if (temporary) return temporarySink(temporary.folder, temporary.file, temporary.writable, request.name, env.download);
  if (request.expectedBytes > env.memoryLimit) {
    throw new AppErrorException({ code: 'export-too-large', detail: `${request.expectedBytes} > ${env.memoryLimit} bytes` });
  }
  return memorySink(request, env.download);
}

/** The picked file; undefined when the picker can't be used here (then the next way is tried). */
async function pick(pickFile: (request: SaveRequest) => Promise<PickedFile>, request: SaveRequest): Promise<PickedFile | undefined> {
  try {
    return await pickFile(request);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw new AppErrorException({ code: 'cancelled' });
    // SecurityError (no user gesture, a cross-origin frame) and the like: fall back.
    return undefined;
  }
}

async function openTemporary(open: () => Promise<TemporaryFolder>, name: string) {
  try {
    const folder = await open();
    const file = await folder.getFileHandle(name, { create: true });
    return { folder, file, writable: await file.createWritable() };
  } catch {
    // No writable streams in the private file system here (Safari before 26): use memory.
    return undefined;
  }
}

function pickerSink(picked: PickedFile, writable: WritableLike): SaveSink {
  let bytes = 0;
  return {
    method: 'picker',
    write: async (position, data) => {
      await writable.write({ type: 'write', position, data });
      bytes = Math.max(bytes, position + data.length);
    },
    close: async () => {
      await writable.close();
      return { method: 'picker', name: picked.name, bytes };
    },
    abort: async () => {
      // The written bytes sit in the browser's swap file until close; abort drops them. The file
      // the picker created stays empty, so it goes too where the browser allows.
      await settle(writable.abort());
      if (picked.remove) await settle(picked.remove());
    },
  };
}

function temporarySink(folder: TemporaryFolder, file: TemporaryFile, writable: WritableLike, name: string, download: SaveEnvironment['download']): SaveSink {
  return {
    method: 'temporary',
    write: (position, data) => writable.write({ type: 'write', position, data }),
    close: async () => {
      await writable.close();
      const blob = await file.getFile();
      // The download reads the file from disk; it stays until the next export clears the folder.
      download(name, blob);
      return { method: 'download', name, bytes: blob.size };
    },
    abort: async () => {
      await settle(writable.abort());
      await settle(folder.removeEntry(name));
    },
  };
}

function memorySink(request: SaveRequest, download: SaveEnvironment['download']): SaveSink {
  let file: MemoryFile | undefined = new MemoryFile();
  return {
    method: 'memory',
    write: async (position, data) => file?.write(position, data),
    close: async () => {
      const blob = (file ?? new MemoryFile()).toBlob(request.mime);
      file = undefined;
      download(request.name, blob);
      return { method: 'download', name: request.name, bytes: blob.size };
    },
    abort: async () => {
      file = undefined;
    },
  };
}

/** How long one clean-up step may take before the export stops waiting for it. */
const CLEANUP_MS = 5000;

/**
 * Clean-up that must not hide the error it cleans up after, nor hold up the page: a browser
 * that takes its time to drop a swap file or remove an entry finishes that on its own.
 */
async function settle(promise: Promise<void>): Promise<void> {
  try {
    await withTimeout(promise, CLEANUP_MS, () => new Error('clean-up took too long'));
  } catch {
    // Nothing more can be done about a partial file the browser won't remove.
  }
}
