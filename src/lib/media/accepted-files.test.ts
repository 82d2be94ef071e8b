import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED_FILES, FILE_HANDLER_TYPES, MEDIA_EXTENSIONS, SUBTITLE_EXTENSIONS } from './accepted-files.ts';

/** The part of the @ffmpeg/core module these tests drive. */
interface Core {
  exec(...args: string[]): number;
  setLogger(logger: (event: { message: string }) => void): void;
  reset(): void;
  readonly FS: { writeFile(path: string, data: Uint8Array): void; readFile(path: string): Uint8Array; unlink(path: string): void };
}

const require = createRequire(import.meta.url);
const ALL = { ...MEDIA_EXTENSIONS.video, ...MEDIA_EXTENSIONS.audio };

/**
 * The app's own ffmpeg build, in Node: its UMD script reads `self` and `location` at load, and
 * is handed the WASM bytes instead of fetching them.
 */
async function loadCore(): Promise<Core> {
  Object.assign(globalThis, { self: globalThis, location: { href: 'file:///ffmpeg-core.js' } });
  const factory: (options: { wasmBinary: Uint8Array }) => Promise<Core> = require('@ffmpeg/core');
  return factory({ wasmBinary: readFileSync(require.resolve('@ffmpeg/core/wasm')) });
}

function run(core: Core, ...args: string[]): string[] {
  const lines: string[] = [];
  core.setLogger((event) => lines.push(event.message));
  core.exec(...args);
  core.reset();
  core.setLogger(() => {});
  return lines;
}

describe('the file picker names every format the pipeline reads', () => {
  it('lists each media extension, the subtitle files, and the MIME families, once each', () => {
    const accepted = ACCEPTED_FILES.split(',');
    expect(accepted.slice(0, 2)).toEqual(['video/*', 'audio/*']);
    expect(new Set(accepted).size).toBe(accepted.length);
    for (const extension of [...Object.keys(ALL), ...SUBTITLE_EXTENSIONS]) {
      expect(extension).toMatch(/^\.[a-z0-9-]+$/);
      expect(accepted).toContain(extension);
    }
    // The examples, which the OS mapping used to leave out.
    for (const extension of ['.wma', '.ogg', '.ts', '.m2ts', '.mts', '.opus', '.flac', '.mka', '.amr']) expect(accepted).toContain(extension);
  });

  it('offers the same media extensions to the OS for "Open with"', () => {
    expect(FILE_HANDLER_TYPES['video/*']).toEqual(Object.keys(MEDIA_EXTENSIONS.video));
    expect(FILE_HANDLER_TYPES['audio/*']).toEqual(Object.keys(MEDIA_EXTENSIONS.audio));
    const video = new Set(Object.keys(MEDIA_EXTENSIONS.video));
    expect(Object.keys(MEDIA_EXTENSIONS.audio).filter((e) => video.has(e))).toEqual([]);
  });
});

describe('every listed format is read by the app’s ffmpeg build', () => {
  let core: Core;
  beforeAll(async () => {
    core = await loadCore();
  });

  it('has the demuxer named for each extension', () => {
    const listed = run(core, '-hide_banner', '-demuxers')
      .map((line) => /^\s*D\S*\s+(\S+)/.exec(line)?.[1])
      .flatMap((names) => names?.split(',') ?? []);
    expect(listed.length).toBeGreaterThan(100);
    const missing = Object.entries(ALL).filter(([, demuxer]) => !listed.includes(demuxer));
    expect(missing).toEqual([]);
  });

  // Native ffmpeg writes one second of tone into each container it can write; the app's core
  // must decode it to the 16 kHz mono PCM recognition reads. The rest (.ape, .tak, .mpc, .shn,
  // .dsf, .amr/.awb: no encoder in Debian's ffmpeg) are covered by the demuxer check above.
  const HAS_FFMPEG = spawnSync('ffmpeg', ['-version']).status === 0;
  const recipes = nativeRecipes();
  describe.skipIf(!HAS_FFMPEG)('a file of each kind native ffmpeg writes', () => {
    const dir = HAS_FFMPEG ? mkdtempSync(join(tmpdir(), 'zimu-accepted-')) : '';
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('covers most of the list', () => {
      const covered = recipes.flatMap(([extensions]) => extensions);
      expect(covered.filter((e) => !(e in ALL))).toEqual([]);
      expect(covered.length).toBeGreaterThanOrEqual(Object.keys(ALL).length - 10);
    });

    for (const [extensions, recipe] of recipes) {
      it(`decodes ${extensions.join(' ')}`, () => {
        const file = join(dir, `tone-${recipe.muxer}`);
        execFileSync('ffmpeg', ['-v', 'error', '-y', ...recipe.input, '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1:sample_rate=48000', ...recipe.output, '-t', '1', '-f', recipe.muxer, file]);
        const bytes = readFileSync(file);
        // The same bytes under each name: ffmpeg takes the extension as a hint when probing.
        for (const extension of extensions) {
          core.FS.writeFile(`/in${extension}`, bytes);
          run(core, '-i', `/in${extension}`, '-vn', '-ac', '1', '-ar', '16000', '-f', 's16le', '/out.pcm');
          const samples = core.FS.readFile('/out.pcm').length / 2;
          core.FS.unlink(`/in${extension}`);
          core.FS.unlink('/out.pcm');
          expect(samples, extension).toBeGreaterThan(16000 * 0.85);
          expect(samples, extension).toBeLessThan(16000 * 1.2);
        }
      });
    }
  });
});

interface Recipe {
  readonly muxer: string;
  /** Inputs before the tone (a picture, for containers that need one). */
  readonly input: readonly string[];
  readonly output: readonly string[];
}

/** How native ffmpeg writes one second of tone with each extension: muxer, codec, and a picture where the container needs one. */
function nativeRecipes(): readonly (readonly [string[], Recipe])[] {
  const audio = (muxer: string, ...output: string[]): Recipe => ({ muxer, input: [], output });
  const picture = (size: string, rate: number) => ['-f', 'lavfi', '-i', `color=size=${size}:rate=${rate}`];
  const withVideo = (muxer: string, video: string[], size: string, rate: number, ...output: string[]): Recipe =>
    ({ muxer, input: picture(size, rate), output: ['-map', '0:v', '-map', '1:a', ...video, ...output] });
  const mpeg2 = ['-c:v', 'mpeg2video'];
  const recipes: [string[], Recipe][] = [];
  const add = (extensions: string[], recipe: Recipe) => recipes.push([extensions, recipe]);
  add(['.mp4', '.m4v', '.f4v'], audio('mp4', '-c:a', 'aac'));
  add(['.mov'], audio('mov', '-c:a', 'aac'));
  add(['.3gp', '.3ga'], audio('3gp', '-c:a', 'aac', '-ar', '16000'));
  add(['.3g2'], audio('3g2', '-c:a', 'aac', '-ar', '16000'));
  add(['.m4a', '.m4b', '.m4r'], audio('ipod', '-c:a', 'aac'));
  add(['.mkv', '.mk3d', '.mka'], audio('matroska', '-c:a', 'aac'));
  add(['.webm', '.weba'], audio('webm', '-c:a', 'libopus'));
  add(['.avi', '.divx'], audio('avi', '-c:a', 'libmp3lame'));
  add(['.flv'], audio('flv', '-c:a', 'libmp3lame', '-ar', '44100'));
  add(['.wmv', '.asf', '.dvr-ms', '.wma'], audio('asf', '-c:a', 'wmav2'));
  add(['.ts', '.mts', '.m2ts', '.m2t', '.tts'], audio('mpegts', '-c:a', 'aac'));
  add(['.mpg', '.mpeg', '.mpe', '.m2p'], withVideo('mpeg', mpeg2, '320x240', 25, '-c:a', 'mp2'));
  add(['.vob'], withVideo('vob', mpeg2, '720x576', 25, '-c:a', 'ac3'));
  add(['.ogv', '.ogg', '.oga'], audio('ogg', '-c:a', 'libvorbis'));
  add(['.opus'], audio('opus', '-c:a', 'libopus'));
  add(['.spx'], audio('ogg', '-c:a', 'libspeex', '-ar', '16000'));
  add(['.rm', '.rmvb', '.ra'], audio('rm', '-c:a', 'ac3'));
  add(['.dv'], withVideo('dv', ['-c:v', 'dvvideo', '-pix_fmt', 'yuv420p'], '720x576', 25, '-c:a', 'pcm_s16le', '-ac', '2'));
  add(['.mxf'], withVideo('mxf', mpeg2, '720x576', 25, '-c:a', 'pcm_s16le'));
  add(['.nut'], audio('nut', '-c:a', 'pcm_s16le'));
  add(['.wtv'], withVideo('wtv', mpeg2, '320x240', 25, '-c:a', 'mp2'));
  add(['.mp3'], audio('mp3', '-c:a', 'libmp3lame'));
  add(['.mp2', '.mpa'], audio('mp2', '-c:a', 'mp2'));
  add(['.aac'], audio('adts', '-c:a', 'aac'));
  add(['.wav', '.wave', '.bwf'], audio('wav', '-c:a', 'pcm_s16le'));
  add(['.w64'], audio('w64', '-c:a', 'pcm_s16le'));
  add(['.aif', '.aiff', '.aifc'], audio('aiff', '-c:a', 'pcm_s16be'));
  add(['.caf'], audio('caf', '-c:a', 'pcm_s16le'));
  add(['.flac'], audio('flac', '-c:a', 'flac'));
  add(['.ac3'], audio('ac3', '-c:a', 'ac3'));
  add(['.eac3', '.ec3'], audio('eac3', '-c:a', 'eac3'));
  add(['.dts'], audio('dts', '-c:a', 'dca', '-strict', '-2', '-ac', '2'));
  add(['.thd'], audio('truehd', '-c:a', 'truehd', '-strict', '-2'));
  add(['.mlp'], audio('mlp', '-c:a', 'mlp', '-strict', '-2'));
  add(['.wv'], audio('wv', '-c:a', 'wavpack'));
  add(['.tta'], audio('tta', '-c:a', 'tta'));
  add(['.au', '.snd'], audio('au', '-c:a', 'pcm_s16be'));
  add(['.voc'], audio('voc', '-c:a', 'pcm_u8', '-ar', '22050'));
  add(['.gsm'], audio('gsm', '-c:a', 'libgsm', '-ar', '8000'));
  return recipes;
}
