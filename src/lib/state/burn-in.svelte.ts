import { toAppError } from '../errors.ts';
import type { BurnOptions } from '../export/burn-in/burn-in-client.ts';
import type { BurnContainer, BurnEnd, BurnEstimate, BurnJob } from '../export/burn-in/burn-in-protocol.ts';
import { BURN_CONTAINERS, burnedFileName } from '../export/burn-in/burn-containers.ts';
import type { BurnCue } from '../export/burn-in/cue-at.ts';
import { DEFAULT_SUBTITLE_STYLE, type SubtitleStyle } from '../export/burn-in/subtitle-layout.ts';
import type { SaveRequest, SaveSink } from '../export/save-target.ts';
import type { ExportVariant } from '../subtitles/formats/export-document.ts';
import { parseSrt } from '../subtitles/srt.ts';
import { ExportRun } from './export-run.svelte.ts';
import type { VideoExportSource } from './video-export.svelte.ts';

/** The burn-in worker and the save target (stand-ins in tests). */
export interface BurnInDeps {
  readonly estimate: (job: BurnJob, signal: AbortSignal) => Promise<BurnEstimate>;
  readonly burn: (options: BurnOptions) => Promise<BurnEnd>;
  readonly openTarget: (request: SaveRequest) => Promise<SaveSink>;
  readonly now?: () => number;
}

/** The save dialog's name for each container ("MP4 video"). */
export type BurnInWords = Readonly<Record<BurnContainer, string>>;

/**
 * The "Burn in subtitles" dialog's state: which text (original, translation, bilingual) and
 * how it looks — read by the studio's live preview while the dialog is open —, the estimate
 * for this device, the run with progress and ETA, cancel, and how the file was saved.
 *
 * @example
 * const burnIn = new BurnIn({ estimate: estimateBurnIn, burn: burnToOutput, openTarget });
 * burnIn.prepare(project); // opens the preview and times the first frames
 * void burnIn.start(project, { mp4: 'MP4 video', webm: 'WebM video' }); // from the click
 */
export class BurnIn extends ExportRun {
  /** The dialog is open: the preview draws over the video. */
  open = $state(false);
  variant = $state<ExportVariant>('original');
  // Raw: replaced whole on each change, and sent to the worker as it is (a proxy cannot be cloned).
  style = $state.raw<SubtitleStyle>(DEFAULT_SUBTITLE_STYLE);
  estimate = $state.raw<BurnEstimate | undefined>();
  readonly #deps: BurnInDeps;
  #controller: AbortController | undefined;
  /** The file the estimate was made for: another file is estimated afresh. */
  #estimated: File | undefined;

  constructor(deps: BurnInDeps) {
    super(deps.now);
    this.#deps = deps;
  }

  /** The cues as the chosen text shows them (the SRT export's cues: what you see is what you get). */
  cues(source: VideoExportSource): BurnCue[] {
    const variant = this.variant === 'original' || source.canExport(this.variant) ? this.variant : 'original';
    return parseSrt(source.exportFile('srt', variant).text);
  }

  /** Opens the dialog for `source`: the preview on, the text choice kept valid, the estimate started. */
  prepare(source: VideoExportSource): void {
    if (this.running) return;
    if (this.variant !== 'original' && !source.canExport(this.variant)) this.variant = 'original';
    this.open = true;
    this.status = 'idle';
    this.error = undefined;
    this.saved = undefined;
    void this.#estimate(source);
  }

  /** Closes the dialog: the preview goes, an estimate in progress stops. */
  close(): void {
    if (this.running) return;
    if (this.status === 'estimating') this.#controller?.abort();
    this.open = false;
  }

  setVariant(variant: ExportVariant, source: VideoExportSource): void {
    this.variant = variant === 'original' || source.canExport(variant) ? variant : 'original';
  }

  setStyle(patch: Partial<SubtitleStyle>): void {
    this.style = { ...this.style, ...patch };
  }

  /** Whether a burn-in can start: media, cues, an encoder found, nothing running. */
  canStart(source: VideoExportSource): boolean {
    return this.estimate !== undefined && (this.status === 'idle' || this.status === 'done' || this.status === 'cancelled' || this.status === 'failed')
      && source.file !== undefined && source.canExport('original');
  }

  /**
   * Burns the subtitles in and saves the file. Call it from the click: the save dialog is asked
   * for before anything is awaited. A cancel or failure discards the partial file.
   */
  async start(source: VideoExportSource, words: BurnInWords): Promise<void> {
    const file = source.file;
    const plan = this.estimate;
    if (!file || !plan || !this.canStart(source)) return;
    const spec = BURN_CONTAINERS[plan.container];
    const target = this.#deps.openTarget({ name: burnedFileName(source.name, plan.container), mime: spec.mime, description: words[plan.container], expectedBytes: file.size * 2 });
    const controller = this.#begin();
    let sink: SaveSink;
    try {
      sink = await target;
    } catch (caught) {
      this.#end(caught, controller);
      return;
    }
    try {
      // The WebCodecs path has no stages: its clock starts now. The fallback's restarts at `burning`.
      this.startedAt = this.now();
      await this.#deps.burn({
        file, cues: this.cues(source), style: this.style, path: plan.path, output: sink, signal: controller.signal,
        onStage: (stage) => this.onStage(stage), onProgress: (s, d) => this.onProgress(s, d ?? plan.duration),
      });
      this.stage = 'saving';
      this.saved = await sink.close();
      this.status = 'done';
      this.#controller = undefined;
    } catch (caught) {
      await sink.abort();
      this.#end(caught, controller);
    }
  }

  /** Stops the running burn-in; its partial file is discarded. */
  cancel(): void {
    if (this.running) this.#controller?.abort();
  }

  async #estimate(source: VideoExportSource): Promise<void> {
    const file = source.file;
    if (!file || (this.estimate && this.#estimated === file)) return;
    this.estimate = undefined;
    const controller = new AbortController();
    this.#controller = controller;
    this.status = 'estimating';
    try {
      this.estimate = await this.#deps.estimate({ file, cues: this.cues(source), style: this.style }, controller.signal);
      this.#estimated = file;
      this.#controller = undefined;
      this.status = 'idle';
    } catch (caught) {
      this.#end(caught, controller);
    }
  }

  #begin(): AbortController {
    const controller = new AbortController();
    this.#controller = controller;
    this.begin();
    return controller;
  }

  #end(caught: unknown, controller: AbortController): void {
    if (this.#controller === controller) this.#controller = undefined;
    const error = toAppError(caught, 'burn-in-failed');
    if (error.code !== 'cancelled') {
      this.error = error;
      this.status = 'failed';
    } else {
      this.status = controller.signal.aborted && this.running ? 'cancelled' : 'idle';
    }
  }
}
