import type { ExportVariant } from '../subtitles/formats/export-document.ts';
import { exportFileName } from '../subtitles/formats/file-name.ts';
import { iso639_2, languageTitle, type Iso639Form } from './language-codes.ts';

/** The containers a video with soft subtitles can be written as. */
export type VideoContainer = 'mp4' | 'mkv';
/** Which subtitle tracks go in: the original, its translation, or both (as separate tracks). */
export type TrackChoice = 'original' | 'translation' | 'both';
/** The subtitle file format a track is written in before muxing. */
export type TrackFormat = 'srt' | 'ass';

/** What the user chose in the export dialog. */
export interface VideoExportOptions {
  readonly container: VideoContainer;
  readonly tracks: TrackChoice;
  /** Matroska's subtitle format; MP4 holds only `mov_text`, converted from SRT. */
  readonly mkvFormat: TrackFormat;
  /** One more track with both languages in each cue (styled in ASS). */
  readonly bilingual: boolean;
}

/** A container's file and muxer facts. */
export interface ContainerSpec {
  readonly extension: string;
  readonly mime: string;
  /** ffmpeg's `-f` name. */
  readonly muxer: 'mp4' | 'matroska';
  /** ffmpeg's subtitle encoder: MP4 players read only timed text; Matroska keeps the input's. */
  readonly subtitleCodec: 'mov_text' | 'copy';
  /** The ISO 639-2 form its language field is specified in (see language-codes.ts). */
  readonly languageForm: Iso639Form;
  /** The formats a track may be written in. */
  readonly formats: readonly TrackFormat[];
}

/** Every container's facts, in the order the dialog offers them. */
export const CONTAINERS: Readonly<Record<VideoContainer, ContainerSpec>> = {
  mp4: { extension: 'mp4', mime: 'video/mp4', muxer: 'mp4', subtitleCodec: 'mov_text', languageForm: 'T', formats: ['srt'] },
  mkv: { extension: 'mkv', mime: 'video/x-matroska', muxer: 'matroska', subtitleCodec: 'copy', languageForm: 'B', formats: ['ass', 'srt'] },
};

/** The role of one subtitle track in the output. */
export type TrackRole = 'original' | 'translation' | 'bilingual';

/** One subtitle track to write and mux, in output order. */
export interface PlannedTrack {
  readonly role: TrackRole;
  /** The export variant whose text the track holds. */
  readonly variant: ExportVariant;
  readonly format: TrackFormat;
  /** ISO 639-2 in the container's form; `und` when unknown. */
  readonly language: string;
  readonly title: string;
  /** The one track a player shows without being asked. */
  readonly isDefault: boolean;
}

/** The project's languages as the app knows them: Whisper codes, tags or names. */
export interface TrackLanguages {
  readonly original?: string;
  readonly translation?: string;
}

/** Titles for tracks whose language can't be named (the interface's words). */
export type RoleLabels = Readonly<Record<TrackRole, string>>;

/**
 * The dialog's first choice: MP4 (every player and phone opens it), with both tracks when
 * there is a translation. Pure.
 *
 * @example
 * defaultOptions(true); // { container: 'mp4', tracks: 'both', mkvFormat: 'ass', bilingual: false }
 */
export function defaultOptions(hasTranslation: boolean): VideoExportOptions {
  return { container: 'mp4', tracks: hasTranslation ? 'both' : 'original', mkvFormat: 'ass', bilingual: false };
}

/**
 * Options the project allows: without a translation only the original, and no bilingual track.
 * Pure.
 *
 * @example
 * fitOptions({ container: 'mkv', tracks: 'both', mkvFormat: 'srt', bilingual: true }, false);
 * // { container: 'mkv', tracks: 'original', mkvFormat: 'srt', bilingual: false }
 */
export function fitOptions(options: VideoExportOptions, hasTranslation: boolean): VideoExportOptions {
  if (hasTranslation) return options;
  return { ...options, tracks: 'original', bilingual: false };
}

/** The format tracks are written in for these options. Pure. */
export function trackFormat(options: Pick<VideoExportOptions, 'container' | 'mkvFormat'>): TrackFormat {
  const formats = CONTAINERS[options.container].formats;
  return formats.includes(options.mkvFormat) ? options.mkvFormat : (formats[0] ?? 'srt');
}

/**
 * The subtitle tracks to mux, in order: original, translation, bilingual. Each is tagged with
 * its language in the container's ISO 639-2 form and titled with the language's own name; two
 * tracks that would read the same get their role in brackets. The default track is the one a
 * viewer most likely wants: the bilingual one, else the translation, else the original. Pure.
 *
 * @example
 * planTracks({ container: 'mp4', tracks: 'both', mkvFormat: 'ass', bilingual: false }, { original: 'en', translation: 'zh-CN' }, true, labels);
 * // [{ role: 'original', language: 'eng', title: 'English', isDefault: false, … },
 * //  { role: 'translation', language: 'zho', title: '中文（中国）', isDefault: true, … }]
 */
export function planTracks(options: VideoExportOptions, languages: TrackLanguages, hasTranslation: boolean, labels: RoleLabels): PlannedTrack[] {
  const fitted = fitOptions(options, hasTranslation);
  const form = CONTAINERS[fitted.container].languageForm;
  const format = trackFormat(fitted);
  const roles: TrackRole[] = [];
  if (fitted.tracks !== 'translation') roles.push('original');
  if (fitted.tracks !== 'original') roles.push('translation');
  if (fitted.bilingual) roles.push('bilingual');
  const defaultRole = roles.includes('bilingual') ? 'bilingual' : roles.includes('translation') ? 'translation' : 'original';
  const titles = roles.map((role) => titleOf(role, languages, labels));
  return roles.map((role, index) => {
    const title = titles[index] ?? labels[role];
    const shared = titles.filter((t) => t === title).length > 1;
    return {
      role,
      variant: VARIANTS[role],
      format,
      language: iso639_2(role === 'original' ? languages.original : languages.translation, form),
      title: shared ? `${title} (${labels[role]})` : title,
      isDefault: role === defaultRole,
    };
  });
}

const VARIANTS: Readonly<Record<TrackRole, ExportVariant>> = { original: 'original', translation: 'translated', bilingual: 'bilingual' };

function titleOf(role: TrackRole, languages: TrackLanguages, labels: RoleLabels): string {
  const original = languageTitle(languages.original, labels.original);
  const translation = languageTitle(languages.translation, labels.translation);
  if (role === 'original') return original;
  if (role === 'translation') return translation;
  return `${translation} / ${original}`;
}

/**
 * The video's file name: the source's, cleaned as subtitle exports are, with `.subtitled` so
 * it never lands on the source itself. Pure.
 *
 * @example
 * videoFileName('讲座 第1课.mp4', 'mkv'); // '讲座 第1课.subtitled.mkv'
 */
export function videoFileName(sourceName: string, container: VideoContainer): string {
  // exportFileName owns the cleaning rules (forbidden characters, reserved names, 255 bytes):
  // its original-variant SRT name is the cleaned base plus '.srt'.
  return videoNameWithTail(sourceName, `.subtitled.${CONTAINERS[container].extension}`);
}

/**
 * The source's name, cleaned, with `tail` (e.g. `.burned.mp4`) in place of its extension,
 * within 255 UTF-8 bytes. Pure.
 *
 * @example
 * videoNameWithTail('talk.mov', '.burned.mp4'); // 'talk.burned.mp4'
 */
export function videoNameWithTail(sourceName: string, tail: string): string {
  let base = [...exportFileName(sourceName, 'original', 'srt').slice(0, -'.srt'.length)];
  // Our tail is longer than '.srt': cut whole code points until the name fits 255 UTF-8 bytes.
  while (base.length > 1 && new TextEncoder().encode(base.join('') + tail).length > MAX_NAME_BYTES) base = base.slice(0, -1);
  return `${base.join('')}${tail}`;
}

const MAX_NAME_BYTES = 255;
