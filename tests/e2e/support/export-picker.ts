import type { Page } from '@playwright/test';

/**
 * A stand-in for the browser's save dialog, installed before the page loads: it "picks" a real
 * file in the origin private file system (`picked-<suggested name>`), so the app writes through
 * a real FileSystemWritableFileStream, as it would into the file a user chose. It logs what the
 * app does with it, and can hold every write until released (a slow disk).
 */
const PICKER = `
(() => {
  const picker = { log: [], hold: undefined, release: undefined };
  window.__picker = picker;
  picker.holdWrites = () => { picker.hold = new Promise((resolve) => (picker.release = resolve)); };
  picker.releaseWrites = () => { picker.release?.(); picker.hold = undefined; };
  window.showSaveFilePicker = async (options) => {
    picker.log.push('pick ' + options.suggestedName + ' ' + Object.keys(options.types[0].accept).join());
    const root = await navigator.storage.getDirectory();
    return root.getFileHandle('picked-' + options.suggestedName, { create: true });
  };
  const stream = FileSystemWritableFileStream.prototype;
  const { write, close, abort } = stream;
  stream.write = async function (data) {
    picker.log.push('write asked');
    if (picker.hold) await picker.hold;
    picker.log.push('write');
    return write.call(this, data);
  };
  stream.close = async function () { picker.log.push('close'); return close.call(this); };
  stream.abort = async function (reason) { picker.log.push('abort'); await abort.call(this, reason); picker.log.push('aborted'); };
  const remove = FileSystemHandle.prototype.remove;
  if (remove) FileSystemHandle.prototype.remove = async function () { picker.log.push('remove ' + this.name); await remove.call(this); picker.log.push('removed'); };
})();
`;

/** Installs the stand-in save dialog; call before `page.goto`. */
export async function standInSavePicker(page: Page): Promise<void> {
  await page.addInitScript({ content: PICKER });
}

/** Takes `showSaveFilePicker` away, so the app saves through a download; call before `page.goto`. */
export async function withoutSavePicker(page: Page): Promise<void> {
  await page.addInitScript({ content: 'Object.defineProperty(window, "showSaveFilePicker", { value: undefined });' });
}

/**
 * What the app did with the stand-in dialog: `pick …`, `write asked` (then `write` once not
 * held), `close`, `abort`/`aborted`, `remove …`/`removed`.
 */
export function pickerLog(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(Reflect.get(Reflect.get(window, '__picker'), 'log') ?? [])].map(String));
}

/** Holds (or releases) every write to a picked file. */
export async function holdWrites(page: Page, hold: boolean): Promise<void> {
  await page.evaluate((on) => {
    const picker: unknown = Reflect.get(window, '__picker');
    const method: unknown = picker && Reflect.get(Object(picker), on ? 'holdWrites' : 'releaseWrites');
    if (typeof method === 'function') Reflect.apply(method, picker, []);
  }, hold);
}

/** The names in the origin private file system's root and its export folder. */
export function privateFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    const list = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of dir.entries()) {
        names.push(prefix + name);
        if (handle instanceof FileSystemDirectoryHandle) await list(handle, `${prefix}${name}/`);
      }
    };
    await list(await navigator.storage.getDirectory(), '');
    return names.sort();
  });
}

/** A file of the origin private file system's root, as bytes (for native tools to check). */
export async function privateFile(page: Page, name: string): Promise<Buffer> {
  const base64 = await page.evaluate(async (file) => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle(file);
    const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, name);
  return Buffer.from(base64, 'base64');
}
