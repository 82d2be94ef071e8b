import type { Cue, WordTiming } from '../subtitles/cue.ts';
import { isArrayOf, isFiniteNumber, isRecord } from '../workers/shape.ts';
import type { LanguageDetection, LanguageGuess } from './recognition/language-ranking.ts';
import type { EngineReady, WindowResult } from './transcriber-protocol.ts';

/**
 * Shape checks of the transcriber's results as they reach the page (see ResultChecks in
 * workers/protocol.ts). Pure.
 */

const DEVICES: readonly unknown[] = ['webgpu', 'wasm'];
const DTYPES: readonly unknown[] = ['fp32', 'fp16', 'q8', 'q4'];

/** A loaded engine's device and precision. */
export function isEngineReady(value: unknown): value is EngineReady {
  if (!isRecord(value) || !DEVICES.includes(value.device) || !isRecord(value.dtype)) return false;
  return DTYPES.includes(value.dtype.encoder_model) && DTYPES.includes(value.dtype.decoder_model_merged);
}

/** A language detection, or `null` where the model has none (English-only). */
export function isLanguageResult(value: unknown): value is LanguageDetection | null {
  return value === null || (isLanguageGuess(value) && isRecord(value) && isArrayOf(value.ranking, isLanguageGuess));
}

/** One window's cues and loop count. */
export function isWindowResult(value: unknown): value is WindowResult {
  return isRecord(value) && isArrayOf(value.cues, isCue) && isFiniteNumber(value.loops);
}

function isLanguageGuess(value: unknown): value is LanguageGuess {
  return isRecord(value) && typeof value.language === 'string' && isFiniteNumber(value.probability);
}

function isTimed(value: unknown): value is WordTiming {
  return isRecord(value) && isFiniteNumber(value.start) && isFiniteNumber(value.end) && typeof value.text === 'string';
}

function isCue(value: unknown): value is Cue {
  return isTimed(value) && isRecord(value) && (value.words === undefined || isArrayOf(value.words, isTimed));
}
