import { SAMPLE_RATE } from '../../media/sample-rate.ts';
/** A stretch of audio, in samples, end exclusive. */
export interface SampleRange {
  readonly start: number;
  readonly end: number;
}

/** How frame probabilities become speech segments; every field has a default. */
export interface SpeechSegmentOptions {
  /** A frame at or above this starts (or continues) speech. Silero's default. */
  readonly positiveThreshold?: number;
  /** Speech ends only after frames below this; between the two thresholds nothing changes. */
  readonly negativeThreshold?: number;
  /** Shorter detections (before padding) are dropped as clicks and breaths. */
  readonly minSpeechMs?: number;
  /** Quiet this long ends a segment; shorter pauses stay inside it. */
  readonly minSilenceMs?: number;
  /** Added on both sides so word onsets and trailing consonants aren't clipped. */
  readonly speechPadMs?: number;
  readonly sampleRate?: number;
  readonly frameSamples?: number;
  /** Length of the audio, to clamp the last segment; defaults to frames × frameSamples. */
  readonly totalSamples?: number;
}

type SegmentSettings = Required<Omit<SpeechSegmentOptions, 'totalSamples'>>;

/** Defaults: Silero's thresholds; silence and padding longer than Silero's so Whisper gets whole phrases. */
export const SPEECH_SEGMENT_DEFAULTS: SegmentSettings = {
  positiveThreshold: 0.5,
  negativeThreshold: 0.35,
  minSpeechMs: 250,
  minSilenceMs: 400,
  speechPadMs: 250,
  sampleRate: SAMPLE_RATE,
  frameSamples: 512,
};

/**
 * Turns per-frame speech probabilities into padded speech segments (samples, sorted, merged
 * where the padding overlaps), with the hysteresis of silero-vad's `get_speech_timestamps`. Pure.
 *
 * @example
 * const probabilities = await vad.speechProbabilities(pcm);
 * speechSegments(probabilities, { totalSamples: pcm.length }); // [{ start, end }, …] in samples
 */
export function speechSegments(probabilities: Float32Array, options: SpeechSegmentOptions = {}): SampleRange[] {
  const settings: SegmentSettings = { ...SPEECH_SEGMENT_DEFAULTS, ...options };
  const totalSamples = options.totalSamples ?? probabilities.length * settings.frameSamples;
  const pad = msToSamples(settings.speechPadMs, settings.sampleRate);
  const padded: SampleRange[] = [];
  for (const raw of rawSegments(probabilities, settings, totalSamples)) {
    const start = Math.max(0, raw.start - pad);
    const end = Math.min(totalSamples, raw.end + pad);
    const last = padded.at(-1);
    if (last && start <= last.end) padded[padded.length - 1] = { start: last.start, end: Math.max(last.end, end) };
    else padded.push({ start, end });
  }
  return padded;
}

/** Unpadded segments: start at the first loud frame, end where the silence that ended it began. */
function rawSegments(probabilities: Float32Array, settings: SegmentSettings, totalSamples: number): SampleRange[] {
  const { frameSamples, sampleRate } = settings;
  const minSpeech = msToSamples(settings.minSpeechMs, sampleRate);
  const minSilence = msToSamples(settings.minSilenceMs, sampleRate);
  const segments: SampleRange[] = [];
  const keep = (start: number, end: number) => {
    if (end - start >= minSpeech) segments.push({ start, end: Math.min(end, totalSamples) });
  };
  let speechStart: number | undefined;
  let silenceStart: number | undefined;
  probabilities.forEach((probability, index) => {
    const at = index * frameSamples;
    if (probability >= settings.positiveThreshold) {
      speechStart ??= at;
      silenceStart = undefined;
      return;
    }
    if (speechStart === undefined || probability >= settings.negativeThreshold) return;
    silenceStart ??= at;
    if (at + frameSamples - silenceStart < minSilence) return;
    keep(speechStart, silenceStart);
    speechStart = silenceStart = undefined;
  });
  // Speech running to the end of the audio ends with it (silence too short to count included).
  if (speechStart !== undefined) keep(speechStart, totalSamples);
  return segments;
}

function msToSamples(ms: number, sampleRate: number): number {
  return Math.round((ms * sampleRate) / 1000);
}
