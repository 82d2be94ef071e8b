import { strToU8, zipSync } from 'fflate';

/** One text file to put in a zip. */
export interface ZipEntry {
  readonly name: string;
  readonly text: string;
}

/**
 * Names as they go into one folder: unique ("talk.srt", "talk (2).srt"), and without path
 * separators or characters Windows refuses. Pure.
 * @example uniqueNames(['a.srt', 'a.srt']) // ['a.srt', 'a (2).srt']
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const name = raw.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'subtitles';
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * A zip of UTF-8 text files (deflated), e.g. every subtitle file of a queue. Pure.
 * @example new Blob([zipTexts([{ name: 'a.srt', text }])], { type: 'application/zip' })
 */
export function zipTexts(entries: readonly ZipEntry[]): Uint8Array<ArrayBuffer> {
  const names = uniqueNames(entries.map((entry) => entry.name));
  const files: Record<string, Uint8Array> = {};
  entries.forEach((entry, index) => {
    files[names[index] ?? entry.name] = strToU8(entry.text);
  });
  const zipped = zipSync(files, { level: 6 });
  // A copy on a plain ArrayBuffer, as Blob and download take it.
  const out = new Uint8Array(new ArrayBuffer(zipped.byteLength));
  out.set(zipped);
  return out;
}
