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
import { newProjectId, SAVED_PROJECT_VERSION, type SavedMedia, type SavedProject, type SavedRecognition } from '../storage/saved-project.ts';
import type { ResumePoint } from '../transcription/pipeline.ts';
import { TranscriptionJob, type RunSettings } from './job.svelte.ts';
import { flatSettings, readabilityOf, savedRecognition } from './project-saving.ts';
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
  /** The library's key for this project; a new one for every new file or import. */
  id = $state(newProjectId());
  createdAt = Date.now();
  /** The media's fingerprint, to find this project again when the same file is dropped. */
  media = $state.raw<SavedMedia | undefined>();
  /** The settings the recognition ran with, and how far it got when it was saved (a reopened project). */
  #runSettings: RunSettings | undefined;
  #savedRecognition: SavedRecognition | undefined;
  #savedSettings: SavedProject['settings'];

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
  open(file: File, settings: RunSettings, media?: SavedMedia): Promise<void> {
    this.#stopWork();
    this.#renew(file.name, 'recognition');
    this.file = file;
    this.media = media;
    this.#runSettings = settings;
    return this.transcription.start(file, settings);
  }

  /** Reopens a saved project as it was (its video, when given, only to play against). */
  restoreSaved(saved: SavedProject, file?: File): void {
    this.#stopWork();
    this.transcription.reset();
    this.transcript.restore(saved.transcript);
    this.summary.restoreAccepted(saved.summary?.text ?? '', this.transcript.cues);
    this.id = saved.id;
    this.createdAt = saved.createdAt;
    this.name = saved.name;
    this.origin = saved.origin;
    this.media = saved.media;
    this.file = file;
    this.importError = undefined;
    this.#runSettings = undefined;
    this.#savedRecognition = saved.recognition;
    this.#savedSettings = saved.settings;
    const recognition = saved.recognition;
    const detected = recognition?.detectedLanguage ? { language: recognition.detectedLanguage, probability: recognition.languageProbability ?? 0, ranking: [] } : undefined;
    this.transcription.restoreRun(detected, readabilityOf(saved.settings));
  }

  /** Reopens a saved, unfinished recognition and goes on from where it stopped. */
  resume(saved: SavedProject, file: File, settings: RunSettings, point: ResumePoint): Promise<void> {
    this.restoreSaved(saved, file);
    this.#runSettings = settings;
    return this.transcription.start(file, settings, point);
  }

  /**
   * Reads everything a save stores, so an effect that calls it re-runs (and saves) on any change:
   * edits, arriving cues and translations, the summary, the name, recognition progress.
   */
  get saveStamp(): readonly unknown[] {
    const job = this.transcription;
    return [this.id, this.name, this.origin, this.transcript.cues, this.transcript.translations, this.summary.accepted, job.recognisedSeconds, job.status];
  }

  /** The project as the library stores it (plain data). */
  toSaved(now = Date.now()): SavedProject | undefined {
    if (this.origin === 'none') return undefined;
    const job = this.transcription;
    const settings = this.#runSettings;
    const recognition = settings
      ? savedRecognition({
          settings, recognisedSeconds: job.recognisedSeconds, duration: job.info?.duration ?? 0, complete: job.status === 'done', language: job.detectedLanguage,
          audioTrack: (job.info?.audioStreams.length ?? 0) > 1 ? job.audioTrack : undefined,
        })
      : this.#savedRecognition;
    return {
      version: SAVED_PROJECT_VERSION,
      id: this.id,
      name: this.name,
      createdAt: this.createdAt,
      updatedAt: now,
      origin: this.origin === 'import' ? 'import' : 'recognition',
      ...(this.media ? { media: { ...this.media, duration: job.info?.duration ?? this.media.duration } } : {}),
      transcript: this.transcript.toSaved(),
      ...(this.summary.accepted ? { summary: { text: this.summary.accepted } } : {}),
      ...(recognition ? { recognition } : {}),
      ...(settings ? { settings: flatSettings(settings) } : this.#savedSettings ? { settings: this.#savedSettings } : {}),
    };
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
    this.#renew(file.name, 'import');
    this.file = undefined;
    this.media = undefined;
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

  /** A new project: a new id, so the library keeps the previous one as it was. */
  #renew(name: string, origin: ProjectOrigin): void {
    this.id = newProjectId();
    this.createdAt = Date.now();
    this.name = name;
    this.origin = origin;
    this.importError = undefined;
    this.#runSettings = undefined;
    this.#savedRecognition = undefined;
    this.#savedSettings = undefined;
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
