/**
 * Low frame rate stacking and CMVN, SenseVoice's steps between the fbank and the encoder.
 *
 * LFR follows FunASR's `apply_lfr` (funasr/frontends/wav_frontend.py), which sherpa-onnx adopted in
 * sherpa-onnx/csrc/lfr.cc (k2-fsa/sherpa-onnx#3839, "Fix offline Paraformer LFR boundary
 * padding"): (window − 1) / 2 copies of the first frame on the left, the last frame repeated on
 * the right, and ceil(frames / shift) output frames. CMVN is sherpa-onnx's `ApplyCMVN`:
 * (x + neg_mean) · inv_stddev per dimension, with the vectors from the model's metadata.
 */

export interface StackedFeatures {
  /** frames × (dim · window), row-major */
  readonly features: Float32Array;
  readonly frames: number;
}

/** Output frames of `stackLfr` for `frames` input frames: ceil(frames / shift), 0 for none. */
export function lfrFrameCount(frames: number, shift = 6): number {
  return frames > 0 ? 1 + Math.floor((frames - 1) / shift) : 0;
}

/**
 * Stacks `window` consecutive frames of `dim` values every `shift` frames (centred, edges
 * repeated), e.g. 80-dim fbank at 10 ms → 560-dim frames at 60 ms.
 *
 * @example
 * const lfr = stackLfr(fbank.features, fbank.frames); // lfr.features: lfr.frames × 560
 */
export function stackLfr(features: Float32Array, frames: number, window = 7, shift = 6, dim = 80): StackedFeatures {
  if (features.length !== frames * dim) throw new RangeError(`stackLfr: ${features.length} values are not ${frames} × ${dim}`);
  const outFrames = lfrFrameCount(frames, shift);
  const out = new Float32Array(outFrames * window * dim);
  const leftContext = Math.floor((window - 1) / 2);
  for (let i = 0; i < outFrames; i++) {
    const first = i * shift - leftContext;
    for (let j = 0; j < window; j++) {
      const src = Math.min(frames - 1, Math.max(0, first + j));
      out.set(features.subarray(src * dim, (src + 1) * dim), (i * window + j) * dim);
    }
  }
  return { features: out, frames: outFrames };
}

/**
 * Normalises stacked features in place: x ← (x + negMean) · invStddev, per dimension.
 *
 * @example
 * applyCmvn(lfr.features, meta.negMean, meta.invStddev);
 */
export function applyCmvn(features: Float32Array, negMean: Float32Array, invStddev: Float32Array): void {
  const dim = negMean.length;
  if (invStddev.length !== dim || dim === 0 || features.length % dim !== 0) {
    throw new RangeError(`applyCmvn: ${features.length} values, neg_mean ${dim}, inv_stddev ${invStddev.length}`);
  }
  for (let i = 0; i < features.length; i++) {
    const d = i % dim;
    features[i] = ((features[i] ?? 0) + (negMean[d] ?? 0)) * (invStddev[d] ?? 0);
  }
}
