import { SAMPLE_RATE } from '../media/sample-rate.ts';
import { toAppError, type AppError } from '../errors.ts';
import type { MediaInfo } from '../media/media-info.ts';
import { probeMedia } from '../media/media-client.ts';
import { PeakStore } from '../media/peak-store.ts';
import { detectDamage, downloadFraction, type Damage, type DownloadProgress } from './job-progress.ts';

export type { Damage, DownloadProgress };
import type { MediaStage } from '../media/media-protocol.ts';
import type { Cue } from '../subtitles/cue.ts';
import { PROFILES, profileForLanguage, type ProfileId, type ReadabilityProfile } from '../subtitles/segment/profiles.ts';
import { fixCues, keepGapAfter } from '../subtitles/segment/check.ts';
import { clampToDuration, effectiveDuration, normalizeCues } from '../subtitles/normalize.ts';
import { defaultTrack } from '../transcription/languages.ts';
import type { Device, DtypeConfig } from '../transcription/models.ts';
import { transcribeStream, type PipelineEnd, type ResumePoint } from '../transcription/pipeline.ts';
import type { TranscribeOptions, TranscriberEvent, TranscriberStage } from '../transcription/transcriber-protocol.ts';
import type { LanguageDetection } from '../transcription/recognition/language-ranking.ts';
import { assertNever } from '../assert-never.ts';
import type { Transcript } from './transcript.svelte.ts';

export type JobStage = MediaStage | TranscriberStage;

/** The WAV export keeps at most an hour of 16 kHz float audio (230 MB). */
const KEEP_AUDIO_SECONDS = 3600;
export type JobStatus = 'idle' | 'running' | 'choosing-track' | 'done' | 'cancelled' | 'failed';


export interface RunSettings extends TranscribeOptions {
  readonly vad: boolean;
  /** The readability profile recognised cues are cut to; 'auto' follows the spoken language. */
  readonly readability: ProfileId | 'auto';
}

/**
 * One file's way from drop to subtitles. The UI reads its fields; `start`, `chooseTrack` and
 * `cancel` are the only ways in. Recognised cues go to the transcript as they stream, cut to the
 * readability profile; they survive cancel, failure and damage.
 */
export class TranscriptionJob {
  status = $state<JobStatus>('idle');
  stage = $state<JobStage | undefined>();
  fileName = $state('');
  info = $state.raw<MediaInfo | undefined>();
  /** Preselected audio track while the user chooses. */
  suggestedTrack = $state(0);
  audioTrack = $state(0); // the track being (or last) recognised
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
  /** The waveform: max |sample| per 10 ms, computed by the media pipeline as it extracts. */
  peaks = $state.raw<Float32Array>(new Float32Array(0));
  readonly #peaks = new PeakStore();

  #file: File | undefined;
  #settings: RunSettings | undefined;
  #resume: ResumePoint | undefined;
  #restoredReadability: ProfileId | 'auto' = 'auto';
  #controller: AbortController | undefined;
  readonly #transcript: Transcript;

  /** Recognised cues are appended to `transcript`. */
  constructor(transcript: Transcript) {
    this.#transcript = transcript;
  }

  /** The profile cues are cut to: the chosen one, or the spoken language's. */
  get profile(): ReadabilityProfile {
    const choice = this.#settings?.readability ?? this.#restoredReadability;
    return choice === 'auto' ? profileForLanguage(this.detectedLanguage?.language ?? this.#settings?.language) : PROFILES[choice];
  }

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

  /**
   * Reads the file's streams, then runs, or waits for a track choice when there are several.
   * With `resume`, the transcript as it stands holds what an interrupted run recognised before
   * `resume.until`, and recognition goes on from there.
   */
  async start(file: File, settings: RunSettings, resume?: ResumePoint): Promise<void> {
    const controller = this.#begin(file, settings, resume);
    try {
      const info = await probeMedia(file, { signal: controller.signal, onStage: (stage) => (this.stage = stage) });
      if (this.#controller !== controller) return;
      this.info = info;
      this.suggestedTrack = resume?.audioTrack ?? defaultTrack(info.audioStreams, settings.language);
      if (info.audioStreams.length > 1 && resume?.audioTrack === undefined) {
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

  /** A reopened project's run: its detected language and readability, so checks and exports stay as they were. */
  restoreRun(detected: LanguageDetection | undefined, readability: ProfileId | 'auto'): void {
    this.detectedLanguage = detected;
    this.#restoredReadability = readability;
  }

  /** Back to no run at all (imported subtitles replace the transcript); a running one stops. */
  reset(): void {
    this.cancel();
    this.#clear();
    this.status = 'idle';
    this.stage = undefined;
    this.fileName = '';
    this.#settings = undefined;
    this.#restoredReadability = 'auto';
  }

  async #run(controller: AbortController, audioTrack: number): Promise<void> {
    this.audioTrack = audioTrack;
    const file = this.#file;
    const settings = this.#settings;
    if (!file || !settings) return;
    const end = await transcribeStream(
      file,
      { audioTrack, vad: settings.vad, engine: settings, decode: settings, signal: controller.signal, resume: this.#resume },
      {
        onStage: (stage) => {
          this.stage = stage;
          if (stage === 'transcribing') this.recognitionStartedAt = performance.now();
        },
        onEngineEvent: (event) => this.#onEngineEvent(event),
        onExtracted: (seconds) => (this.extractedSeconds = seconds),
        onRecognised: (seconds) => (this.recognisedSeconds = Math.max(this.recognisedSeconds, seconds)), // a resume never goes back
        onCues: (cues) => this.#addCues(cues),
        onAudio: (pcm) => this.#keepAudio(pcm),
        onPeaks: (peaks, startPeak) => {
          this.#peaks.append(peaks, startPeak);
          this.peaks = this.#peaks.peaks;
        },
        onLanguage: (detection) => (this.detectedLanguage = detection ?? null),
        onLoops: (count) => (this.loopsRemoved += count),
      },
    );
    if (this.#controller !== controller) return;
    this.damage = detectDamage(end, this.info?.duration);
    this.#finish('done');
  }

  /** One window's cues: inside the media, cut to readable cues, appended (not an undo step). */
  #addCues(cues: readonly Cue[]): void {
    const inside = clampToDuration(normalizeCues(cues), effectiveDuration(this.info?.duration, this.extractedSeconds));
    const profile = this.profile;
    this.#transcript.appendRecognised(keepGapAfter(this.#transcript.cues.at(-1), fixCues(inside, profile), profile));
  }

  #keepAudio(pcm: Float32Array): void {
    const kept = this.audioParts.reduce((sum, part) => sum + part.size, 0) / 4 / SAMPLE_RATE;
    if (!this.audioComplete || kept + pcm.length / SAMPLE_RATE > KEEP_AUDIO_SECONDS) {
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
      default:
        assertNever(event);
    }
  }

  #begin(file: File, settings: RunSettings, resume: ResumePoint | undefined): AbortController {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#file = file;
    this.#settings = settings;
    this.status = 'running';
    this.fileName = file.name;
    this.stage = 'loading-engine';
    this.#resume = resume;
    this.#clear();
    if (!resume) this.#transcript.load([]);
    else this.#resumeFrom(resume);
    this.startedAt = performance.now();
    return controller;
  }

  /** A resumed run starts where the saved one stopped, in the language it detected. */
  #resumeFrom(resume: ResumePoint): void {
    this.recognisedSeconds = resume.until;
    if (resume.language) this.detectedLanguage = { language: resume.language, probability: resume.probability ?? 0, ranking: [] };
  }

  /** Forgets the last run's findings. */
  #clear(): void {
    this.info = undefined;
    this.error = undefined;
    this.damage = undefined;
    this.device = undefined;
    this.dtype = undefined;
    this.fallbackReason = undefined;
    this.downloads = {};
    this.extractedSeconds = 0;
    this.recognisedSeconds = 0;
    this.recognitionStartedAt = undefined;
    this.audioParts = [];
    this.audioComplete = true;
    this.detectedLanguage = undefined;
    this.loopsRemoved = 0;
    this.#peaks.clear();
    this.peaks = this.#peaks.peaks;
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
