/**
 * Files the OS opened with the installed app ("Open with Zimu", the manifest's `file_handlers`)
 * arrive through `window.launchQueue`, which only Chromium has and TypeScript's DOM types lack,
 * hence the structural checks. Calls `onFile` with the first launched file, once per launch.
 */
export function consumeLaunchedFiles(scope: object, onFile: (file: File) => void): void {
  const queue: unknown = Reflect.get(scope, 'launchQueue');
  if (typeof queue !== 'object' || queue === null) return;
  const setConsumer: unknown = Reflect.get(queue, 'setConsumer');
  if (typeof setConsumer !== 'function') return;
  Reflect.apply(setConsumer, queue, [(params: unknown) => void openFirst(params, onFile)]);
}

async function openFirst(params: unknown, onFile: (file: File) => void): Promise<void> {
  const files: unknown = typeof params === 'object' && params !== null ? Reflect.get(params, 'files') : undefined;
  if (!Array.isArray(files)) return;
  const [handle]: unknown[] = files;
  if (handle instanceof FileSystemFileHandle) onFile(await handle.getFile());
}
