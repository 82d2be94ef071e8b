/** The runtimes (and burn-in's font) the app downloads on first use, as the service worker caches them. */
export type EngineKind = 'ffmpeg' | 'onnxruntime' | 'vad' | 'font';

/** One engine file the build emitted: where it is served and how big it is. */
export interface EngineFile {
  /** Path from the app's base URL, e.g. `assets/ffmpeg-core-abc123.wasm`. */
  readonly url: string;
  readonly bytes: number;
  readonly kind: EngineKind;
}

/**
 * The Cache Storage cache the engines live in, apart from the app shell's precache (which stays
 * small) and from transformers.js's own `transformers-cache` (models are never stored twice).
 */
export const ENGINE_CACHE = 'zimu-engines';

/** The file the build writes beside index.html, listing the engine files. */
export const ENGINE_MANIFEST = 'engines.json';

const ENGINE_PATTERNS: readonly (readonly [RegExp, EngineKind])[] = [
  [/(^|\/)ffmpeg-core[^/]*\.(js|wasm)$/, 'ffmpeg'],
  [/(^|\/)ort-wasm[^/]*\.(mjs|wasm)$/, 'onnxruntime'],
  [/(^|\/)silero_vad[^/]*\.onnx$/, 'vad'],
  [/(^|\/)noto-sans-sc-[^/]*\.woff2?$/, 'font'],
];

/**
 * Which engine a built file belongs to, by its name; undefined for the app shell. Pure.
 *
 * @example
 * engineKindOf('/assets/ffmpeg-core-abc.wasm'); // 'ffmpeg'
 */
export function engineKindOf(path: string): EngineKind | undefined {
  return ENGINE_PATTERNS.find(([pattern]) => pattern.test(path))?.[1];
}

/** Glob patterns (for the precache manifest) that leave the engines out of the app shell. */
export const ENGINE_GLOBS: readonly string[] = ['**/ffmpeg-core*', '**/ort-wasm*', '**/silero_vad*', '**/noto-sans-sc-*'];

/** Validates the engine list fetched from the server; anything malformed is dropped. Pure. */
export function parseEngineManifest(raw: unknown): EngineFile[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown): EngineFile[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const url: unknown = Reflect.get(entry, 'url');
    const bytes: unknown = Reflect.get(entry, 'bytes');
    if (typeof url !== 'string' || typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return [];
    const kind = engineKindOf(url);
    return kind ? [{ url, bytes, kind }] : [];
  });
}

/** Total bytes per kind, for the "make available offline" summary. Pure. */
export function bytesByKind(files: readonly EngineFile[]): Record<EngineKind, number> {
  const totals: Record<EngineKind, number> = { ffmpeg: 0, onnxruntime: 0, vad: 0, font: 0 };
  for (const file of files) totals[file.kind] += file.bytes;
  return totals;
}

/**
 * The burn-in font's cache: its subset files (self-hosted Noto Sans SC) are kept on first use
 * for offline burn-in. Apart from the engine cache, whose clean-up keeps only the files listed
 * in engines.json; the font changes only with its npm package, so old files are few.
 */
export const FONT_CACHE = 'zimu-fonts';

/**
 * Whether a path is one of the burn-in font's subset files: WOFF2 for the canvas, WOFF for the
 * ffmpeg fallback's libass. Pure.
 *
 * @example
 * isSubtitleFontFile('/assets/noto-sans-sc-4-700-normal-Ab12.woff2'); // true
 */
export function isSubtitleFontFile(path: string): boolean {
  return /(^|\/)noto-sans-sc-[^/]*\.woff2?$/u.test(path);
}

/**
 * The cache a kind of engine file is kept in: the font's own (where the service worker's font
 * route looks), else the engine cache. Pure.
 *
 * @example
 * cacheOf('font'); // 'zimu-fonts'
 */
export function cacheOf(kind: EngineKind): string {
  return kind === 'font' ? FONT_CACHE : ENGINE_CACHE;
}
