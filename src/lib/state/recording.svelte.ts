import { appError, type AppError } from '../errors.ts';
import { withDuration } from '../media/recording-remux.ts';
import { recordingEnvironment, startRecording, type LiveRecording, type RecordingEvents } from '../media/recording-devices.ts';
import {
  recordingError,
  recordingFileName,
  recordingFileType,
  recordingSupport,
  type RecordingEnvironment,
  type RecordingSource,
  type RecordingSupport,
} from '../media/recording.ts';

/** Where a recording stands. */
export type RecordingStatus = 'idle' | 'starting' | 'recording' | 'stopping';

/** How often the clock and the level meter are read while recording. */
export const RECORDING_TICK_MS = 100;

/** The browser parts (stand-ins in tests). */
export interface RecordingDeps {
  readonly environment: RecordingEnvironment;
  readonly start: (source: RecordingSource, mime: string, events: RecordingEvents) => Promise<LiveRecording>;
  /** Calls `tick` every `ms` until the returned function is called. */
  readonly every: (ms: number, tick: () => void) => () => void;
  readonly now: () => number;
  /** The wall-clock time, for the file's name. */
  readonly date: () => Date;
  /** Makes the recorded bytes a well-formed file (a WebM gets its duration). */
  readonly finalize: (recorded: Blob) => Promise<Blob>;
}

/**
 * Recording from the microphone or a shared tab into a File for the usual pipeline. The file is
 * handed to `onRecorded` (which starts recognition as for a dropped file) and kept here, in
 * memory only, for "Save recording"; nothing stores it.
 *
 * @example
 * const recording = new Recording(browserRecordingDeps(), (file) => openFile(file));
 * await recording.start('microphone'); // from the click
 * await recording.stop(); // → onRecorded(recording-2026-12-01-090507.webm)
 */
export class Recording {
  status = $state<RecordingStatus>('idle');
  source = $state<RecordingSource | undefined>();
  /** Time recorded so far; after Stop, the length of the last recording. */
  elapsedMs = $state(0);
  /** The input's loudness, 0–1. */
  level = $state(0);
  error = $state.raw<AppError | undefined>();
  /** The last recording, for "Save recording", until the next one or `forget()`. */
  last = $state.raw<File | undefined>();
  readonly support: RecordingSupport;
  readonly #deps: RecordingDeps;
  readonly #onRecorded: (file: File) => void;
  #live: LiveRecording | undefined;
  #stopTicks: (() => void) | undefined;
  /** Discarded while the browser was still asking for permission. */
  #abandoned = false;
  #startedAt = 0;
  #startedDate = new Date(0);

  constructor(deps: RecordingDeps, onRecorded: (file: File) => void) {
    this.#deps = deps;
    this.#onRecorded = onRecorded;
    this.support = recordingSupport(deps.environment);
  }

  /** Asks for the source and starts recording; a refusal or a missing device becomes `error`. */
  async start(source: RecordingSource): Promise<void> {
    if (this.status !== 'idle') return;
    const mime = this.#deps.environment.mime;
    if (!this.support[source] || mime === undefined) {
      this.error = appError('recording-unsupported');
      return;
    }
    this.error = undefined;
    this.source = source;
    this.status = 'starting';
    this.#abandoned = false;
    let live: LiveRecording;
    try {
      live = await this.#deps.start(source, mime, {
        onEnded: () => void this.stop(),
        onError: (caught) => void this.#fail(appError('recording-failed', caught)),
      });
    } catch (caught) {
      this.status = 'idle';
      this.source = undefined;
      this.error = recordingError(caught, source);
      return;
    }
    if (this.#abandoned) {
      this.status = 'idle';
      this.source = undefined;
      await live.finish();
      return;
    }
    this.#live = live;
    this.#startedAt = this.#deps.now();
    this.#startedDate = this.#deps.date();
    this.elapsedMs = 0;
    this.status = 'recording';
    this.#stopTicks = this.#deps.every(RECORDING_TICK_MS, () => this.#tick());
  }

  /** Stops, and hands the recording on for recognition. Resolves with the file (none if nothing was recorded). */
  async stop(): Promise<File | undefined> {
    const blob = await this.#end(this.#deps.finalize);
    if (!blob) return undefined;
    if (blob.size === 0) {
      this.error = appError('recording-failed', 'nothing was recorded');
      return undefined;
    }
    const file = new File([blob], recordingFileName(this.#startedDate, blob.type), { type: recordingFileType(blob.type) });
    this.last = file;
    this.#onRecorded(file);
    return file;
  }

  /** Stops and throws the recording away (also one still waiting for permission). */
  async discard(): Promise<void> {
    if (this.status === 'starting') this.#abandoned = true;
    await this.#end();
  }

  /** Lets go of the last recording (the pipeline may still hold the file for its own run). */
  forget(): void {
    this.last = undefined;
  }

  dismissError(): void {
    this.error = undefined;
  }

  #tick(): void {
    this.elapsedMs = this.#deps.now() - this.#startedAt;
    this.level = this.#live?.level() ?? 0;
  }

  /** Ends the live recording, if any, and returns what it recorded (finalized when asked; still 'stopping' meanwhile). */
  async #end(finalize?: (recorded: Blob) => Promise<Blob>): Promise<Blob | undefined> {
    const live = this.#live;
    if (!live || this.status !== 'recording') return undefined;
    this.#tick();
    this.status = 'stopping';
    this.#stopTicks?.();
    this.#stopTicks = undefined;
    this.#live = undefined;
    try {
      const recorded = await live.finish();
      return finalize && recorded.size > 0 ? await finalize(recorded) : recorded;
    } finally {
      this.status = 'idle';
      this.level = 0;
    }
  }

  async #fail(error: AppError): Promise<void> {
    await this.#end();
    this.error = error;
  }
}

/** The real browser behind `Recording`. */
export function browserRecordingDeps(): RecordingDeps {
  return {
    environment: recordingEnvironment(),
    start: startRecording,
    every: (ms, tick) => {
      const id = setInterval(tick, ms);
      return () => clearInterval(id);
    },
    now: () => performance.now(),
    date: () => new Date(),
    finalize: withDuration,
  };
}
