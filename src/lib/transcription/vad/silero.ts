import { SAMPLE_RATE } from '../../media/sample-rate.ts';
/**
 * Silero VAD v5 over an injected ONNX Runtime, so the browser worker (onnxruntime-web) and the
 * unit tests (onnxruntime-node, real weights) run this same code.
 *
 * The model contract mirrors silero-vad's `OnnxWrapper.__call__` (utils_vad.py) and
 * @ricky0123/vad-web's `models/silero.js`: each 512-sample frame at 16 kHz is fed with the
 * previous frame's last 64 samples prepended (`input` [1, 576] float32), the recurrent state
 * `state` [2, 1, 128] float32 and the scalar `sr` int64 = 16000; it answers `output` [1, 1]
 * (speech probability) and `stateN` (the next state).
 */

/** Samples per Silero v5 frame at 16 kHz (32 ms). */
export const SILERO_FRAME_SAMPLES = 512;
/** The only rate these weights are run at here; callers resample to it first. */
/** Silero VAD v5 runs at the pipeline's rate (it also knows 8 kHz, which we never use). */
export const SILERO_SAMPLE_RATE = SAMPLE_RATE;
/** Tail of the previous frame that the model sees again, so an onset on a frame edge is seen whole. */
const CONTEXT_SAMPLES = 64;
const STATE_DIMS = [2, 1, 128] as const;
/** Frames between cancel checks and progress reports: ~2 s of audio, a few ms of compute. */
const CHECK_EVERY_FRAMES = 64;

/** What the runner needs of a tensor: nothing but to hand it back to the session. */
export interface SileroTensor {
  readonly data: unknown;
}

/** The two ways the runner builds tensors; ORT's `Tensor` class (web or node) fits this. */
export interface SileroTensorConstructor {
  new (type: 'float32', data: Float32Array, dims: readonly number[]): SileroTensor;
  new (type: 'int64', data: BigInt64Array, dims: readonly number[]): SileroTensor;
}

/**
 * What the runner needs of an `InferenceSession`. Method syntax on purpose: ORT's `run` takes
 * its own feed type, and methods are compared bivariantly, so a real session fits unchanged.
 */
export interface SileroSession {
  run(feeds: Record<string, SileroTensor>): Promise<Readonly<Record<string, SileroTensor>>>;
}

/** Options for one call of {@link SileroVad.speechProbabilities}. */
export interface SpeechProbabilityOptions {
  /** Aborting rejects with a DOMException named AbortError at the next check. */
  readonly signal?: AbortSignal;
  /**
   * True once the caller cancels. A worker's AbortSignal only flips when its event loop reads the
   * cancel message, which this microtask-only loop never lets happen; a shared-memory flag can.
   */
  readonly cancelled?: () => boolean;
  /** Called with the fraction of this call's frames done, ending with 1. */
  readonly onProgress?: (fraction: number) => void;
}

/** A Silero VAD stream: RNN state and frame context carry over from one call to the next. */
export interface SileroVad {
  /**
   * One speech probability per 512-sample frame of `pcm` (16 kHz mono); a last partial frame is
   * zero-padded. Feed consecutive windows of one stream in order, each a multiple of 512 samples
   * except the last, and the result equals one call over the whole stream.
   */
  speechProbabilities(pcm: Float32Array, options?: SpeechProbabilityOptions): Promise<Float32Array>;
  /** Forgets the stream, before starting on unrelated audio. */
  reset(): void;
}

/**
 * Wraps a session created from `silero_vad_v5.onnx`. One frame per `run`: the model is
 * recurrent, so frames of one stream cannot be batched.
 *
 * @example
 * import * as ort from 'onnxruntime-web';
 * const session = await ort.InferenceSession.create(modelUrl);
 * const vad = createSileroVad(ort, session);
 * const probabilities = await vad.speechProbabilities(pcm16k, { signal, onProgress });
 */
export function createSileroVad(ort: { readonly Tensor: SileroTensorConstructor }, session: SileroSession): SileroVad {
  // Reused for every frame: ORT reads a CPU tensor's array when `run` is called, so rewriting
  // these buffers in place is enough and no frame allocates its inputs.
  const input = new Float32Array(CONTEXT_SAMPLES + SILERO_FRAME_SAMPLES);
  const state = new Float32Array(STATE_DIMS[0] * STATE_DIMS[1] * STATE_DIMS[2]);
  const feeds: Record<string, SileroTensor> = {
    input: new ort.Tensor('float32', input, [1, input.length]),
    state: new ort.Tensor('float32', state, STATE_DIMS),
    sr: new ort.Tensor('int64', BigInt64Array.of(BigInt(SILERO_SAMPLE_RATE)), []),
  };

  async function runFrame(frame: Float32Array): Promise<number> {
    // The last 64 samples of the previous frame become this frame's context.
    input.copyWithin(0, SILERO_FRAME_SAMPLES);
    input.set(frame, CONTEXT_SAMPLES);
    input.fill(0, CONTEXT_SAMPLES + frame.length);
    const outputs = await session.run(feeds);
    const probability = outputs['output']?.data;
    const nextState = outputs['stateN']?.data;
    if (!(probability instanceof Float32Array) || probability.length < 1) throw new Error('Silero VAD: no float32 "output"');
    if (!(nextState instanceof Float32Array) || nextState.length !== state.length) throw new Error('Silero VAD: no float32 "stateN"');
    state.set(nextState);
    return probability[0] ?? 0;
  }

  return {
    async speechProbabilities(pcm, options = {}) {
      const frames = Math.ceil(pcm.length / SILERO_FRAME_SAMPLES);
      const probabilities = new Float32Array(frames);
      for (let index = 0; index < frames; index++) {
        if (index % CHECK_EVERY_FRAMES === 0) {
          throwIfCancelled(options);
          if (index > 0) options.onProgress?.(index / frames);
        }
        const start = index * SILERO_FRAME_SAMPLES;
        probabilities[index] = await runFrame(pcm.subarray(start, start + SILERO_FRAME_SAMPLES));
      }
      throwIfCancelled(options);
      options.onProgress?.(1);
      return probabilities;
    },
    reset() {
      input.fill(0);
      state.fill(0);
    },
  };
}

function throwIfCancelled({ signal, cancelled }: SpeechProbabilityOptions): void {
  if (signal?.aborted || cancelled?.()) throw new DOMException('Voice activity detection was cancelled', 'AbortError');
}
