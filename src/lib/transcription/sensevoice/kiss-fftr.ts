/**
 * The real FFT kaldi-native-fbank uses (kissfft's `kiss_fftr`, float build, commit febd4ca as
 * pinned by kaldi-native-fbank's cmake/kissfft.cmake), reproduced operation by operation in
 * float32 (`Math.fround` after every + − ×), so the power spectrum matches sherpa-onnx's to the
 * last bit or so: in quiet frames and in bins an AAC encoder emptied, float32 rounding noise is
 * the whole signal, and any other FFT (or float64) lands 1e-3 away in log-mel.
 *
 * Only what a 512-point transform needs: the 256-point complex FFT factors as 4·4·4·4
 * (kf_factor), so only the radix-4 butterfly (kf_bfly4, forward) is implemented.
 */
const f = Math.fround;

export interface KissFftr {
  /** Power spectrum |X_k|² for k = 0 … n/2 − 1 of the n real samples in `input` (float32 maths). */
  power(input: Float32Array, out: Float32Array): void;
}

/** Plans a real FFT of `n` points (n/2 a power of 4, e.g. 512). */
export function kissFftr(n: number): KissFftr {
  const nc = n / 2;
  const factors: number[] = [];
  for (let m = nc; m > 1; m /= 4) {
    if (m % 4 !== 0) throw new RangeError(`kissFftr: ${n}/2 is not a power of 4`);
    factors.push(4, m / 4);
  }
  // kiss_fft_alloc: phase in double, twiddles stored as float
  const twr = new Float64Array(nc);
  const twi = new Float64Array(nc);
  for (let i = 0; i < nc; i++) {
    const phase = (-2 * Math.PI * i) / nc;
    twr[i] = f(Math.cos(phase));
    twi[i] = f(Math.sin(phase));
  }
  // kiss_fftr_alloc: super twiddles
  const sr = new Float64Array(nc / 2);
  const si = new Float64Array(nc / 2);
  for (let i = 0; i < nc / 2; i++) {
    const phase = -Math.PI * ((i + 1) / nc + 0.5);
    sr[i] = f(Math.cos(phase));
    si[i] = f(Math.sin(phase));
  }
  const re = new Float64Array(nc);
  const im = new Float64Array(nc);

  /**
   * kf_bfly4 (forward) with the operation order of sherpa-onnx's x86-64 build, read off its
   * disassembly: -ffast-math never forms s1.r, s2.r or s4.i, it folds their products straight
   * into the sums, e.g. Fout.r += s1.r becomes (Fout.r + a1) − b1.
   */
  const bfly4 = (o: number, fstride: number, m: number): void => {
    for (let k = 0; k < m; k++) {
      const i0 = o + k;
      const i1 = i0 + m;
      const i2 = i0 + 2 * m;
      const i3 = i0 + 3 * m;
      const w1r = twr[k * fstride] ?? 0;
      const w1i = twi[k * fstride] ?? 0;
      const w2r = twr[2 * k * fstride] ?? 0;
      const w2i = twi[2 * k * fstride] ?? 0;
      const w3r = twr[3 * k * fstride] ?? 0;
      const w3i = twi[3 * k * fstride] ?? 0;
      const [x0r, x0i, x1r, x1i] = [re[i0] ?? 0, im[i0] ?? 0, re[i1] ?? 0, im[i1] ?? 0];
      const [x2r, x2i, x3r, x3i] = [re[i2] ?? 0, im[i2] ?? 0, re[i3] ?? 0, im[i3] ?? 0];
      const s0r = f(f(w1r * x1r) - f(w1i * x1i));
      const s0i = f(f(x1i * w1r) + f(w1i * x1r));
      const a1 = f(w2r * x2r);
      const b1 = f(w2i * x2i);
      const s1i = f(f(x2i * w2r) + f(w2i * x2r));
      const a3 = f(w3r * x3r);
      const b3 = f(w3i * x3i);
      const s2i = f(f(x3i * w3r) + f(w3i * x3r));
      const f0r = f(f(x0r + a1) - b1);
      const s5r = f(f(x0r + b1) - a1);
      const f0i = f(x0i + s1i);
      const s5i = f(x0i - s1i);
      const s3i = f(s2i + s0i);
      const s3r = f(f(s0r - b3) + a3);
      const s4r = f(f(s0r - a3) + b3);
      re[i2] = f(f0r - s3r);
      im[i2] = f(f0i - s3i);
      re[i0] = f(s3r + f0r);
      im[i0] = f(s3i + f0i);
      re[i1] = f(f(s5r + s0i) - s2i);
      im[i1] = f(s5i - s4r);
      re[i3] = f(f(s5r + s2i) - s0i);
      im[i3] = f(s4r + s5i);
    }
  };

  /** kf_work: decimation in time, recursing over the factors, then the butterflies. */
  const work = (input: Float32Array, o: number, at: number, fstride: number, level: number): void => {
    const p = factors[level] ?? 1;
    const m = factors[level + 1] ?? 1;
    for (let j = 0; j < p; j++) {
      if (m === 1) {
        const src = at + j * fstride; // complex index into the packed real input
        re[o + j] = input[2 * src] ?? 0;
        im[o + j] = input[2 * src + 1] ?? 0;
      } else work(input, o + j * m, at + j * fstride, fstride * p, level + 2);
    }
    bfly4(o, fstride, m);
  };

  return {
    power(input, out) {
      work(input, 0, 0, 1, 0);
      const dc = f((re[0] ?? 0) + (im[0] ?? 0));
      out[0] = f(dc * dc);
      for (let k = 1; k <= nc / 2; k++) {
        const pr = re[k] ?? 0;
        const pi = im[k] ?? 0;
        const nr = re[nc - k] ?? 0;
        const ni = -(im[nc - k] ?? 0);
        const f1r = f(pr + nr);
        const f1i = f(pi + ni);
        const f2r = f(pr - nr);
        const f2i = f(pi - ni);
        const a = f(f2r * (sr[k - 1] ?? 0));
        const b = f(f2i * (si[k - 1] ?? 0));
        const ti = f(f(f2r * (si[k - 1] ?? 0)) + f(f2i * (sr[k - 1] ?? 0)));
        // sherpa-onnx's build (kissfft compiles with -ffast-math) reassociates the real parts:
        // (f1r + a) − b rather than f1r + (a − b), as its disassembly shows; the same here
        const xr = f(f(f(f1r + a) - b) * 0.5);
        const xi = f(f(f1i + ti) * 0.5);
        out[k] = f(f(xr * xr) + f(xi * xi));
        // at k = n/4 both writes hit the same bin and kiss_fftr keeps the second
        const yr = f(f(f(f1r + b) - a) * 0.5);
        const yi = f(f(ti - f1i) * 0.5);
        out[nc - k] = f(f(yr * yr) + f(yi * yi));
      }
    },
  };
}
