import { modelFiles } from './catalog.ts';
import { dtypeFor, type Device, type DtypeConfig, type Precision } from './models.ts';
import type { SpeechEngineKind } from './transcriber-protocol.ts';

/**
 * SenseVoice-Small as sherpa-onnx exports it for ONNX runtimes: the 8-bit graph (239 MB on the
 * hub, with LFR and CMVN values in its metadata) and the token table, at the repository's root.
 * Verified on the hub's file listing: `model.int8.onnx` 239 MB, `tokens.txt` 316 kB (the fp32
 * `model.onnx`, 938 MB, is not used).
 */
export const DEFAULT_SENSEVOICE_MODEL_ID = 'csukuangfj/sherpa-onnx-sense-voice-zh-en-ja-ko-yue-2024-07-17';
export const SENSEVOICE_MODEL_FILE = 'model.int8.onnx';
export const SENSEVOICE_TOKENS_FILE = 'tokens.txt';
export const SENSEVOICE_FILES: readonly string[] = [SENSEVOICE_MODEL_FILE, SENSEVOICE_TOKENS_FILE];

/** The one precision SenseVoice runs at: its weights are 8-bit whatever the device. */
export const SENSEVOICE_DTYPE: DtypeConfig = { encoder_model: 'q8', decoder_model_merged: 'q8' };

/** The languages SenseVoice-Small recognises (Mandarin, Cantonese, English, Japanese, Korean). */
export const SENSEVOICE_LANGUAGES = ['zh', 'yue', 'en', 'ja', 'ko'] as const;
export type SenseVoiceLanguageCode = (typeof SENSEVOICE_LANGUAGES)[number];

/** Whether SenseVoice knows a (Whisper) language code. Pure. */
export function isSenseVoiceLanguage(code: string | undefined): code is SenseVoiceLanguageCode {
  return SENSEVOICE_LANGUAGES.some((language) => language === code);
}

/**
 * What SenseVoice is told to expect for the run's language: one of its own, else automatic
 * (a language it doesn't know is not forced onto it). Pure.
 * @example senseVoiceLanguage('yue') // 'yue';  senseVoiceLanguage('fr') // 'auto'
 */
export function senseVoiceLanguage(code: string | undefined): SenseVoiceLanguageCode | 'auto' {
  return isSenseVoiceLanguage(code) ? code : 'auto';
}

/** Every repository file an engine fetches on a device (for sizes, the cache check, warm start). Pure. */
export function engineModelFiles(kind: SpeechEngineKind, device: Device, precision: Precision): readonly string[] {
  return kind === 'sensevoice' ? SENSEVOICE_FILES : modelFiles(dtypeFor(device, precision));
}
