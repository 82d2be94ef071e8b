import type { AppError } from '../errors.ts';
import type { ExportStage } from '../export/export-protocol.ts';
import type { SavedExport } from '../export/save-target.ts';
import { remainingSeconds } from './eta.ts';

/** Where an export stands (only burn-in estimates first). */
export type ExportRunStatus = 'idle' | 'estimating' | 'running' | 'done' | 'cancelled' | 'failed';
/** What a running export is doing: the worker's stages, then completing the file. */
export type ExportRunStage = ExportStage | 'saving';

/**
 * What every streamed export's state shares — soft subtitles and burn-in on either path —:
 * the status, the stage, media seconds written against the duration, the ETA from the pace
 * since writing began, the error, and how the file was saved.
 *
 * @example
 * class VideoExport extends ExportRun { … this.begin(); … this.onProgress(seconds, duration); }
 * exporter.remaining(); // seconds left, once there is a pace to go by
 */
export class ExportRun {
  status = $state<ExportRunStatus>('idle');
  stage = $state<ExportRunStage | undefined>();
  /** Media seconds written, and the input's duration once known. */
  seconds = $state(0);
  duration = $state<number | undefined>();
  /** When writing began (the `now()` clock), for the ETA. */
  startedAt = $state<number | undefined>();
  error = $state.raw<AppError | undefined>();
  saved = $state.raw<SavedExport | undefined>();
  protected readonly now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.now = now;
  }

  get running(): boolean {
    return this.status === 'running';
  }

  /** 0..1 of the media written; undefined until the duration is known. */
  get progress(): number | undefined {
    return this.duration ? Math.min(1, this.seconds / this.duration) : undefined;
  }

  /** Seconds left at `now`, from the pace so far; undefined until it can be told. */
  remaining(now: number = this.now()): number | undefined {
    if (this.startedAt === undefined || this.duration === undefined) return undefined;
    return remainingSeconds(this.seconds, this.duration, (now - this.startedAt) / 1000);
  }

  dismissError(): void {
    this.error = undefined;
  }

  /** A new run: running, and the last run's figures and outcome cleared. */
  protected begin(): void {
    this.status = 'running';
    this.stage = undefined;
    this.seconds = 0;
    this.duration = undefined;
    this.startedAt = undefined;
    this.error = undefined;
    this.saved = undefined;
  }

  /** The worker's stage; the one that writes the file (`muxing`, `burning`) starts the ETA's clock. */
  protected onStage(stage: ExportStage): void {
    this.stage = stage;
    if (stage === 'muxing' || stage === 'burning') this.startedAt = this.now();
  }

  protected onProgress(seconds: number, duration: number | undefined): void {
    this.seconds = seconds;
    this.duration = duration;
  }
}
