import { toAppError, type AppError } from '../errors.ts';
import { extractAudio } from '../media/extract-audio.ts';
import type { MediaInfo } from '../media/media-info.ts';
import type { MediaStage } from '../media/media-protocol.ts';
import type { Cue } from '../subtitles/cue.ts';
import { normalizeCues } from '../subtitles/normalize.ts';
import type { Device } from '../transcription/models.ts';
import type { TranscribeOptions, TranscriberEvent, TranscriberStage } from '../transcription/transcriber-protocol.ts';
import { transcribe } from '../transcription/transcriber.ts';
import { assertNever } from '../workers/protocol.ts';

export type JobStage = MediaStage | TranscriberStage;
export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface DownloadProgress {
  readonly loaded: number;
  readonly total: number;
}

/**
 * One file's way from drop to subtitles. The UI reads its fields; `start` and `cancel` are
 * the only ways in. Cues already recognised survive cancel and failure.
 */
export class TranscriptionJob {
  status = $state<JobStatus>('idle');
  stage = $state<JobStage | undefined>();
  /** Progress of the current stage, 0..1; undefined when the stage can't measure itself. */
  progress = $state<number | undefined>();
  fileName = $state('');
  info = $state.raw<MediaInfo | undefined>();
  cues = $state.raw<readonly Cue[]>([]);
  error = $state.raw<AppError | undefined>();
  device = $state<Device | undefined>();
  fellBack = $state(false);
  downloads = $state.raw<Readonly<Record<string, DownloadProgress>>>({});
  /** 16 kHz mono PCM of the last file, kept for export (WAV) while the page is open. */
  audio = $state.raw<Float32Array | undefined>();

  #controller: AbortController | undefined;

  get running(): boolean {
    return this.status === 'running';
  }

  /** Runs extraction then recognition; a new start cancels the previous run. */
  async start(file: File, options: TranscribeOptions): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#reset(file.name);
    const { signal } = controller;
    try {
      const { pcm } = await extractAudio(file, {
        signal,
        onStage: (stage) => this.#enterStage(stage, stage === 'extracting' ? 0 : undefined),
        onProbe: (info) => (this.info = info),
        onProgress: (fraction) => (this.progress = fraction),
      });
      this.audio = pcm;
      // The page keeps `pcm` for export, so the worker gets its own copy to own and free.
      await transcribe(pcm.slice(), options, { signal, onEvent: (event) => this.#onTranscriberEvent(event) });
      if (this.#controller === controller) this.#finish('done');
    } catch (caught) {
      if (this.#controller !== controller) return; // superseded by a newer run
      const error = toAppError(caught);
      if (error.code === 'cancelled') this.#finish('cancelled');
      else {
        this.error = error;
        this.#finish('failed');
      }
    }
  }

  /** Stops the run; what was recognised stays. */
  cancel(): void {
    if (!this.running) return;
    this.#controller?.abort();
    this.#finish('cancelled');
  }

  dismissError(): void {
    this.error = undefined;
  }

  #onTranscriberEvent(event: TranscriberEvent): void {
    switch (event.type) {
      case 'stage':
        return this.#enterStage(event.stage, event.stage === 'transcribing' ? 0 : undefined);
      case 'device':
        this.device = event.device;
        if (event.fallbackFrom) this.fellBack = true;
        return;
      case 'download':
        this.downloads = { ...this.downloads, [event.file]: { loaded: event.loaded, total: event.total } };
        this.progress = downloadFraction(this.downloads);
        return;
      case 'progress':
        this.progress = event.fraction;
        return;
      case 'cues':
        this.cues = normalizeCues([...this.cues, ...event.cues]);
        return;
      default:
        assertNever(event);
    }
  }

  #enterStage(stage: JobStage, progress: number | undefined): void {
    this.stage = stage;
    this.progress = progress;
  }

  #reset(fileName: string): void {
    this.status = 'running';
    this.fileName = fileName;
    this.info = undefined;
    this.cues = [];
    this.error = undefined;
    this.device = undefined;
    this.fellBack = false;
    this.downloads = {};
    this.audio = undefined;
    this.#enterStage('loading-engine', undefined);
  }

  #finish(status: Exclude<JobStatus, 'idle' | 'running'>): void {
    this.status = status;
    this.stage = undefined;
    this.progress = undefined;
    this.#controller = undefined;
  }
}

function downloadFraction(downloads: Readonly<Record<string, DownloadProgress>>): number | undefined {
  let loaded = 0;
  let total = 0;
  for (const d of Object.values(downloads)) {
    loaded += d.loaded;
    total += d.total;
  }
  return total > 0 ? loaded / total : undefined;
}
