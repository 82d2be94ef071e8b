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
 * 8 kHz, no energy term, log floored at FLT_EPSILON. kaldi-native-fbank works in float32; the
 * constants it stores as float32 are rounded the same way here (`Math.fround`), the arithmetic is
 * float64, which keeps the result within 1e-5 of it.
 */
import { SAMPLE_RATE } from '../../media/sample-rate.ts';

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

interface MelBin {
  readonly first: number;
  readonly weights: Float64Array;
}

const melScale = (hz: number): number => Math.fround(1127 * Math.log(1 + hz / 700));

/** kaldi-native-fbank's `InitKaldiMelBanks`: triangles over FFT bins 0 … fftSize/2 − 1, in float32. */
function melBanks(): MelBin[] {
  const fftBins = FBANK.fftSize / 2;
  const binWidth = Math.fround(SAMPLE_RATE / FBANK.fftSize);
  const low = melScale(FBANK.lowFreq);
  const high = melScale(FBANK.highFreq);
  const delta = Math.fround((high - low) / (FBANK.bins + 1));
  const bins: MelBin[] = [];
  for (let bin = 0; bin < FBANK.bins; bin++) {
    const left = Math.fround(low + bin * delta);
    const center = Math.fround(low + (bin + 1) * delta);
    const right = Math.fround(low + (bin + 2) * delta);
    const weights: number[] = [];
    let first = -1;
    for (let i = 0; i < fftBins; i++) {
      const mel = melScale(Math.fround(binWidth * i));
      if (mel <= left || mel >= right) continue;
      if (first < 0) first = i;
      const w = mel <= center ? (mel - left) / (center - left) : (right - mel) / (right - center);
      weights[i - first] = Math.fround(w);
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

let tables: { window: Float64Array; mel: MelBin[]; cos: Float64Array; sin: Float64Array; rev: Uint16Array } | undefined;

function getTables(): NonNullable<typeof tables> {
  if (tables) return tables;
  const n = FBANK.fftSize;
  const cos = new Float64Array(n / 2);
  const sin = new Float64Array(n / 2);
  for (let k = 0; k < n / 2; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = -Math.sin((2 * Math.PI * k) / n);
  }
  const bits = Math.log2(n);
  const rev = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    rev[i] = r;
  }
  tables = { window: hammingWindow(FBANK.frameLength), mel: melBanks(), cos, sin, rev };
  return tables;
}

/** In-place radix-2 complex FFT of (re, im), length FBANK.fftSize. */
function fft(re: Float64Array, im: Float64Array): void {
  const { cos, sin, rev } = getTables();
  const n = re.length;
  for (let i = 0; i < n; i++) {
    const j = rev[i] ?? 0;
    if (j <= i) continue;
    const tr = re[i] ?? 0;
    re[i] = re[j] ?? 0;
    re[j] = tr;
    const ti = im[i] ?? 0;
    im[i] = im[j] ?? 0;
    im[j] = ti;
  }
  for (let size = 2; size <= n; size *= 2) {
    const half = size / 2;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step] ?? 0;
        const wi = sin[k * step] ?? 0;
        const a = start + k;
        const b = a + half;
        const xr = (re[b] ?? 0) * wr - (im[b] ?? 0) * wi;
        const xi = (re[b] ?? 0) * wi + (im[b] ?? 0) * wr;
        re[b] = (re[a] ?? 0) - xr;
        im[b] = (im[a] ?? 0) - xi;
        re[a] = (re[a] ?? 0) + xr;
        im[a] = (im[a] ?? 0) + xi;
      }
    }
  }
}

/**
 * Windows one frame the way kaldi-native-fbank's `ProcessWindow` does (DC removal,
 * pre-emphasis with d[0] −= 0.97·d[0], window) into `re`, zero-padded to the FFT size.
 */
function processFrame(samples: Float32Array, start: number, scale: number, re: Float64Array, im: Float64Array): void {
  const { window } = getTables();
  const n = FBANK.frameLength;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.fround((samples[start + i] ?? 0) * scale);
  const mean = sum / n;
  for (let i = 0; i < n; i++) re[i] = Math.fround((samples[start + i] ?? 0) * scale) - mean;
  for (let i = n - 1; i > 0; i--) re[i] = (re[i] ?? 0) - FBANK.preemphasis * (re[i - 1] ?? 0);
  re[0] = (re[0] ?? 0) - FBANK.preemphasis * (re[0] ?? 0);
  for (let i = 0; i < n; i++) re[i] = (re[i] ?? 0) * (window[i] ?? 0);
  re.fill(0, n);
  im.fill(0);
}

/**
 * 80-bin log-mel fbank of 16 kHz mono PCM in [-1, 1], as sherpa-onnx computes it for SenseVoice.
 *
 * @example
 * const { features, frames } = computeFbank(pcm); // features: frames × 80
 */
export function computeFbank(pcm: Float32Array, options: FbankOptions = {}): Fbank {
  const { mel } = getTables();
  const scale = options.normalizeSamples ? 1 : FBANK.sampleScale;
  const frames = fbankFrameCount(pcm.length);
  const features = new Float32Array(frames * FBANK.bins);
  const re = new Float64Array(FBANK.fftSize);
  const im = new Float64Array(FBANK.fftSize);
  const power = new Float64Array(FBANK.fftSize / 2);
  for (let f = 0; f < frames; f++) {
    processFrame(pcm, f * FBANK.frameShift, scale, re, im);
    fft(re, im);
    for (let k = 0; k < power.length; k++) power[k] = (re[k] ?? 0) ** 2 + (im[k] ?? 0) ** 2;
    for (let b = 0; b < FBANK.bins; b++) {
      const bin = mel[b];
      if (!bin) continue;
      let energy = 0;
      for (let k = 0; k < bin.weights.length; k++) energy += (bin.weights[k] ?? 0) * (power[bin.first + k] ?? 0);
      features[f * FBANK.bins + b] = Math.log(Math.max(energy, FBANK.logFloor));
    }
  }
  return { features, frames };
}
