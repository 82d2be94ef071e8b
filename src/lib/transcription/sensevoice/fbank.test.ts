import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FBANK, computeFbank, fbankFrameCount } from './fbank.ts';

/** Kaldi's frame processing and mel bins written out naively in float64 with a plain DFT. */
function referenceFrame(pcm: Float32Array, start: number, scale: number): Float64Array {
  const n = FBANK.frameLength;
  const x = Array.from(pcm.subarray(start, start + n), (v) => v * scale);
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const d = x.map((v) => v - mean);
  for (let i = n - 1; i > 0; i--) d[i] = d[i]! - 0.97 * d[i - 1]!;
  d[0] = d[0]! - 0.97 * d[0]!;
  const w = d.map((v, i) => v * (0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (n - 1))));
  const power = new Float64Array(FBANK.fftSize / 2);
  for (let k = 0; k < power.length; k++) {
    let re = 0;
    let im = 0;
    for (let i = 0; i < n; i++) {
      re += w[i]! * Math.cos((2 * Math.PI * k * i) / FBANK.fftSize);
      im -= w[i]! * Math.sin((2 * Math.PI * k * i) / FBANK.fftSize);
    }
    power[k] = re * re + im * im;
  }
  const mel = (f: number): number => 1127 * Math.log(1 + f / 700);
  const lo = mel(20);
  const delta = (mel(8000) - lo) / 81;
  const out = new Float64Array(FBANK.bins);
  for (let b = 0; b < FBANK.bins; b++) {
    const [l, c, r] = [lo + b * delta, lo + (b + 1) * delta, lo + (b + 2) * delta];
    let e = 0;
    for (let k = 0; k < power.length; k++) {
      const m = mel(k * 31.25);
      if (m > l && m < r) e += (m <= c ? (m - l) / (c - l) : (r - m) / (r - c)) * power[k]!;
    }
    out[b] = Math.log(Math.max(e, FBANK.logFloor));
  }
  return out;
}

const chirp = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin(2 * Math.PI * (200 + i / 8) * (i / 16000)) + 0.01 * Math.cos(i));

describe('computeFbank', () => {
  it('makes only whole 25 ms frames every 10 ms (snip_edges)', () => {
    expect(fbankFrameCount(399)).toBe(0);
    expect(fbankFrameCount(400)).toBe(1);
    expect(fbankFrameCount(16000)).toBe(98);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (n) => {
        const frames = fbankFrameCount(n);
        expect(computeFbank(new Float32Array(n)).frames).toBe(frames);
        if (frames > 0) expect((frames - 1) * 160 + 400).toBeLessThanOrEqual(n);
        expect(frames * 160 + 400).toBeGreaterThan(n);
      }),
      { numRuns: 40 },
    );
  });

  it('floors silence at log(FLT_EPSILON)', () => {
    const { features } = computeFbank(new Float32Array(1600));
    for (const v of features) expect(v).toBeCloseTo(Math.log(FBANK.logFloor), 6);
  });

  it('matches a plain-DFT float64 reference of Kaldi’s steps within 1e-4', () => {
    const pcm = chirp(16000);
    const { features, frames } = computeFbank(pcm);
    for (const f of [0, 1, 37, frames - 1]) {
      const ref = referenceFrame(pcm, f * 160, 32768);
      for (let b = 0; b < FBANK.bins; b++) expect(Math.abs(features[f * 80 + b]! - ref[b]!)).toBeLessThan(1e-4);
    }
  });

  it('puts a 1 kHz tone’s energy in the mel bin around 1 kHz', () => {
    const pcm = Float32Array.from({ length: 4000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 16000));
    const { features } = computeFbank(pcm);
    const row = Array.from(features.subarray(5 * 80, 6 * 80));
    const peak = row.indexOf(Math.max(...row));
    const mel = (f: number): number => 1127 * Math.log(1 + f / 700);
    const centre = (b: number): number => mel(20) + ((b + 1) * (mel(8000) - mel(20))) / 81;
    expect(Math.abs(centre(peak) - mel(1000))).toBeLessThan((mel(8000) - mel(20)) / 81);
  });

  it('scales samples by 32768 unless the model normalises them (a 2·ln 32768 shift in log power)', () => {
    const pcm = chirp(2000);
    const scaled = computeFbank(pcm).features;
    const raw = computeFbank(pcm, { normalizeSamples: true }).features;
    for (let i = 0; i < 80; i++) expect(scaled[i]! - raw[i]!).toBeCloseTo(2 * Math.log(32768), 3);
  });
});
