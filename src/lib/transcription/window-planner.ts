import { SAMPLE_RATE } from '../media/sample-rate.ts';
import { planFixedChunks, planSpeechChunks } from './vad/speech-chunks.ts';
import { speechSegments, type SampleRange } from './vad/speech-segments.ts';
import { SILERO_FRAME_SAMPLES } from './vad/silero.ts';

/** A window for the engine, in absolute samples of the stream, with its audio. */
export interface PlannedWindow {
  readonly start: number;
  readonly end: number;
  readonly pcm: Float32Array;
  /** Its speech, in samples of `pcm`, sorted: VAD's segments inside the window, or the whole window without VAD. */
  readonly segments: readonly SampleRange[];
}

const WINDOW_SAMPLES = 30 * SAMPLE_RATE;
/** A speech window is final once this much audio after it is known: a later segment could join it otherwise. */
const SETTLE_SAMPLES = 4 * SAMPLE_RATE;
/** Kept before new audio when the buffer held no speech: a word starting right at the edge keeps its onset. */
const KEEP_AFTER_SILENCE = SAMPLE_RATE;

/**
 * Cuts a stream of PCM (arriving in chunks) into the windows Whisper decodes, holding only the
 * audio not yet decoded. With VAD, windows cover speech only and end in pauses; without, they
 * tile the stream and end at the quietest moment near 30 s. Pure (no I/O).
 *
 * @example
 * planner.append(chunk); planner.appendSpeech(probabilities);
 * for (let w = planner.next(); w; w = planner.next()) decode(w);
 */
export class WindowPlanner {
  readonly #vad: boolean;
  #pcm: Float32Array = new Float32Array(0);
  /** Absolute sample index of `#pcm[0]`. */
  #start = 0;
  #speech: Float32Array = new Float32Array(0);
  /** Absolute frame index of `#speech[0]`. */
  #speechFrame = 0;
  #ended = false;

  constructor(vad: boolean) {
    this.#vad = vad;
  }

  /** Absolute sample up to which everything is decided (decoded or skipped). */
  get position(): number {
    return this.#start;
  }

  get finished(): boolean {
    return this.#ended && this.#pcm.length === 0;
  }

  append(pcm: Float32Array): void {
    this.#pcm = concat(this.#pcm, pcm);
  }

  /** Speech probabilities for the next frames of the stream (one per 512 samples). */
  appendSpeech(probabilities: Float32Array): void {
    this.#speech = concat(this.#speech, probabilities);
  }

  /** No more audio will come. */
  end(): void {
    this.#ended = true;
  }

  /** The next window when it is decided, else undefined (more audio needed, or finished). */
  next(): PlannedWindow | undefined {
    return this.#vad ? this.#nextSpeechWindow() : this.#nextFixedWindow();
  }

  #nextFixedWindow(): PlannedWindow | undefined {
    if (this.#pcm.length === 0 || (!this.#ended && this.#pcm.length <= WINDOW_SAMPLES)) return undefined;
    const [first] = planFixedChunks(this.#pcm.subarray(0, Math.min(this.#pcm.length, 2 * WINDOW_SAMPLES)));
    return first ? this.#take(first.start, first.end, [first]) : undefined;
  }

  #nextSpeechWindow(): PlannedWindow | undefined {
    const frameOffset = this.#speechFrame * SILERO_FRAME_SAMPLES - this.#start; // ≤ 0
    const known = Math.min(this.#pcm.length, frameOffset + this.#speech.length * SILERO_FRAME_SAMPLES);
    const complete = this.#ended && known >= this.#pcm.length;
    const segments = speechSegments(this.#speech).map((s) => ({
      start: Math.max(0, s.start + frameOffset),
      end: Math.min(known, s.end + frameOffset),
    }));
    const [first] = planSpeechChunks(segments, known, { pcm: this.#pcm.subarray(0, known) });
    if (!first) {
      // No speech in what is known: skip it, never decode silence.
      this.#drop(complete ? this.#pcm.length : Math.max(0, known - KEEP_AFTER_SILENCE));
      return undefined;
    }
    const settled = complete || first.end - first.start >= WINDOW_SAMPLES || first.end + SETTLE_SAMPLES <= known;
    return settled ? this.#take(first.start, first.end, segments) : undefined;
  }

  /** Hands out [from, to) of the buffer, with the parts of `speech` inside it, and forgets everything before `to`. */
  #take(from: number, to: number, speech: readonly SampleRange[]): PlannedWindow {
    const window = { start: this.#start + from, end: this.#start + to, pcm: this.#pcm.slice(from, to), segments: clipRanges(speech, from, to) };
    this.#drop(to);
    return window;
  }

  #drop(samples: number): void {
    if (samples <= 0) return;
    this.#pcm = this.#pcm.slice(samples);
    this.#start += samples;
    const frames = Math.max(0, Math.floor(this.#start / SILERO_FRAME_SAMPLES) - this.#speechFrame);
    this.#speech = this.#speech.slice(Math.min(frames, this.#speech.length));
    this.#speechFrame += frames;
  }
}

/** The ranges' parts inside [from, to), relative to `from`. Pure. */
function clipRanges(ranges: readonly SampleRange[], from: number, to: number): SampleRange[] {
  return ranges
    .map((range) => ({ start: Math.max(range.start, from) - from, end: Math.min(range.end, to) - from }))
    .filter((range) => range.end > range.start);
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  if (a.length === 0) return b.slice();
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
