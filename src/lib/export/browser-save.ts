import type { PickedFile, SaveEnvironment, SaveRequest, TemporaryFolder } from './save-target.ts';

/** The private file system folder export files are made in; cleared when the next export starts. */
const TEMPORARY_FOLDER = 'zimu-video-export';

/**
 * The largest video the in-memory fallback builds. It is only used where the browser can write
 * no file as a stream (Safari before 26 has no `createWritable`); its blobs live in the page's
 * memory there, and a desktop tab stays well clear of trouble at 1 GiB.
 */
export const MEMORY_SAVE_LIMIT = 1024 ** 3;

/**
 * This browser's ways to save an export, found by feature detection: `showSaveFilePicker`
 * (Chromium on desktop), the origin private file system, and `download` for the rest.
 *
 * @example
 * const sink = await openSaveTarget(browserSaveEnvironment(downloadFile), request);
 */
export function browserSaveEnvironment(download: (name: string, file: Blob) => void): SaveEnvironment {
  const pickFile = savePicker();
  const storage: unknown = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const hasPrivateFiles = storage instanceof StorageManager && typeof storage.getDirectory === 'function';
  return {
    ...(pickFile ? { pickFile } : {}),
    ...(hasPrivateFiles ? { temporaryFolder: openTemporaryFolder } : {}),
    download,
    memoryLimit: MEMORY_SAVE_LIMIT,
  };
}

function savePicker(): ((request: SaveRequest) => Promise<PickedFile>) | undefined {
  const picker: unknown = Reflect.get(globalThis, 'showSaveFilePicker');
  if (typeof picker !== 'function') return undefined;
  return async (request) => {
    const extension = request.name.slice(request.name.lastIndexOf('.'));
    const options = { suggestedName: request.name, types: [{ description: request.description, accept: { [request.mime]: [extension] } }] };
    // Called before the first await: the save dialog needs the click's user activation.
    const handle: unknown = await Reflect.apply(picker, globalThis, [options]);
    if (!(handle instanceof FileSystemFileHandle)) throw new TypeError('showSaveFilePicker gave no file handle');
    const remove: unknown = Reflect.get(handle, 'remove');
    return {
      name: handle.name,
      createWritable: () => handle.createWritable(),
      // FileSystemHandle.remove() is Chromium's (not in every browser, nor in TypeScript's DOM types).
      ...(typeof remove === 'function' ? { remove: async () => void (await Reflect.apply(remove, handle, [])) } : {}),
    };
  };
}

async function openTemporaryFolder(): Promise<TemporaryFolder> {
  const root = await navigator.storage.getDirectory();
  // The last export's file was kept for its download to read from; it is not needed now. (An
  // export running in another tab at this moment would lose its file: a rare case we accept.)
  await root.removeEntry(TEMPORARY_FOLDER, { recursive: true }).catch(() => undefined);
  const folder = await root.getDirectoryHandle(TEMPORARY_FOLDER, { create: true });
  return {
    getFileHandle: async (name, options) => {
      const handle = await folder.getFileHandle(name, options);
      // Safari before 26 has private files but no writable streams for them.
      if (typeof handle.createWritable !== 'function') throw new TypeError('no createWritable');
      return handle;
    },
    removeEntry: (name) => folder.removeEntry(name),
  };
}
