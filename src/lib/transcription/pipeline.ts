import { SAMPLE_RATE } from '../media/sample-rate.ts';
import { streamAudio, type AudioChunk, type AudioStreamItem } from '../media/media-client.ts';
import type { Cue } from '../subtitles/cue.ts';
import { SILERO_FRAME_SAMPLES } from './vad/silero.ts';
import type { DecodeOptions, EngineOptions, TranscriberEvent } from './transcriber-protocol.ts';
import { detectSpeech, detectWindowLanguage, prepareEngine, recogniseWindow } from './transcriber.ts';
import type { LanguageDetection } from './recognition/language-ranking.ts';
import { WindowPlanner } from './window-planner.ts';

/** ~30 s per decoded chunk, a whole number of VAD frames so probabilities stay on one grid. */
export const CHUNK_SAMPLES = SILERO_FRAME_SAMPLES * 938;
/**
 * Chunks decoded ahead of recognition: about two minutes, a few MB, whatever the file's length.
 * The window planner may need up to 3 unreleased chunks to decide a window, so fewer than 4
 * can deadlock (pipeline-flow.test.ts replays random speech to keep this true).
 */
export const AHEAD_LIMIT = 4;

export interface PipelineOptions {
  readonly audioTrack: number;
  readonly vad: boolean;
  readonly engine: EngineOptions;
  readonly decode: DecodeOptions;
  readonly signal: AbortSignal;
  /** Continues an interrupted run: windows that end by then are decoded and planned, not recognised. */
  readonly resume?: ResumePoint;
}

/** Where an interrupted run stopped: everything before `until` (seconds) is recognised already. */
export interface ResumePoint {
  readonly until: number;
  /** The language that run detected, so no window is detected again (the first one was). */
  readonly language?: string;
  /** Whisper's confidence in it, to show again. */
  readonly probability?: number;
  /** The audio track that run recognised, for a file with several: not asked again. */
  readonly audioTrack?: number;
}

export interface PipelineCallbacks {
  /** Decoding has started; recognition has started (the first window goes to the model). */
  readonly onStage: (stage: 'extracting' | 'transcribing') => void;
  readonly onEngineEvent: (event: TranscriberEvent) => void;
  /** Seconds of audio decoded so far. */
  readonly onExtracted: (seconds: number) => void;
  /** Seconds of the stream decided so far (recognised or skipped as silence). */
  readonly onRecognised: (seconds: number) => void;
  readonly onCues: (cues: readonly Cue[]) => void;
  /** Each decoded chunk, in order, before it is handed on (for the WAV export). */
  readonly onAudio?: (pcm: Float32Array) => void;
  /**
   * Waveform peaks (max |sample| per 10 ms, media/peaks.ts) of each decoded chunk, from peak
   * `startPeak`: in order, before that chunk is recognised, and once more at the end for the
   * stream's final partial 10 ms. Computed by the media worker while it decodes.
   */
  readonly onPeaks?: (peaks: Float32Array, startPeak: number) => void;
  /** The spoken language Whisper detected on the first speech (only when none was chosen). */
  readonly onLanguage?: (detection: LanguageDetection | undefined) => void;
  /** Lines the repetition guard removed or trimmed. */
  readonly onLoops?: (count: number) => void;
}

export interface PipelineEnd {
  /** Seconds of audio the file gave. */
  readonly seconds: number;
  /** ffmpeg's words when decoding stopped early on damage. */
  readonly damage?: string;
}

/**
 * File → PCM chunks → (VAD) → windows → cues. Extraction runs ahead of recognition in the media
 * worker, bounded by flow control; each chunk is released once every window before its end
 * has been decided, so memory stays flat.
 */
export async function transcribeStream(file: File, options: PipelineOptions, callbacks: PipelineCallbacks): Promise<PipelineEnd> {
  // Stops the decoder when this run ends for any reason (it would otherwise wait for releases).
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const planner = new WindowPlanner(options.vad);
  const held: HeldChunk[] = [];
  const run: RunState = { options: { ...options, signal }, language: options.decode.language ?? options.resume?.language };
  let end: PipelineEnd | undefined;
  try {
    callbacks.onStage('extracting');
    const stream = streamAudio(file, { audioTrack: options.audioTrack, chunkSamples: CHUNK_SAMPLES, aheadLimit: AHEAD_LIMIT, signal });
    const items = stream[Symbol.asyncIterator]();
    // The model loads once audio is known to come out (a file that fails to decode downloads
    // nothing); decoding goes on meanwhile, so the next chunks are ready when the model is.
    // The first chunk's peaks go out at once, so the waveform draws while the model loads.
    const first = await nextItem(items, callbacks);
    await prepareEngine(options.engine, { signal, onEvent: callbacks.onEngineEvent });
    callbacks.onStage('transcribing');
    for (let next = first; !next.done; next = await nextItem(items, callbacks)) {
      const item = next.value;
      if (item.type === 'chunk') {
        const chunkEnd = item.chunk.startSample + item.chunk.pcm.length;
        held.push({ end: chunkEnd, release: item.chunk.release });
        callbacks.onAudio?.(item.chunk.pcm);
        await takeChunk(item.chunk, planner, run.options);
        callbacks.onExtracted(chunkEnd / SAMPLE_RATE);
      } else {
        planner.end();
        end = { seconds: item.samples / SAMPLE_RATE, damage: item.damage };
      }
      await recogniseReady(planner, run, callbacks, held);
    }
  } finally {
    stop.abort();
  }
  return end ?? { seconds: planner.position / SAMPLE_RATE };
}

/** The stream's next item, its peaks handed on first (before the chunk is recognised). */
async function nextItem(items: AsyncIterator<AudioStreamItem>, callbacks: PipelineCallbacks): Promise<IteratorResult<AudioStreamItem>> {
  const next = await items.next();
  if (next.done) return next;
  const { peaks, startPeak } = next.value.type === 'chunk' ? next.value.chunk : next.value;
  if (peaks.length > 0) callbacks.onPeaks?.(peaks, startPeak);
  return next;
}

/** A chunk the planner still needs: released (so the decoder may go on) once decided. */
interface HeldChunk {
  readonly end: number;
  readonly release: () => void;
}

async function takeChunk(chunk: AudioChunk, planner: WindowPlanner, options: PipelineOptions): Promise<void> {
  planner.append(chunk.pcm);
  if (!options.vad) return;
  // The planner copied the samples, so the chunk's own buffer can move to the VAD.
  planner.appendSpeech(await detectSpeech(chunk.pcm, chunk.startSample === 0, options.signal));
}

/** One file's run: its options (with the run's own signal) and the language once decided. */
interface RunState {
  readonly options: PipelineOptions;
  language: string | undefined;
}

async function recogniseReady(planner: WindowPlanner, run: RunState, callbacks: PipelineCallbacks, held: HeldChunk[]) {
  const { options } = run;
  for (let window = planner.next(); window; window = planner.next()) {
    if (options.resume && window.start + window.pcm.length <= Math.round(options.resume.until * SAMPLE_RATE)) {
      // Recognised before the interruption (its cues are in the saved transcript): planning
      // the same windows from the same decode keeps every later window as it was.
      callbacks.onRecognised(planner.position / SAMPLE_RATE);
      releaseDecided(planner.position, held);
      continue;
    }
    run.language ??= await detect(window.pcm, options.signal, callbacks);
    const decode = { ...options.decode, language: run.language };
    const { cues, loops } = await recogniseWindow(window.pcm, window.start / SAMPLE_RATE, window.segments, decode, { signal: options.signal, onEvent: callbacks.onEngineEvent });
    if (loops > 0) callbacks.onLoops?.(loops);
    callbacks.onCues(cues);
    callbacks.onRecognised(planner.position / SAMPLE_RATE);
    releaseDecided(planner.position, held);
  }
  callbacks.onRecognised(planner.position / SAMPLE_RATE);
  releaseDecided(planner.position, held);
}

/**
 * The engine's language detection on the first window (speech, with VAD on), when the user chose
 * no language: decided once per file, so every window speaks the same language. English-only
 * Whisper models have nothing to detect.
 */
async function detect(pcm: Float32Array, signal: AbortSignal, callbacks: PipelineCallbacks): Promise<string> {
  const detection = await detectWindowLanguage(pcm.slice(), { signal, onEvent: callbacks.onEngineEvent });
  callbacks.onLanguage?.(detection);
  return detection?.language ?? 'en';
}

/** Lets the decoder run on once the planner no longer needs a chunk's samples. */
function releaseDecided(position: number, held: HeldChunk[]): void {
  while (held[0] && held[0].end <= position) held.shift()?.release();
}
