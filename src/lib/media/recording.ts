import { appError, type AppError } from '../errors.ts';

/**
 * The rules of recording, apart from the browser: which container to ask MediaRecorder for,
 * what the file is called, what a failure means to the user, how loud the input is, and how the
 * elapsed time reads. Pure; `recording-devices.ts` wires them to the browser.
 */

/** Where the sound comes from: the microphone, or a tab's (or the screen's) audio. */
export type RecordingSource = 'microphone' | 'display';

/**
 * The containers asked for, best first: WebM/Opus (Chromium, Firefox), then MP4 (Safari records
 * AAC in MP4 and nothing else), then Ogg/Opus. All of them are read by the media pipeline.
 */
export const RECORDING_MIME_TYPES = [
  'audio/webm;codecs=opus',
  'audio/webm',
  'audio/mp4;codecs=mp4a.40.2',
  'audio/mp4',
  'audio/ogg;codecs=opus',
] as const;

/** Opus at this rate keeps speech clear and an hour under 30 MB. */
export const RECORDING_BITS_PER_SECOND = 64_000;

/** How often MediaRecorder hands over what it has, so a crash mid-way loses at most this much. */
export const RECORDING_TIMESLICE_MS = 1000;

/**
 * The first container this browser can record, or undefined when it can record none of them.
 * @example chooseRecordingMime((type) => MediaRecorder.isTypeSupported(type)) // 'audio/webm;codecs=opus' in Chrome
 */
export function chooseRecordingMime(isTypeSupported: (type: string) => boolean): string | undefined {
  return RECORDING_MIME_TYPES.find((type) => isTypeSupported(type));
}

/** The file extension for a recorder's MIME type (audio in MP4 is `.m4a`, as players expect). */
export function recordingExtension(mime: string): 'webm' | 'm4a' | 'ogg' {
  const base = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  if (base.endsWith('/mp4')) return 'm4a';
  if (base.endsWith('/ogg')) return 'ogg';
  return 'webm';
}

/**
 * The recording's file name, from when it started (local time, sortable, no characters a file
 * system refuses).
 * @example recordingFileName(new Date(2026, 11, 1, 9, 5, 7), 'audio/webm;codecs=opus') // 'recording-2026-12-01-090507.webm'
 */
export function recordingFileName(startedAt: Date, mime: string): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const day = `${startedAt.getFullYear()}-${two(startedAt.getMonth() + 1)}-${two(startedAt.getDate())}`;
  const time = `${two(startedAt.getHours())}${two(startedAt.getMinutes())}${two(startedAt.getSeconds())}`;
  return `recording-${day}-${time}.${recordingExtension(mime)}`;
}

/** The MIME type without codec parameters, for the File handed to the pipeline. */
export function recordingFileType(mime: string): string {
  return mime.split(';')[0]?.trim() || 'audio/webm';
}

/**
 * What a failed `getUserMedia` / `getDisplayMedia` / `MediaRecorder` means, by the DOMException's
 * name (https://w3c.github.io/mediacapture-main/#dom-mediadevices-getusermedia): the user or the
 * browser said no, there is no such device, or it is in use / failed to start. Closing the tab
 * picker is a NotAllowedError too, which is why a refused share has its own, milder message.
 */
export function recordingError(caught: unknown, source: RecordingSource): AppError {
  const name = caught instanceof DOMException || caught instanceof Error ? caught.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return appError(source === 'display' ? 'recording-display-denied' : 'recording-denied', caught);
    case 'NotFoundError':
    case 'OverconstrainedError':
      return appError('recording-no-device', caught);
    case 'NotReadableError':
    case 'AbortError':
      return appError('recording-device-busy', caught);
    case 'NotSupportedError':
      return appError('recording-unsupported', caught);
    case 'NoAudioError': // thrown by recording-devices.ts for a share without sound
      return appError('recording-no-audio');
    default:
      return appError('recording-failed', caught);
  }
}

/** What this browser can record from; a source it lacks is not offered. */
export interface RecordingSupport {
  readonly microphone: boolean;
  readonly display: boolean;
}

/** The parts of the browser recording needs, as found (or not) on `globalThis`. */
export interface RecordingEnvironment {
  readonly mediaRecorder: boolean;
  readonly getUserMedia: boolean;
  readonly getDisplayMedia: boolean;
  /** The container chosen by `chooseRecordingMime`, if any. */
  readonly mime: string | undefined;
}

/**
 * Which sources to offer: nothing without MediaRecorder and a container it can write; a tab's
 * audio only where `getDisplayMedia` exists (not on phones, where browsers lack it).
 */
export function recordingSupport(env: RecordingEnvironment): RecordingSupport {
  const canRecord = env.mediaRecorder && env.mime !== undefined;
  return { microphone: canRecord && env.getUserMedia, display: canRecord && env.getDisplayMedia };
}

/**
 * Elapsed time as a clock: `m:ss`, or `h:mm:ss` from an hour on.
 * @example formatElapsed(65_400) // '1:05'
 */
export function formatElapsed(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Quieter than this (RMS, full scale 1) shows as silence on the meter. */
const METER_FLOOR_DB = -60;

/**
 * How loud a block of samples is, for the level meter: RMS in decibels mapped from
 * [-60 dB, 0 dB] onto [0, 1], so speech sits in the middle rather than near zero.
 * @example inputLevel(new Float32Array(128).fill(0.5)) // ≈ 0.9 (−6 dB)
 */
export function inputLevel(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - METER_FLOOR_DB) / -METER_FLOOR_DB));
}
