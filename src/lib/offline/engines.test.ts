import { describe, expect, it } from 'vitest';
import { bytesByKind, cacheOf, ENGINE_CACHE, engineKindOf, FONT_CACHE, isSubtitleFontFile, parseEngineManifest, type EngineFile, type EngineKind } from './engines.ts';

describe('engineKindOf', () => {
  // File names as `vite build` emits them (content hashes included).
  const built: readonly (readonly [string, EngineKind])[] = [
    ['assets/ffmpeg-core-CgUfceKH.wasm', 'ffmpeg'],
    ['assets/ffmpeg-core-CI9Irx9p.js', 'ffmpeg'],
    ['assets/ort-wasm-simd-threaded.asyncify-CxOG5pUO.wasm', 'onnxruntime'],
    ['assets/ort-wasm-simd-threaded.asyncify-DXIbolS2.mjs', 'onnxruntime'],
    ['assets/silero_vad_v5-Dt9-bTDn.onnx', 'vad'],
    ['assets/noto-sans-sc-117-700-normal-Bx3k.woff2', 'font'],
    ['assets/noto-sans-sc-117-700-normal-Cy4l.woff', 'font'],
  ];

  it.each(built)('knows %s as %s', (path, kind) => {
    expect(engineKindOf(path)).toBe(kind);
  });

  it('knows them from the root and with a leading slash too', () => {
    expect(engineKindOf('ffmpeg-core.wasm')).toBe('ffmpeg');
    expect(engineKindOf('/zimu/assets/ort-wasm-simd-threaded.jsep.mjs')).toBe('onnxruntime');
    expect(engineKindOf('/silero_vad.onnx')).toBe('vad');
  });

  it.each(['assets/index-abc.js', 'assets/transcriber.worker-x.js', 'index.html', 'engines.json', 'manifest.webmanifest'])(
    'leaves the app shell file %s out',
    (path) => {
      expect(engineKindOf(path)).toBeUndefined();
    },
  );

  it('needs the name at the start of the file name and the right extension', () => {
    expect(engineKindOf('assets/my-ffmpeg-core.wasm')).toBeUndefined();
    expect(engineKindOf('assets/ffmpeg-core-abc.css')).toBeUndefined();
    expect(engineKindOf('assets/ort-wasm-abc.js')).toBeUndefined();
    expect(engineKindOf('assets/silero_vad-abc.wasm')).toBeUndefined();
    expect(engineKindOf('ffmpeg-core/index.html')).toBeUndefined();
  });
});

describe('parseEngineManifest', () => {
  it('reads a valid list with each file’s kind', () => {
    const raw: unknown = JSON.parse(
      JSON.stringify([
        { url: 'assets/ffmpeg-core-CgUfceKH.wasm', bytes: 32_000_000 },
        { url: 'assets/ort-wasm-simd-threaded.asyncify-CxOG5pUO.wasm', bytes: 21_000_000, kind: 'ignored' },
        { url: 'assets/silero_vad_v5-Dt9-bTDn.onnx', bytes: 0 },
      ]),
    );
    expect(parseEngineManifest(raw)).toEqual([
      { url: 'assets/ffmpeg-core-CgUfceKH.wasm', bytes: 32_000_000, kind: 'ffmpeg' },
      { url: 'assets/ort-wasm-simd-threaded.asyncify-CxOG5pUO.wasm', bytes: 21_000_000, kind: 'onnxruntime' },
      { url: 'assets/silero_vad_v5-Dt9-bTDn.onnx', bytes: 0, kind: 'vad' },
    ]);
  });

  it('drops malformed entries and keeps the rest', () => {
    const good = { url: 'assets/ffmpeg-core-CI9Irx9p.js', bytes: 120 };
    const raw: unknown[] = [
      null,
      'assets/ffmpeg-core-a.wasm',
      42,
      [good.url, good.bytes],
      { url: 'assets/ffmpeg-core-b.wasm' },
      { bytes: 5 },
      { url: 7, bytes: 5 },
      { url: 'assets/ffmpeg-core-c.wasm', bytes: '5' },
      { url: 'assets/ffmpeg-core-d.wasm', bytes: -1 },
      { url: 'assets/ffmpeg-core-e.wasm', bytes: Number.NaN },
      { url: 'assets/ffmpeg-core-f.wasm', bytes: Number.POSITIVE_INFINITY },
      { url: 'assets/index-abc.js', bytes: 5 },
      good,
    ];
    expect(parseEngineManifest(raw)).toEqual([{ ...good, kind: 'ffmpeg' }]);
  });

  it.each([undefined, null, {}, { files: [] }, 'assets/ffmpeg-core.wasm', 3])('gives nothing for a list that is not an array (%o)', (raw) => {
    expect(parseEngineManifest(raw)).toEqual([]);
  });
});

describe('bytesByKind', () => {
  it('sums the bytes of each kind, zero for kinds with no file', () => {
    const files: EngineFile[] = [
      { url: 'assets/ffmpeg-core-a.js', bytes: 100, kind: 'ffmpeg' },
      { url: 'assets/ffmpeg-core-a.wasm', bytes: 3000, kind: 'ffmpeg' },
      { url: 'assets/ort-wasm-a.wasm', bytes: 500, kind: 'onnxruntime' },
    ];
    expect(bytesByKind(files)).toEqual({ ffmpeg: 3100, onnxruntime: 500, vad: 0, font: 0 });
    expect(bytesByKind([])).toEqual({ ffmpeg: 0, onnxruntime: 0, vad: 0, font: 0 });
  });
});

describe('cacheOf', () => {
  it('keeps the font where the service worker’s font route looks, the rest in the engine cache', () => {
    expect(cacheOf('font')).toBe(FONT_CACHE);
    expect(cacheOf('ffmpeg')).toBe(ENGINE_CACHE);
  });
});

describe('isSubtitleFontFile', () => {
  it('knows the burn-in font subsets and nothing else', () => {
    expect(isSubtitleFontFile('/zimu/assets/noto-sans-sc-117-700-normal-Bx3k.woff2')).toBe(true);
    expect(isSubtitleFontFile('/zimu/assets/noto-sans-sc-117-700-normal-Cy4l.woff')).toBe(true);
    expect(isSubtitleFontFile('/assets/index-abc.js')).toBe(false);
  });
});
