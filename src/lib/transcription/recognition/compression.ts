/**
 * Whisper's "compression ratio" test, synchronously: OpenAI's decoder treats a segment whose text
 * compresses more than 2.4× with zlib as a hallucination (a loop). Browsers only compress
 * asynchronously (`CompressionStream`), and a subtitle cleaner should be a plain function, so this
 * estimates zlib's output size instead: LZ77 over the UTF-8 bytes (32 KiB window, matches of
 * 3–258 bytes, one step of lazy matching as zlib's default level does) priced with DEFLATE's fixed
 * Huffman codes. zlib itself picks fixed codes for inputs this short (a cue, a 30 s window's
 * text); on long, varied text its dynamic codes do better, so the estimate errs towards a lower
 * ratio there, never towards calling normal speech a loop. Tests compare it with node:zlib. Pure.
 */

/** OpenAI Whisper's `compression_ratio_threshold`. */
export const COMPRESSION_RATIO_THRESHOLD = 2.4;

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const WINDOW = 32_768;
/** zlib level 6 follows hash chains this far. */
const MAX_CHAIN = 128;
/** zlib's 2-byte header and 4-byte Adler-32 trailer; the block header (3 bits) and end-of-block code (7 bits). */
const ZLIB_OVERHEAD_BYTES = 6;
const BLOCK_OVERHEAD_BITS = 3 + 7;

/**
 * UTF-8 bytes of `text` divided by the estimated size of `zlib.compress(text)`; 0 for empty text.
 *
 * @example
 * compressionRatio(' the'.repeat(60)); // ≈ 17: a loop
 * compressionRatio('Hello from Zimu. These subtitles run in your browser.'); // ≈ 0.9
 */
export function compressionRatio(text: string): number {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length === 0) return 0;
  return bytes.length / estimateZlibSize(bytes);
}

/** Estimated `zlib.compress(bytes)` length in bytes (fixed-Huffman DEFLATE). */
export function estimateZlibSize(bytes: Uint8Array): number {
  return ZLIB_OVERHEAD_BYTES + Math.ceil((BLOCK_OVERHEAD_BITS + deflateBits(bytes)) / 8);
}

/** Bits of the LZ77 token stream under DEFLATE's fixed Huffman codes. */
function deflateBits(bytes: Uint8Array): number {
  const chains = new Map<number, number[]>();
  let bits = 0;
  let pos = 0;
  while (pos < bytes.length) {
    const match = longestMatch(bytes, pos, chains);
    // Lazy matching: a longer match one byte later is worth a literal now.
    const next = match.length >= MIN_MATCH && pos + 1 < bytes.length ? peekMatch(bytes, pos + 1, chains, pos) : 0;
    if (match.length < MIN_MATCH || next > match.length) {
      bits += literalBits(bytes[pos] ?? 0);
      remember(bytes, pos, chains);
      pos += 1;
      continue;
    }
    bits += lengthBits(match.length) + distanceBits(match.distance);
    for (let i = 0; i < match.length; i++) remember(bytes, pos + i, chains);
    pos += match.length;
  }
  return bits;
}

interface Match {
  readonly length: number;
  readonly distance: number;
}

function hashAt(bytes: Uint8Array, pos: number): number | undefined {
  if (pos + MIN_MATCH > bytes.length) return undefined;
  return ((bytes[pos] ?? 0) << 16) | ((bytes[pos + 1] ?? 0) << 8) | (bytes[pos + 2] ?? 0);
}

function remember(bytes: Uint8Array, pos: number, chains: Map<number, number[]>): void {
  const hash = hashAt(bytes, pos);
  if (hash === undefined) return;
  const chain = chains.get(hash);
  if (chain) chain.push(pos);
  else chains.set(hash, [pos]);
}

/** The longest earlier occurrence of the bytes at `pos` (most recent first, as zlib searches). */
function longestMatch(bytes: Uint8Array, pos: number, chains: Map<number, number[]>): Match {
  const hash = hashAt(bytes, pos);
  const chain = hash === undefined ? undefined : chains.get(hash);
  let best: Match = { length: 0, distance: 0 };
  if (!chain) return best;
  const limit = Math.min(MAX_MATCH, bytes.length - pos);
  for (let i = chain.length - 1, steps = 0; i >= 0 && steps < MAX_CHAIN; i--, steps++) {
    const from = chain[i] ?? 0;
    if (pos - from > WINDOW) break;
    let length = 0;
    while (length < limit && bytes[from + length] === bytes[pos + length]) length++;
    if (length > best.length) best = { length, distance: pos - from };
    if (length === limit) break;
  }
  return best;
}

/** Match length at `pos` as if `pending` (the byte before it) had been added to the chains. */
function peekMatch(bytes: Uint8Array, pos: number, chains: Map<number, number[]>, pending: number): number {
  remember(bytes, pending, chains);
  const length = longestMatch(bytes, pos, chains).length;
  const hash = hashAt(bytes, pending);
  if (hash !== undefined) chains.get(hash)?.pop();
  return length;
}

/** Fixed Huffman literal codes: 8 bits for bytes 0–143, 9 bits for 144–255. */
function literalBits(byte: number): number {
  return byte < 144 ? 8 : 9;
}

/** Length symbol (7 bits up to length 114, else 8) plus its extra bits. */
function lengthBits(length: number): number {
  const symbol = length <= 114 ? 7 : 8;
  const extra = length <= 10 || length === MAX_MATCH ? 0 : Math.floor(Math.log2(length - 3)) - 2;
  return symbol + extra;
}

/** Distance symbol (5 bits) plus its extra bits. */
function distanceBits(distance: number): number {
  return 5 + (distance <= 4 ? 0 : Math.floor(Math.log2(distance - 1)) - 1);
}
