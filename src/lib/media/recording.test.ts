import { describe, expect, it } from 'vitest';
import {
  chooseRecordingMime,
  formatElapsed,
  inputLevel,
  RECORDING_MIME_TYPES,
  recordingError,
  recordingExtension,
  recordingFileName,
  recordingFileType,
  recordingSupport,
} from './recording.ts';
import { NoAudioError } from './recording-devices.ts';

describe('chooseRecordingMime', () => {
  it('takes WebM/Opus first where the browser writes it (Chromium, Firefox)', () => {
    expect(chooseRecordingMime(() => true)).toBe('audio/webm;codecs=opus');
  });

  it('falls back to MP4 where WebM is not written (Safari)', () => {
    const safari = new Set(['audio/mp4', 'audio/mp4;codecs=mp4a.40.2']);
    expect(chooseRecordingMime((type) => safari.has(type))).toBe('audio/mp4;codecs=mp4a.40.2');
    expect(chooseRecordingMime((type) => type === 'audio/mp4')).toBe('audio/mp4');
  });

  it('asks in order and stops at the first yes; none when nothing is supported', () => {
    const asked: string[] = [];
    expect(chooseRecordingMime((type) => (asked.push(type), type === 'audio/webm'))).toBe('audio/webm');
    expect(asked).toEqual(['audio/webm;codecs=opus', 'audio/webm']);
    expect(chooseRecordingMime(() => false)).toBeUndefined();
  });

  it('offers only containers the pipeline reads (WebM, MP4, Ogg)', () => {
    for (const type of RECORDING_MIME_TYPES) expect(['webm', 'm4a', 'ogg']).toContain(recordingExtension(type));
  });
});

describe('the recording file', () => {
  it('is named after when it started, in local time, with the container’s extension', () => {
    const started = new Date(2026, 11, 1, 9, 5, 7);
    expect(recordingFileName(started, 'audio/webm;codecs=opus')).toBe('recording-2026-12-01-090507.webm');
    expect(recordingFileName(started, 'audio/mp4;codecs=mp4a.40.2')).toBe('recording-2026-12-01-090507.m4a');
    expect(recordingFileName(started, 'audio/ogg;codecs=opus')).toBe('recording-2026-12-01-090507.ogg');
    expect(recordingFileName(started, 'video/webm;codecs=vp8,opus')).toBe('recording-2026-12-01-090507.webm');
  });

  it('has the MIME type without codec parameters', () => {
    expect(recordingFileType('audio/webm;codecs=opus')).toBe('audio/webm');
    expect(recordingFileType('audio/mp4')).toBe('audio/mp4');
    expect(recordingFileType('')).toBe('audio/webm');
  });
});

describe('recordingError', () => {
  const dom = (name: string) => new DOMException('browser words', name);

  it('tells a refusal, a missing device and a busy device apart', () => {
    expect(recordingError(dom('NotAllowedError'), 'microphone')).toEqual({ code: 'recording-denied', detail: 'browser words' });
    expect(recordingError(dom('SecurityError'), 'microphone').code).toBe('recording-denied');
    expect(recordingError(dom('NotFoundError'), 'microphone').code).toBe('recording-no-device');
    expect(recordingError(dom('OverconstrainedError'), 'microphone').code).toBe('recording-no-device');
    expect(recordingError(dom('NotReadableError'), 'microphone').code).toBe('recording-device-busy');
    expect(recordingError(dom('AbortError'), 'microphone').code).toBe('recording-device-busy');
  });

  it('reads a closed tab picker as "nothing shared", not as a blocked microphone', () => {
    expect(recordingError(dom('NotAllowedError'), 'display').code).toBe('recording-display-denied');
  });

  it('names a share without sound, an unsupported container, and anything else', () => {
    expect(recordingError(new NoAudioError('no track'), 'display')).toEqual({ code: 'recording-no-audio' });
    expect(recordingError(dom('NotSupportedError'), 'microphone').code).toBe('recording-unsupported');
    expect(recordingError(new TypeError('odd'), 'microphone')).toEqual({ code: 'recording-failed', detail: 'odd' });
    expect(recordingError('??', 'microphone')).toEqual({ code: 'recording-failed', detail: '??' });
  });
});

describe('recordingSupport', () => {
  const full = { mediaRecorder: true, getUserMedia: true, getDisplayMedia: true, mime: 'audio/webm' };

  it('offers both sources in a desktop browser', () => {
    expect(recordingSupport(full)).toEqual({ microphone: true, display: true });
  });

  it('hides the tab source where getDisplayMedia is missing (phones)', () => {
    expect(recordingSupport({ ...full, getDisplayMedia: false })).toEqual({ microphone: true, display: false });
  });

  it('offers nothing without MediaRecorder or a container it writes', () => {
    expect(recordingSupport({ ...full, mediaRecorder: false })).toEqual({ microphone: false, display: false });
    expect(recordingSupport({ ...full, mime: undefined })).toEqual({ microphone: false, display: false });
  });
});

describe('formatElapsed', () => {
  it('reads as a clock, with hours only from an hour on', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(999)).toBe('0:00');
    expect(formatElapsed(65_400)).toBe('1:05');
    expect(formatElapsed(3_600_000 + 62_000)).toBe('1:01:02');
    expect(formatElapsed(-5)).toBe('0:00');
    expect(formatElapsed(Number.NaN)).toBe('0:00');
  });
});

describe('inputLevel', () => {
  it('is 0 for silence and for nothing, 1 at full scale', () => {
    expect(inputLevel(new Float32Array(0))).toBe(0);
    expect(inputLevel(new Float32Array(256))).toBe(0);
    expect(inputLevel(new Float32Array(256).fill(1))).toBe(1);
  });

  it('maps decibels, so speech (about −30 dB) sits mid-scale rather than near zero', () => {
    expect(inputLevel(new Float32Array(256).fill(10 ** (-30 / 20)))).toBeCloseTo(0.5, 5);
    expect(inputLevel(new Float32Array(256).fill(0.5))).toBeCloseTo(1 - 6.0206 / 60, 3);
    expect(inputLevel(new Float32Array(256).fill(1e-4))).toBe(0); // −80 dB: below the floor
  });

  it('grows with loudness', () => {
    const levels = [0.001, 0.01, 0.1, 0.5].map((a) => inputLevel(new Float32Array(64).fill(a)));
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
    expect(new Set(levels).size).toBe(levels.length);
  });
});
