import { appError, type AppError } from '../errors.ts';
import { decodeSubtitleText } from '../subtitles/formats/decode.ts';
import { detectSubtitleFormat, parseSubtitleFile } from '../subtitles/formats/parse-file.ts';
import { parseCuesJson } from '../subtitles/formats/cues-json.ts';
import type { ExportDocument, ExportVariant } from '../subtitles/formats/export-document.ts';
import { exportFileName } from '../subtitles/formats/file-name.ts';
import { formatById, type SubtitleFormatId } from '../subtitles/formats/registry.ts';
import type { ApplyResult, CueTranslation, EditableCue, EditCommand } from '../subtitles/edit/index.ts';
import { SubtitleParseError } from '../subtitles/parse-error.ts';
import type { ReadabilityProfile } from '../subtitles/segment/profiles.ts';
import { TranscriptionJob, type RunSettings } from './job.svelte.ts';
import { SummaryJob } from './summary.svelte.ts';
import { Transcript } from './transcript.svelte.ts';
import { TranslationJob } from './translation.svelte.ts';

export type { EditableCue, EditCommand, ExportVariant, SubtitleFormatId };

/** One export, ready to save: the file's name, its text and its MIME type. */
export interface ExportFile {
  readonly name: string;
  readonly text: string;
  readonly mime: string;
}

/** Where the project's cues came from. */
export type ProjectOrigin = 'none' | 'recognition' | 'import';

/** Names a file as a subtitle file the project can import (by its name; the content decides later). */
export function isSubtitleFileName(name: string): boolean {
  return /\.(srt|vtt|ass|ssa|json)$/i.test(name);
}

/**
 * The one thing being worked on: the source file, its transcript (cues with stable ids, edits
 * with undo), and the jobs that fill it: recognition, translation and summary. It holds the rules
 * that tie them together: a new file stops work on the old transcript; an imported subtitle file
 * is edited, translated and exported like a recognised one, with or without its video.
 *
 * @example
 * const project = new Project();
 * void project.open(file, settings.runSettings());
 * project.apply({ type: 'split', id: project.cues[0].id, at: 1.5 });
 */
export class Project {
  readonly transcript = new Transcript();
  readonly transcription = new TranscriptionJob(this.transcript);
  readonly translation = new TranslationJob(this.transcript);
  readonly summary = new SummaryJob();
  /** The media file, when there is one (imported subtitles may come without their video). */
  file = $state.raw<File | undefined>();
  /** The name exports are named after: the media's, or the imported subtitle file's. */
  name = $state('');
  origin = $state<ProjectOrigin>('none');
  /** Why the last subtitle import was refused; what was open stays as it was. */
  importError = $state.raw<AppError | undefined>();

  get cues(): readonly EditableCue[] {
    return this.transcript.cues;
  }

  get canUndo(): boolean {
    return this.transcript.canUndo;
  }

  get canRedo(): boolean {
    return this.transcript.canRedo;
  }

  /** The readability profile cues are cut to and checked against. */
  get profile(): ReadabilityProfile {
    return this.transcription.profile;
  }

    /** True while recognition, translation or summary is running. */
  get busy(): boolean {
    return this.transcription.running || this.translation.running || this.summary.running;
  }

  /** Recognises a media file: a new transcript (work on the old one stops; what was done stays with it). */
  open(file: File, settings: RunSettings): Promise<void> {
    this.#stopWork();
    this.file = file;
    this.name = file.name;
    this.origin = 'recognition';
    this.importError = undefined;
    return this.transcription.start(file, settings);
  }

  /**
   * Reads a subtitle file (SRT, WebVTT, ASS/SSA, or Zimu's JSON with its translations) as the
   * new transcript. A file that is not subtitles is refused with `importError` and changes nothing.
   */
  async importSubtitles(file: File): Promise<boolean> {
    const text = decodeSubtitleText(new Uint8Array(await file.arrayBuffer()));
    try {
      const cues = parseSubtitleFile(file.name, text);
      this.#stopWork();
      this.transcription.reset();
      this.transcript.load(cues);
      if (detectSubtitleFormat(file.name, text) === 'json') this.#restoreTranslations(text);
    } catch (caught) {
      if (!(caught instanceof SubtitleParseError)) throw caught;
      this.importError = appError('not-subtitles', caught.code);
      return false;
    }
    this.file = undefined;
    this.name = file.name;
    this.origin = 'import';
    this.importError = undefined;
    return true;
  }

  /** Gives imported subtitles their video (or audio) to play against; nothing is recognised. */
  attachMedia(file: File): void {
    this.file = file;
  }

  apply(command: EditCommand): ApplyResult {
    return this.transcript.apply(command);
  }

  undo(): boolean {
    return this.transcript.undo();
  }

  redo(): boolean {
    return this.transcript.redo();
  }

  cue(id: string): EditableCue | undefined {
    return this.transcript.cue(id);
  }

  translationOf(id: string): CueTranslation | undefined {
    return this.transcript.translationOf(id);
  }

  isTranslationStale(id: string): boolean {
    return this.transcript.isTranslationStale(id);
  }

  /** Whether an export of this variant has anything to show (translations need a translation). */
  canExport(variant: ExportVariant): boolean {
    if (this.transcript.cues.length === 0) return false;
    return variant === 'original' || this.transcript.translations.size > 0;
  }

  /** The transcript (and its finished translation) as one export format and variant. */
  exportFile(format: SubtitleFormatId, variant: ExportVariant): ExportFile {
    const transcript = this.transcript;
    const translationLanguage = variant === 'original' ? undefined : transcript.translationLanguage || undefined;
    const doc: ExportDocument = {
      cues: transcript.cues.map((cue) => {
        const translation = transcript.translationOf(cue.id)?.text;
        return translation === undefined ? cue : { ...cue, translation };
      }),
      variant,
      title: this.name,
      language: this.transcription.detectedLanguage?.language,
      translationLanguage,
    };
    const writer = formatById(format);
    return { name: exportFileName(this.name, variant, format, translationLanguage), text: writer.write(doc), mime: writer.mime };
  }

  dismissImportError(): void {
    this.importError = undefined;
  }

  #stopWork(): void {
    this.transcription.cancel();
    this.translation.stop();
    this.translation.discard();
    this.summary.reset();
  }

  /** Our own JSON export carries translations: they come back attached to their cues. */
  #restoreTranslations(text: string): void {
    const saved = parseCuesJson(text);
    const language = saved.translationLanguage ?? '';
    const cues = this.transcript.cues;
    const entries: [string, string][] = [];
    saved.cues.forEach((cue, index) => {
      const id = cues[index]?.id;
      if (cue.translation !== undefined && id !== undefined && cues.length === saved.cues.length) entries.push([id, cue.translation]);
    });
    if (entries.length > 0) this.transcript.setTranslations(entries, language);
  }
}
