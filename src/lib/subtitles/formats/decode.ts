/**
 * Decodes a subtitle file's bytes to text: UTF-8 (with or without a BOM), UTF-16 with a BOM
 * (Windows Notepad's "Unicode"), and otherwise GB18030, the superset of GBK and GB2312 in
 * which most older Chinese subtitle files were saved. A BOM is kept out of the result. Pure.
 *
 * @example
 * decodeSubtitleText(new Uint8Array(await file.arrayBuffer())); // '1\n00:00:01,000 --> …'
 */
export function decodeSubtitleText(bytes: Uint8Array): string {
  const [first, second, third] = bytes;
  if (first === 0xff && second === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (first === 0xfe && second === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const utf8Bom = first === 0xef && second === 0xbb && third === 0xbf;
  try {
    // `fatal` so that text in a legacy encoding fails here instead of turning into U+FFFD.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A file that starts with a UTF-8 BOM but breaks later is damaged UTF-8, not GB18030.
    return new TextDecoder(utf8Bom ? 'utf-8' : 'gb18030').decode(bytes);
  }
}
