import { toAppError } from '../errors.ts';
import type { MuxOptions } from '../export/export-client.ts';
import {
  CONTAINERS, defaultOptions, fitOptions, planTracks, videoFileName,
  type PlannedTrack, type RoleLabels, type TrackChoice, type TrackFormat, type VideoContainer, type VideoExportOptions,
} from '../export/export-plan.ts';
import type { MuxEnd, MuxTrack } from '../export/export-protocol.ts';
import type { SaveRequest, SaveSink } from '../export/save-target.ts';
import type { ExportVariant } from '../subtitles/formats/export-document.ts';
import type { SubtitleFormatId } from '../subtitles/formats/registry.ts';
import { ExportRun } from './export-run.svelte.ts';

/** What an export reads from the project (a Project has all of it). */
export interface VideoExportSource {
  readonly file: File | undefined;
  readonly name: string;
  canExport(variant: ExportVariant): boolean;
  exportFile(format: SubtitleFormatId, variant: ExportVariant): { readonly text: string };
  readonly transcription: { readonly detectedLanguage?: { readonly language: string } | null };
  readonly transcript: { readonly translationLanguage: string };
}

/** The interface's words an export writes into the file or the save dialog. */
export interface VideoExportWords {
  /** Track titles where the language can't be named. */
  readonly roles: RoleLabels;
  /** The save dialog's name for each file type ("MP4 video"). */
  readonly containers: Readonly<Record<VideoContainer, string>>;
}

/** The export worker and the save target (stand-ins in tests). */
export interface VideoExportDeps {
  readonly mux: (options: MuxOptions) => Promise<MuxEnd>;
  readonly openTarget: (request: SaveRequest) => Promise<SaveSink>;
  /** Loads the engine ahead of the export; failures are left for the export to report. */
  readonly warm?: () => Promise<unknown>;
  readonly now?: () => number;
}

/**
 * One "Export video" dialog's state: the choices (kept valid for the project), the run with its
 * progress and ETA, cancel, and how the file was saved. Soft subtitles only: the video and
 * audio are copied as they are.
 *
 * @example
 * const exporter = new VideoExport({ mux: muxToOutput, openTarget: (r) => openSaveTarget(env, r), warm: warmExportEngine });
 * exporter.prepare(project);
 * exporter.setContainer('mkv');
 * void exporter.start(project, words); // from the click: the save dialog needs it
 */
export class VideoExport extends ExportRun {
  options = $state<VideoExportOptions>(defaultOptions(false));
  readonly #deps: VideoExportDeps;
  #controller: AbortController | undefined;
  #prepared = false;

  constructor(deps: VideoExportDeps) {
    super(deps.now);
    this.#deps = deps;
  }

  /**
   * Readies the dialog for `source`: the defaults the first time, then the last choices as far
   * as the project allows them; the last run's outcome cleared; the engine warming up.
   */
  prepare(source: VideoExportSource): void {
    if (this.running) return;
    const translated = hasTranslation(source);
    this.options = fitOptions(this.#prepared ? this.options : defaultOptions(translated), translated);
    this.#prepared = true;
    this.status = 'idle';
    this.error = undefined;
    this.saved = undefined;
    void this.#deps.warm?.().catch(() => undefined);
  }

  setContainer(container: VideoContainer): void {
    this.options = { ...this.options, container };
  }

  setTracks(tracks: TrackChoice, source: VideoExportSource): void {
    this.options = fitOptions({ ...this.options, tracks }, hasTranslation(source));
  }

  setMkvFormat(mkvFormat: TrackFormat): void {
    this.options = { ...this.options, mkvFormat };
  }

  setBilingual(bilingual: boolean, source: VideoExportSource): void {
    this.options = fitOptions({ ...this.options, bilingual }, hasTranslation(source));
  }

  /** Whether the project can have a video made now: media attached and cues to show. */
  canStart(source: VideoExportSource): boolean {
    return !this.running && source.file !== undefined && source.canExport('original');
  }

  /** The tracks the current choices make, in output order, for the dialog to show. */
  plan(source: VideoExportSource, roles: RoleLabels): PlannedTrack[] {
    const languages = { original: source.transcription.detectedLanguage?.language, translation: source.transcript.translationLanguage || undefined };
    return planTracks(this.options, languages, hasTranslation(source), roles);
  }

  /**
   * Makes the video and saves it. Call it from the click: the save dialog is asked for before
   * anything is awaited. Closing that dialog leaves things as they were; a cancel or failure
   * discards the partial file, so nothing half-written is ever reported as saved.
   */
  async start(source: VideoExportSource, words: VideoExportWords): Promise<void> {
    const file = source.file;
    if (!file || !this.canStart(source)) return;
    const { container } = this.options;
    const tracks: MuxTrack[] = this.plan(source, words.roles).map((track) => ({
      text: source.exportFile(track.format, track.variant).text,
      format: track.format,
      language: track.language,
      title: track.title,
      isDefault: track.isDefault,
    }));
    // The subtitles' UTF-8 takes at most 3 bytes a character, and muxing adds little overhead.
    const expectedBytes = file.size + tracks.reduce((sum, track) => sum + track.text.length * 3, 0);
    const spec = CONTAINERS[container];
    const target = this.#deps.openTarget({ name: videoFileName(source.name, container), mime: spec.mime, description: words.containers[container], expectedBytes });
    const controller = new AbortController();
    this.#begin(controller);
    let sink: SaveSink;
    try {
      sink = await target;
    } catch (caught) {
      this.#end(caught, controller);
      return;
    }
    try {
      await this.#deps.mux({ file, container, tracks, output: sink, signal: controller.signal, onStage: (stage) => this.onStage(stage), onProgress: (s, d) => this.onProgress(s, d) });
      this.stage = 'saving';
      this.saved = await sink.close();
      this.status = 'done';
      this.#controller = undefined;
    } catch (caught) {
      await sink.abort();
      this.#end(caught, controller);
    }
  }

  /** Stops the running export; its partial file is discarded. */
  cancel(): void {
    this.#controller?.abort();
  }

  #begin(controller: AbortController): void {
    this.#controller = controller;
    this.begin();
  }

  #end(caught: unknown, controller: AbortController): void {
    this.#controller = undefined;
    const error = toAppError(caught, 'export-failed');
    if (error.code !== 'cancelled') {
      this.error = error;
      this.status = 'failed';
    } else {
      // Closing the save dialog is no export at all; a cancel after it started is one stopped.
      this.status = controller.signal.aborted ? 'cancelled' : 'idle';
    }
  }
}

function hasTranslation(source: VideoExportSource): boolean {
  return source.canExport('translated');
}
