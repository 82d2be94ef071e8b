import { execFileSync } from 'node:child_process';
import { ffmpegCues } from './native.ts';

/** One stream as native ffprobe reports it. */
export interface ProbedStream {
  readonly index: number;
  readonly codec_type: string;
  readonly codec_name: string;
  readonly start_time?: string;
  readonly tags?: { readonly language?: string; readonly title?: string; readonly handler_name?: string };
  readonly disposition?: { readonly default?: number };
}

/** The file's streams, read by native ffprobe (an independent reader of what the app wrote). */
export function probeStreams(file: string): ProbedStream[] {
  const json = execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', file]).toString('utf8');
  const parsed: { streams: ProbedStream[] } = JSON.parse(json);
  return parsed.streams;
}

/**
 * An MD5 of every packet's data of the streams `map` selects (`0:v`, `0:a`), copied without
 * decoding: equal hashes mean the packets are bit-identical.
 */
export function packetMd5(file: string, map: string): string {
  return execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', map, '-c', 'copy', '-f', 'md5', '-']).toString('utf8').trim();
}

/** Seconds a stream starts at, as ffprobe reports it (0 when it doesn't say). */
export function startOf(stream: ProbedStream | undefined): number {
  return Number(stream?.start_time ?? 0);
}

export interface NativeCue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Subtitle stream `n` of the file, extracted by native ffmpeg as SubRip (see native.ts's ffmpegCues). */
export function extractedCues(file: string, n: number): NativeCue[] {
  return ffmpegCues(file, `0:s:${n}`);
}

/** Native ffmpeg muxing the same streams the same way, timed: the reference for speed. */
export function nativeMuxSeconds(input: string, subtitles: readonly string[], container: 'mp4' | 'mkv', output: string): number {
  const args = ['-v', 'error', '-y', '-i', input, ...subtitles.flatMap((s) => ['-i', s]), '-map', '0:v?', '-map', '0:a?'];
  subtitles.forEach((_, i) => args.push('-map', `${i + 1}:0`));
  args.push('-c:v', 'copy', '-c:a', 'copy', '-c:s', container === 'mp4' ? 'mov_text' : 'copy', output);
  const started = performance.now();
  execFileSync('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return (performance.now() - started) / 1000;
}
