/**
 * Voice activity detection: Silero v5 speech probabilities, the speech segments they mark, and
 * the windows Whisper decodes (speech only with VAD, whole-file tiles cut in pauses without).
 *
 * @example
 * const vad = createSileroVad(ort, await ort.InferenceSession.create(sileroModelUrl));
 * const probabilities = await vad.speechProbabilities(pcm, { signal, onProgress });
 * const windows = planSpeechChunks(speechSegments(probabilities, { totalSamples: pcm.length }), pcm.length, { pcm });
 */
export {
  createSileroVad,
  SILERO_FRAME_SAMPLES,
  SILERO_SAMPLE_RATE,
  type SileroSession,
  type SileroTensor,
  type SileroTensorConstructor,
  type SileroVad,
  type SpeechProbabilityOptions,
} from './silero.ts';
export { speechSegments, SPEECH_SEGMENT_DEFAULTS, type SampleRange, type SpeechSegmentOptions } from './speech-segments.ts';
export { CHUNK_DEFAULTS, planFixedChunks, planSpeechChunks, quietestCut, type ChunkOptions, type SpeechChunkOptions } from './speech-chunks.ts';
