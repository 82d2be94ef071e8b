import { toAppError, type AppError } from '../errors.ts';
import type { MediaInfo } from '../media/media-info.ts';
import { probeMedia } from '../media/media-client.ts';
import type { MediaStage } from '../media/media-protocol.ts';
import type { Cue } from '../subtitles/cue.ts';
import { clampToDuration, effectiveDuration, normalizeCues } from '../subtitles/normalize.ts';
import { defaultTrack } from '../transcription/languages.ts';
import type { Device, DtypeConfig } from '../transcription/models.ts';
import { transcribeStream, type PipelineEnd } from '../transcription/pipeline.ts';
import type { TranscribeOptions, TranscriberEvent, TranscriberStage } from '../transcription/transcriber-protocol.ts';
import type { LanguageDetection } from '../transcription/recognition/language-ranking.ts';
import { assertNever } from '../workers/protocol.ts';

export type JobStage = MediaStage | TranscriberStage;

/** The WAV export keeps at most an hour of 16 kHz float audio (230 MB). */
const KEEP_AUDIO_SECONDS = 3600;
export type JobStatus = 'idle' | 'running' | 'choosing-track' | 'done' | 'cancelled' | 'failed';

export interface DownloadProgress {
  readonly loaded: number;
  readonly total: number;
  /** `performance.now()` of the file's first progress event: the speed is measured from it. */
  readonly startedAt: number;
}

export interface RunSettings extends TranscribeOptions {
  readonly vad: boolean;
}

/** Where a damaged file stopped giving audio. */
export interface Damage {
  readonly atSeconds: number;
  readonly detail: string;
}

/**
 * One file's way from drop to subtitles. The UI reads its fields; `start`, `chooseTrack` and
 * `cancel` are the only ways in. Cues already recognised survive cancel, failure and damage.
 */
export class TranscriptionJob {
  status = $state<JobStatus>('idle');
  stage = $state<JobStage | undefined>();
  fileName = $state('');
  info = $state.raw<MediaInfo | undefined>();
  /** Preselected audio track while the user chooses. */
  suggestedTrack = $state(0);
  cues = $state.raw<readonly Cue[]>([]);
  error = $state.raw<AppError | undefined>();
  damage = $state.raw<Damage | undefined>();
  device = $state<Device | undefined>();
  dtype = $state.raw<DtypeConfig | undefined>();
  /** Why WebGPU was given up for WASM, when it was. */
  fallbackReason = $state<string | undefined>();
  downloads = $state.raw<Readonly<Record<string, DownloadProgress>>>({});
  extractedSeconds = $state(0);
  recognisedSeconds = $state(0);
  /** `performance.now()` when the run and its recognition started: the ETA is measured from these. */
  startedAt = $state(0);
  recognitionStartedAt = $state<number | undefined>();
  /** Whisper's detection, when no language was chosen; `null` when the model is English-only. */
  detectedLanguage = $state.raw<LanguageDetection | null | undefined>();
  /** Lines the repetition guard removed or trimmed. */
  loopsRemoved = $state(0);
  /**
   * The decoded audio, kept as Blob parts (out of the JS heap) for the WAV export, up to
   * `KEEP_AUDIO_SECONDS`; longer files offer no export rather than grow memory with their length.
   */
  audioParts = $state.raw<readonly Blob[]>([]);
  audioComplete = $state(true);

  #file: File | undefined;
  #settings: RunSettings | undefined;
  #controller: AbortController | undefined;

  get running(): boolean {
    return this.status === 'running';
  }

  /** Progress of the current stage, 0..1; undefined when the stage can't measure itself. */
  get progress(): number | undefined {
    const duration = this.info?.duration;
    switch (this.stage) {
      case 'extracting':
        return duration ? Math.min(1, this.extractedSeconds / duration) : undefined;
      case 'loading-model':
        return downloadFraction(this.downloads);
      case 'transcribing':
        return duration ? Math.min(1, this.recognisedSeconds / duration) : undefined;
      default:
        return undefined;
    }
  }

  /** Reads the file's streams, then runs, or waits for a track choice when there are several. */
  async start(file: File, settings: RunSettings): Promise<void> {
    const controller = this.#begin(file, settings);
    try {
      const info = await probeMedia(file, { signal: controller.signal, onStage: (stage) => (this.stage = stage) });
      if (this.#controller !== controller) return;
      this.info = info;
      this.suggestedTrack = defaultTrack(info.audioStreams, settings.language);
      if (info.audioStreams.length > 1) {
        this.status = 'choosing-track';
        this.stage = undefined;
        return;
      }
      await this.#run(controller, this.suggestedTrack);
    } catch (caught) {
      this.#fail(controller, caught);
    }
  }

  /** Runs recognition on the chosen audio track (after `start` asked for a choice). */
  async chooseTrack(audioTrack: number): Promise<void> {
    const controller = this.#controller;
    if (this.status !== 'choosing-track' || !controller) return;
    this.status = 'running';
    try {
      await this.#run(controller, audioTrack);
    } catch (caught) {
      this.#fail(controller, caught);
    }
  }

  /** Stops the run; what was recognised stays. */
  cancel(): void {
    if (!this.running && this.status !== 'choosing-track') return;
    this.#controller?.abort();
    this.#finish('cancelled');
  }

  dismissError(): void {
    this.error = undefined;
  }

  async #run(controller: AbortController, audioTrack: number): Promise<void> {
    const file = this.#file;
    const settings = this.#settings;
    if (!file || !settings) return;
    const end = await transcribeStream(
      file,
      { audioTrack, vad: settings.vad, engine: settings, decode: settings, signal: controller.signal },
      {
        onStage: (stage) => {
          this.stage = stage;
          if (stage === 'transcribing') this.recognitionStartedAt = performance.now();
        },
        onEngineEvent: (event) => this.#onEngineEvent(event),
        onExtracted: (seconds) => (this.extractedSeconds = seconds),
        onRecognised: (seconds) => (this.recognisedSeconds = seconds),
        onCues: (cues) =>
          (this.cues = clampToDuration(normalizeCues([...this.cues, ...cues]), effectiveDuration(this.info?.duration, this.extractedSeconds))),
        onAudio: (pcm) => this.#keepAudio(pcm),
        onLanguage: (detection) => (this.detectedLanguage = detection ?? null),
        onLoops: (count) => (this.loopsRemoved += count),
      },
    );
    if (this.#controller !== controller) return;
    this.damage = detectDamage(end, this.info?.duration);
    this.#finish('done');
  }

  #keepAudio(pcm: Float32Array): void {
    const kept = this.audioParts.reduce((sum, part) => sum + part.size, 0) / 4 / 16_000;
    if (!this.audioComplete || kept + pcm.length / 16_000 > KEEP_AUDIO_SECONDS) {
      this.audioComplete = false;
      this.audioParts = [];
      return;
    }
    this.audioParts = [...this.audioParts, new Blob([pcm.slice().buffer])];
  }

  #onEngineEvent(event: TranscriberEvent): void {
    switch (event.type) {
      case 'stage':
        this.stage = event.stage;
        return;
      case 'device':
        this.device = event.device;
        this.dtype = event.dtype;
        if (event.fallbackFrom) this.fallbackReason = event.reason ?? event.fallbackFrom;
        return;
      case 'download':
        this.downloads = {
          ...this.downloads,
          [event.file]: { loaded: event.loaded, total: event.total, startedAt: this.downloads[event.file]?.startedAt ?? performance.now() },
        };
        return;
      case 'speech':
      case 'cues':
      case 'language':
      case 'loops':
        return;
      default:
        assertNever(event);
    }
  }

  #begin(file: File, settings: RunSettings): AbortController {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#file = file;
    this.#settings = settings;
    this.status = 'running';
    this.fileName = file.name;
    this.stage = 'loading-engine';
    this.info = undefined;
    this.cues = [];
    this.error = undefined;
    this.damage = undefined;
    this.device = undefined;
    this.dtype = undefined;
    this.fallbackReason = undefined;
    this.downloads = {};
    this.extractedSeconds = 0;
    this.recognisedSeconds = 0;
    this.startedAt = performance.now();
    this.recognitionStartedAt = undefined;
    this.audioParts = [];
    this.audioComplete = true;
    this.detectedLanguage = undefined;
    this.loopsRemoved = 0;
    return controller;
  }

  #fail(controller: AbortController, caught: unknown): void {
    if (this.#controller !== controller) return; // superseded by a newer run, or cancelled
    const error = toAppError(caught);
    if (error.code === 'cancelled') return this.#finish('cancelled');
    this.error = error;
    this.#finish('failed');
  }

  #finish(status: Exclude<JobStatus, 'idle' | 'running' | 'choosing-track'>): void {
    this.status = status;
    this.stage = undefined;
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

/** A stream that ended on an error, or well short of the duration the container announced. */
function detectDamage(end: PipelineEnd, duration: number | undefined): Damage | undefined {
  const short = duration !== undefined && end.seconds < duration - 2;
  if (!end.damage && !short) return undefined;
  return { atSeconds: end.seconds, detail: end.damage ?? `${end.seconds.toFixed(1)} s of ${duration?.toFixed(1)} s` };
}
