import { CONTAINERS, type VideoContainer } from './export-plan.ts';

/** One subtitle file to mux as a track, as the worker has written it. */
export interface MuxSubtitle {
  readonly path: string;
  /** ISO 639-2, already in the container's form. */
  readonly language: string;
  readonly title: string;
  readonly isDefault: boolean;
}

/** What one soft-subtitle mux reads and writes. */
export interface MuxSpec {
  readonly input: string;
  readonly subtitles: readonly MuxSubtitle[];
  readonly container: VideoContainer;
  readonly output: string;
}

/**
 * ffmpeg arguments that copy every video and audio stream of the input unchanged (no decode,
 * no re-encode: packets stay bit-identical) and add each subtitle file as a track with its
 * language, title and default flag. The input's own subtitle, data and attachment streams are
 * left out: the new tracks replace them. MP4 tracks are converted to `mov_text`, the only
 * subtitle codec MP4 players read; Matroska keeps SRT or ASS as written. MP4 has no track-title
 * field ffmpeg reads back, so the title also goes in `handler_name`, which VLC and mpv show.
 * `-truncate 0` because the output is a device, which cannot be truncated. Pure.
 *
 * @example
 * muxArgs({ input: '/input/media', container: 'mkv', output: '/export-out',
 *   subtitles: [{ path: '/subs/0.ass', language: 'chi', title: '中文', isDefault: true }] });
 * // ['-hide_banner', '-i', '/input/media', '-i', '/subs/0.ass', '-map', '0:v?', '-map', '0:a?', '-map', '1:0', …]
 */
export function muxArgs(spec: MuxSpec): string[] {
  const container = CONTAINERS[spec.container];
  const inputs = spec.subtitles.flatMap((s) => ['-i', s.path]);
  const maps = spec.subtitles.flatMap((_, index) => ['-map', `${index + 1}:0`]);
  const tracks = spec.subtitles.flatMap((s, index) => [
    `-metadata:s:s:${index}`, `language=${s.language}`,
    `-metadata:s:s:${index}`, `title=${oneLine(s.title)}`,
    ...(spec.container === 'mp4' ? [`-metadata:s:s:${index}`, `handler_name=${oneLine(s.title)}`] : []),
    `-disposition:s:${index}`, s.isDefault ? 'default' : '0',
  ]);
  return [
    '-hide_banner',
    '-i', spec.input,
    ...inputs,
    '-map', '0:v?',
    '-map', '0:a?',
    ...maps,
    '-c:v', 'copy',
    '-c:a', 'copy',
    '-c:s', container.subtitleCodec,
    ...tracks,
    '-f', container.muxer,
    '-truncate', '0',
    spec.output,
  ];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
