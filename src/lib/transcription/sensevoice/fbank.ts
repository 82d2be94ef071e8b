/**
 * Kaldi-compatible log-mel filter bank, exactly as sherpa-onnx computes it for SenseVoice.
 *
 * sherpa-onnx (offline-recognizer-sense-voice-impl.h, `InitFeatConfig`) runs kaldi-native-fbank's
 * `OnlineFbank` with its `FeatureExtractorConfig` defaults, except: window "hamming", high_freq 0
 * (the Nyquist frequency), snip_edges true, and the samples scaled by 32768 when the model's
 * `normalize_samples` metadata is 0 (offline-stream.cc, `AcceptWaveform`). The options that apply,
 * from kaldi-native-fbank (feature-window.h, feature-fbank.h, mel-computations.h):
 * 16 kHz, 25 ms frames (400 samples) every 10 ms (160), dither 0, DC offset removed, pre-emphasis
 * 0.97, FFT padded to 512, power spectrum, 80 triangular bins on the HTK mel scale from 20 Hz to
 * 8 kHz, no energy term, log floored at FLT_EPSILON. kaldi-native-fbank works in float32, and so
 * does this, step for step (float32 arrays and `Math.fround`, the same kissfft butterflies in
 * kiss-fftr.ts): float64 maths would differ from it by up to 1e-3 in quiet frames and empty bins.
 */
import { SAMPLE_RATE } from '../../media/sample-rate.ts';
import { kissFftr, type KissFftr } from './kiss-fftr.ts';

/** The fixed front-end facts of SenseVoice (FunASR's WavFrontend config, as sherpa-onnx applies it). */
export const FBANK = {
  bins: 80,
  frameLength: 400,
  frameShift: 160,
  fftSize: 512,
  lowFreq: 20,
  /** 0 means "the Nyquist frequency" in Kaldi's options. */
  highFreq: SAMPLE_RATE / 2,
  preemphasis: Math.fround(0.97),
  /** Kaldi floors the mel energies at FLT_EPSILON before the log. */
  logFloor: 1.1920928955078125e-7,
  /** normalize_samples = 0: sherpa-onnx feeds kaldi-native-fbank samples in [-32768, 32767]. */
  sampleScale: 32768,
} as const;

export interface FbankOptions {
  /** The model's `normalize_samples` metadata: true feeds [-1, 1] samples unscaled. Default false. */
  readonly normalizeSamples?: boolean;
}

export interface Fbank {
  /** frames × FBANK.bins, row-major */
  readonly features: Float32Array;
  readonly frames: number;
}

/** Frames Kaldi makes of `samples` with snip_edges: only whole frames, the first at sample 0. */
export function fbankFrameCount(samples: number): number {
  return samples < FBANK.frameLength ? 0 : 1 + Math.floor((samples - FBANK.frameLength) / FBANK.frameShift);
}

const f = Math.fround;

interface MelBin {
  readonly first: number;
  readonly weights: Float64Array;
}

/** kaldi-native-fbank's `MelScale` in float32: 1127 · logf(1 + f / 700), every step rounded. */
const melScale = (hz: number): number => f(1127 * f(Math.log(f(1 + f(hz / 700)))));

/** kaldi-native-fbank's `InitKaldiMelBanks`: triangles over FFT bins 0 … fftSize/2 − 1, in float32. */
function melBanks(): MelBin[] {
  const fftBins = FBANK.fftSize / 2;
  const binWidth = f(SAMPLE_RATE / FBANK.fftSize);
  const low = melScale(FBANK.lowFreq);
  const high = melScale(FBANK.highFreq);
  const delta = f(f(high - low) / (FBANK.bins + 1));
  const bins: MelBin[] = [];
  for (let bin = 0; bin < FBANK.bins; bin++) {
    const left = f(low + f(bin * delta));
    const center = f(low + f((bin + 1) * delta));
    const right = f(low + f((bin + 2) * delta));
    const weights: number[] = [];
    let first = -1;
    for (let i = 0; i < fftBins; i++) {
      const mel = melScale(f(binWidth * i));
      if (mel <= left || mel >= right) continue;
      if (first < 0) first = i;
      weights[i - first] = mel <= center ? f(f(mel - left) / f(center - left)) : f(f(right - mel) / f(right - center));
    }
    bins.push({ first, weights: Float64Array.from(weights, (w) => w ?? 0) });
  }
  return bins;
}

/** Kaldi's "hamming" window: 0.54 − 0.46·cos(2πi / (N − 1)), stored as float32. */
function hammingWindow(n: number): Float64Array {
  const a = (2 * Math.PI) / (n - 1);
  return Float64Array.from({ length: n }, (_, i) => Math.fround(0.54 - 0.46 * Math.cos(a * i)));
}

let tables: { window: Float64Array; mel: MelBin[]; fft: KissFftr } | undefined;

function getTables(): NonNullable<typeof tables> {
  tables ??= { window: hammingWindow(FBANK.frameLength), mel: melBanks(), fft: kissFftr(FBANK.fftSize) };
  return tables;
}

/**
 * kaldi-native-fbank's `ProcessWindow` in float32: DC offset removed (a float running sum),
 * pre-emphasis with d[0] −= 0.97·d[0], the window; into `frame`, zero-padded to the FFT size.
 */
function processFrame(samples: Float32Array, start: number, scale: number, frame: Float32Array): void {
  const { window } = getTables();
  const n = FBANK.frameLength;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    frame[i] = (samples[start + i] ?? 0) * scale;
    sum = f(sum + (frame[i] ?? 0));
  }
  const mean = f(sum / n);
  for (let i = 0; i < n; i++) frame[i] = (frame[i] ?? 0) - mean;
  for (let i = n - 1; i > 0; i--) frame[i] = (frame[i] ?? 0) - f(FBANK.preemphasis * (frame[i - 1] ?? 0));
  frame[0] = (frame[0] ?? 0) - f(FBANK.preemphasis * (frame[0] ?? 0));
  for (let i = 0; i < n; i++) frame[i] = (frame[i] ?? 0) * (window[i] ?? 0);
  frame.fill(0, n);
}

/**
 * 80-bin log-mel fbank of 16 kHz mono PCM in [-1, 1], as sherpa-onnx computes it for SenseVoice.
 *
 * @example
 * const { features, frames } = computeFbank(pcm); // features: frames × 80
 */
export function computeFbank(pcm: Float32Array, options: FbankOptions = {}): Fbank {
  const { mel, fft } = getTables();
  const scale = options.normalizeSamples ? 1 : FBANK.sampleScale;
  const frames = fbankFrameCount(pcm.length);
  const features = new Float32Array(frames * FBANK.bins);
  const frame = new Float32Array(FBANK.fftSize); // float32 storage rounds every step as Kaldi does
  const power = new Float32Array(FBANK.fftSize / 2);
  for (let t = 0; t < frames; t++) {
    processFrame(pcm, t * FBANK.frameShift, scale, frame);
    fft.power(frame, power);
    for (let b = 0; b < FBANK.bins; b++) {
      const bin = mel[b];
      if (!bin) continue;
      let energy = 0;
      for (let k = 0; k < bin.weights.length; k++) energy = f(energy + f((bin.weights[k] ?? 0) * (power[bin.first + k] ?? 0)));
      features[t * FBANK.bins + b] = Math.log(Math.max(energy, FBANK.logFloor));
    }
  }
  return { features, frames };
}
