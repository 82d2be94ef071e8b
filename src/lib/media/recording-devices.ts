import {
  chooseRecordingMime,
  inputLevel,
  RECORDING_BITS_PER_SECOND,
  RECORDING_TIMESLICE_MS,
  type RecordingEnvironment,
  type RecordingSource,
} from './recording.ts';

/**
 * The browser side of recording: opening the microphone or a shared tab, MediaRecorder, and the
 * level meter. Thin on purpose; the rules are in `recording.ts` and the state in
 * `state/recording.svelte.ts`, which is tested with stand-ins for what is here.
 */

/** What a live recording tells its owner without being asked. */
export interface RecordingEvents {
  /** The source ended on its own: the user stopped sharing, or the microphone went away. */
  readonly onEnded: () => void;
  /** MediaRecorder failed mid-way. */
  readonly onError: (error: unknown) => void;
}

/** A recording in progress. */
export interface LiveRecording {
  /** The container the recorder really writes (it may add codec parameters to what was asked). */
  readonly mime: string;
  /** The input's loudness now, 0–1 (0 where no meter could be made). */
  level(): number;
  /** Stops the recorder and every track; resolves with all that was recorded. */
  finish(): Promise<Blob>;
}

/** Chromium's further `getDisplayMedia` options (https://w3c.github.io/mediacapture-screen-share/), not in TypeScript's DOM types yet. */
interface DisplayOptions extends DisplayMediaStreamOptions {
  readonly systemAudio?: 'include' | 'exclude';
  readonly selfBrowserSurface?: 'include' | 'exclude';
}

/** What this browser offers for recording. */
export function recordingEnvironment(): RecordingEnvironment {
  const hasRecorder = typeof MediaRecorder === 'function';
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  return {
    mediaRecorder: hasRecorder,
    getUserMedia: typeof devices?.getUserMedia === 'function',
    getDisplayMedia: typeof devices?.getDisplayMedia === 'function',
    mime: hasRecorder ? chooseRecordingMime((type) => MediaRecorder.isTypeSupported(type)) : undefined,
  };
}

/** Asks for the source's stream; throws the browser's DOMException (see `recordingError`). */
async function openStream(source: RecordingSource): Promise<MediaStream> {
  if (source === 'microphone') return navigator.mediaDevices.getUserMedia({ audio: true });
  // Browsers share a tab's audio only together with its picture; the picture is not recorded.
  const options: DisplayOptions = { audio: true, video: true, systemAudio: 'include', selfBrowserSurface: 'exclude' };
  return navigator.mediaDevices.getDisplayMedia(options);
}

/** Error thrown when a shared tab or screen came without sound: its name is the code's cue. */
export class NoAudioError extends Error {
  override readonly name = 'NoAudioError';
}

/**
 * Opens the source and starts recording its sound into `mime`.
 * @example const live = await startRecording('microphone', 'audio/webm;codecs=opus', { onEnded, onError });
 */
export async function startRecording(source: RecordingSource, mime: string, events: RecordingEvents): Promise<LiveRecording> {
  const stream = await openStream(source);
  const stopTracks = (): void => stream.getTracks().forEach((track) => track.stop());
  const audio = stream.getAudioTracks();
  if (audio.length === 0) {
    stopTracks();
    throw new NoAudioError('the shared source has no audio track');
  }
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(new MediaStream(audio), { mimeType: mime, audioBitsPerSecond: RECORDING_BITS_PER_SECOND });
  } catch (caught) {
    stopTracks();
    throw caught;
  }
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  });
  recorder.addEventListener('error', (event) => events.onError(event instanceof ErrorEvent ? event.error : event));
  // Any track ending (the browser's "Stop sharing", an unplugged microphone) ends the recording.
  for (const track of stream.getTracks()) track.addEventListener('ended', () => events.onEnded(), { once: true });
  const meter = openMeter(stream);
  recorder.start(RECORDING_TIMESLICE_MS);
  let finished: Promise<Blob> | undefined;
  return {
    mime: recorder.mimeType || mime,
    level: meter.level,
    finish: () =>
      (finished ??= new Promise<Blob>((resolve) => {
        const done = (): void => {
          meter.close();
          stopTracks();
          resolve(new Blob(chunks, { type: recorder.mimeType || mime }));
        };
        if (recorder.state === 'inactive') return done();
        recorder.addEventListener('stop', done, { once: true });
        recorder.stop();
      })),
  };
}

interface Meter {
  level(): number;
  close(): void;
}

/** An analyser on the stream for the level meter; a silent one where Web Audio is missing or refuses. */
function openMeter(stream: MediaStream): Meter {
  const silent: Meter = { level: () => 0, close: () => {} };
  if (typeof AudioContext !== 'function') return silent;
  let context: AudioContext;
  let analyser: AnalyserNode;
  try {
    context = new AudioContext();
    analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
  } catch {
    return silent; // the meter is a nicety: recording goes on without it
  }
  const samples = new Float32Array(analyser.fftSize);
  return {
    level: () => {
      analyser.getFloatTimeDomainData(samples);
      return inputLevel(samples);
    },
    close: () => void context.close(),
  };
}
