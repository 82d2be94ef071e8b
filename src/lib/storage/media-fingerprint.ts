/**
 * Recognising a media file again without keeping it: its name and size plus a hash of its
 * first and last MiB. Reading only the ends keeps this instant for a multi-gigabyte video;
 * two files that differ only in the middle hash alike, which `sameMedia` accepts because
 * name and size must match too (a re-encode or a trimmed copy changes the size or the ends).
 */
export interface MediaFingerprint {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
  /** Hex SHA-256 of the first MiB followed by the last MiB (the whole file up to 2 MiB). */
  readonly hash: string;
}

/** A File, or anything shaped like one (tests build them in Node). */
export type FingerprintSource = Blob & { readonly name: string; readonly lastModified: number };

const MIB = 1024 * 1024;

/**
 * Fingerprints a file, reading at most 2 MiB of it.
 *
 * @example
 * const fingerprint = await fingerprintMedia(input.files[0]);
 * // { name: 'talk.mp4', size: 734003200, lastModified: 1717…, hash: '9f86d0…' }
 */
export async function fingerprintMedia(file: FingerprintSource): Promise<MediaFingerprint> {
  const parts = file.size <= 2 * MIB ? [file.slice(0, file.size)] : [file.slice(0, MIB), file.slice(file.size - MIB, file.size)];
  const buffers = await Promise.all(parts.map((part) => part.arrayBuffer()));
  const bytes = new Uint8Array(buffers.reduce((total, buffer) => total + buffer.byteLength, 0));
  let offset = 0;
  for (const buffer of buffers) {
    bytes.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return { name: file.name, size: file.size, lastModified: file.lastModified, hash: toHex(digest) };
}

/** True when both fingerprints describe the same file: same name, size and hash (a copy's date may differ). */
export function sameMedia(a: MediaFingerprint, b: MediaFingerprint): boolean {
  return a.name === b.name && a.size === b.size && a.hash === b.hash;
}

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
