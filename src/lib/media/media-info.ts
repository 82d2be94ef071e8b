import { isArrayOf, isFiniteNumber, isOptionalString, isRecord } from '../workers/shape.ts';

/** What the probe learned about a file, without decoding it. */
export interface MediaInfo {
  /** Seconds; undefined when the container doesn't say. */
  readonly duration: number | undefined;
  readonly formatName: string;
  readonly audioStreams: readonly AudioStreamInfo[];
  readonly hasVideo: boolean;
}

export interface AudioStreamInfo {
  /** Index among the file's audio streams (what `-map 0:a:N` takes). */
  readonly audioIndex: number;
  readonly codec: string;
  readonly channels: number | undefined;
  readonly sampleRate: number | undefined;
  readonly language: string | undefined;
  readonly title: string | undefined;
}

/** Reads ffprobe's `-print_format json -show_format -show_streams` output. Pure. */
export function parseProbeJson(json: string): MediaInfo {
  const data: unknown = JSON.parse(json);
  const format = field(data, 'format');
  const streams = field(data, 'streams');
  const list = Array.isArray(streams) ? streams : [];
  const audio = list.filter((s) => field(s, 'codec_type') === 'audio');
  return {
    duration: toNumber(field(format, 'duration')),
    formatName: toText(field(format, 'format_name')) ?? 'unknown',
    hasVideo: list.some((s) => field(s, 'codec_type') === 'video' && !isCoverArt(s)),
    audioStreams: audio.map((s, audioIndex) => ({
      audioIndex,
      codec: toText(field(s, 'codec_name')) ?? 'unknown',
      channels: toNumber(field(s, 'channels')),
      sampleRate: toNumber(field(s, 'sample_rate')),
      language: toText(field(field(s, 'tags'), 'language')),
      title: toText(field(field(s, 'tags'), 'title')),
    })),
  };
}

/** Album art in an MP3/M4A shows up as a one-frame "video" stream; it isn't one. */
function isCoverArt(stream: unknown): boolean {
  return field(field(stream, 'disposition'), 'attached_pic') === 1;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? Reflect.get(value, key) : undefined;
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function toText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== 'und' ? value : undefined;
}

/** Checks a MediaInfo that crossed from the media worker (see media-protocol.ts). */
export function isMediaInfo(value: unknown): value is MediaInfo {
  return (
    isRecord(value) &&
    (value.duration === undefined || isFiniteNumber(value.duration)) &&
    typeof value.formatName === 'string' &&
    typeof value.hasVideo === 'boolean' &&
    isArrayOf(value.audioStreams, isAudioStreamInfo)
  );
}

function isAudioStreamInfo(value: unknown): value is AudioStreamInfo {
  return (
    isRecord(value) &&
    typeof value.audioIndex === 'number' &&
    typeof value.codec === 'string' &&
    (value.channels === undefined || isFiniteNumber(value.channels)) &&
    (value.sampleRate === undefined || isFiniteNumber(value.sampleRate)) &&
    isOptionalString(value.language) &&
    isOptionalString(value.title)
  );
}
