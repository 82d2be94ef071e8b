/**
 * Errors are values: every failure the user can meet has a code that the UI translates,
 * plus an optional technical detail shown in small print (never a key or a secret).
 */
export type AppErrorCode =
  | 'empty-file'
  | 'not-media'
  | 'no-audio-stream'
  | 'unsupported-codec'
  | 'unsupported-language'
  | 'extraction-failed'
  | 'engine-load-failed'
  | 'engine-timeout'
  | 'model-load-failed'
  | 'transcription-failed'
  | 'worker-crashed'
  /** The GPU device was lost mid-run; the page replaces the worker and goes on with WASM. */
  | 'webgpu-lost'
  | 'not-isolated'
  | 'not-subtitles'
  /** The browser's storage quota is used up; what was saved before stays as it was. */
  | 'storage-full'
  /** IndexedDB is missing or blocked (e.g. some private windows): nothing can be saved. */
  | 'storage-unavailable'
  /** A library file to import is damaged or not Zimu's; nothing was imported. */
  | 'library-file-invalid'
  /** Offline (or the model host is unreachable) and the chosen model is not in the cache. */
  | 'model-not-cached'
  /** Strict offline is on and a request to another origin was stopped before it left the browser. */
  | 'strict-offline-blocked'
  | 'cancelled'
  | 'unknown'
  | ExportErrorCode
  | RecordingErrorCode
  | LlmErrorCode;

/** Failures recording from the microphone or a shared tab (src/lib/media/recording.ts). */
export type RecordingErrorCode =
  /** The browser or the user refused the microphone (NotAllowedError). */
  | 'recording-denied'
  /** No tab or screen was shared: the picker was closed, or sharing was refused. */
  | 'recording-display-denied'
  /** No microphone is connected (NotFoundError). */
  | 'recording-no-device'
  /** The microphone is in use by another program or failed to start (NotReadableError). */
  | 'recording-device-busy'
  /** The shared tab or screen came without its sound ("Share audio" was not ticked). */
  | 'recording-no-audio'
  /** This browser has no MediaRecorder, or none that writes a container Zimu reads. */
  | 'recording-unsupported'
  /** The recorder stopped with an error of its own; the detail has the browser's words. */
  | 'recording-failed';

/** Failures making a video with subtitles (src/lib/export/). */
export type ExportErrorCode =
  /** ffmpeg could not write the video; the detail has its log. */
  | 'export-failed'
  /** The chosen container can't hold one of the file's streams as it is (PCM audio in MP4). */
  | 'export-unsupported-codec'
  /** Only an in-memory save is possible here, and the video would not fit. */
  | 'export-too-large'
  /** Writing the output failed (disk full, file moved, permission withdrawn). */
  | 'export-write-failed'
  /** Burning subtitles in failed (decoding, drawing or encoding); the detail says where. */
  | 'burn-in-failed'
  /** This browser has no video encoder (H.264, VP9, AV1 or VP8) for the video's size. */
  | 'burn-in-unsupported'
  /** The file has no video track to burn subtitles into (an audio file). */
  | 'burn-in-no-video'
  /** The ffmpeg fallback could load none of the subtitle font's files (offline before it was cached). */
  | 'burn-in-font-missing';

/** Failures talking to the user's own OpenAI-compatible endpoint (translation and summary). */
export type LlmErrorCode =
  | 'llm-not-configured'
  | 'llm-auth'
  | 'llm-not-found'
  | 'llm-rate-limited'
  | 'llm-server'
  | 'llm-unreachable'
  | 'llm-timeout'
  | 'llm-stream-cut'
  | 'llm-bad-response'
  | 'llm-bad-request'
  | 'llm-context-too-long'
  | 'llm-translation-incomplete'
  /** The in-browser model could not be downloaded or loaded. */
  | 'llm-local-load-failed'
  /** The in-browser model failed while writing an answer. */
  | 'llm-local-failed'
  /** The browser's built-in AI cannot do this (language pair, language, or no model on this device). */
  | 'llm-builtin-unavailable'
  /** The browser's built-in AI must download its model first, and only does so after a click. */
  | 'llm-builtin-needs-click'
  /** A provider that only does set tasks (the built-in AI) got a request it doesn't know. */
  | 'llm-unsupported-task';

export interface AppError {
  readonly code: AppErrorCode;
  readonly detail?: string;
}

/** Builds an AppError, keeping only the message of an underlying exception. */
export function appError(code: AppErrorCode, cause?: unknown): AppError {
  const detail = describeCause(cause);
  return detail ? { code, detail } : { code };
}

/** A thrown AppError, so async code can `throw` and still hand a typed value to the UI. */
export class AppErrorException extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.detail ? `${error.code}: ${error.detail}` : error.code);
    this.name = 'AppErrorException';
    this.error = error;
  }
}

/** Turns anything caught into an AppError; unknown failures keep their message as detail. */
export function toAppError(caught: unknown, fallback: AppErrorCode = 'unknown'): AppError {
  if (caught instanceof AppErrorException) return caught.error;
  if (isAppError(caught)) return caught;
  if (caught instanceof DOMException && caught.name === 'AbortError') return { code: 'cancelled' };
  return appError(fallback, caught);
}

/** Structural check for AppErrors that crossed a worker boundary (classes don't survive cloning). */
export function isAppError(value: unknown): value is AppError {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string';
}

function describeCause(cause: unknown): string | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'string') return cause;
  return String(cause);
}
