import { createStore, get, set, type UseStore } from 'idb-keyval';
import { DEFAULT_MODEL_ID, HUGGING_FACE_HOST, type DevicePreference, type Precision } from '../transcription/models.ts';
import type { Locale } from '../i18n/i18n.svelte.ts';
import { PROFILES, type ProfileId } from '../subtitles/segment/profiles.ts';
import { DEFAULT_SENSEVOICE_MODEL_ID } from '../transcription/engine-catalog.ts';
import type { SpeechEngineKind } from '../transcription/transcriber-protocol.ts';

/** Everything the user can set, as stored on this device. */
export interface StoredSettings {
  /** Which speech engine recognises: Whisper, or SenseVoice for Chinese, Cantonese, English, Japanese, Korean. */
  readonly speechEngine: SpeechEngineKind;
  /** SenseVoice's repository (sherpa-onnx layout), on the same host as Whisper's. */
  readonly senseVoiceModelId: string;
  /** The user closed the advice to use SenseVoice for Chinese: it is not shown again. */
  readonly engineAdviceDismissed: boolean;
  /** Whisper's repository. */
  readonly modelId: string;
  readonly modelHost: string;
  readonly device: DevicePreference;
  readonly precision: Precision;
  /** Whisper language code, or '' to let the model decide. */
  readonly language: string;
  readonly task: 'transcribe' | 'translate';
  /** 0 means the model's own limit. */
  readonly maxNewTokens: number;
  /** Skip non-speech with voice activity detection (Silero VAD). */
  readonly vad: boolean;
  readonly wordTimestamps: boolean;
  /** Names and terms for Whisper's initial prompt. */
  readonly initialPrompt: string;
  /** 0: off. */
  readonly noRepeatNgramSize: number;
  /** 1: off. */
  readonly repetitionPenalty: number;
  readonly locale: Locale | null;
  /** The readability profile cues are cut to; 'auto' follows the spoken language. */
  readonly readability: ProfileId | 'auto';
}

export const DEFAULT_SETTINGS: StoredSettings = {
  speechEngine: 'whisper',
  senseVoiceModelId: DEFAULT_SENSEVOICE_MODEL_ID,
  engineAdviceDismissed: false,
  modelId: DEFAULT_MODEL_ID,
  modelHost: HUGGING_FACE_HOST,
  device: 'auto',
  precision: 'auto',
  language: '',
  task: 'transcribe',
  maxNewTokens: 0,
  vad: true,
  wordTimestamps: false,
  initialPrompt: '',
  noRepeatNgramSize: 0,
  repetitionPenalty: 1,
  locale: null,
  readability: 'auto',
};

const KEY = 'settings';
let store: UseStore | undefined;
const settingsStore = () => (store ??= createStore('zimu', 'settings'));

/** Reads settings, falling back field by field to defaults for anything missing or malformed. */
export async function loadSettings(): Promise<StoredSettings> {
  try {
    return sanitizeSettings(await get<unknown>(KEY, settingsStore()));
  } catch {
    return DEFAULT_SETTINGS; // Private mode or a blocked IndexedDB: run with defaults.
  }
}

export async function saveSettings(settings: StoredSettings): Promise<void> {
  await set(KEY, settings, settingsStore());
}

/** Validates untrusted stored data. Pure. */
export function sanitizeSettings(raw: unknown): StoredSettings {
  const value = (key: string): unknown => (typeof raw === 'object' && raw !== null ? Reflect.get(raw, key) : undefined);
  const text = (key: string, fallback: string) => {
    const v = value(key);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback;
  };
  const device = value('device');
  const task = value('task');
  const locale = value('locale');
  const maxNewTokens = value('maxNewTokens');
  return {
    speechEngine: value('speechEngine') === 'sensevoice' ? 'sensevoice' : 'whisper',
    senseVoiceModelId: text('senseVoiceModelId', DEFAULT_SETTINGS.senseVoiceModelId),
    engineAdviceDismissed: value('engineAdviceDismissed') === true,
    modelId: text('modelId', DEFAULT_SETTINGS.modelId),
    modelHost: text('modelHost', DEFAULT_SETTINGS.modelHost),
    device: device === 'webgpu' || device === 'wasm' || device === 'auto' ? device : DEFAULT_SETTINGS.device,
    language: typeof value('language') === 'string' ? text('language', '') : '',
    task: task === 'translate' ? 'translate' : 'transcribe',
    vad: value('vad') !== false,
    wordTimestamps: value('wordTimestamps') === true,
    initialPrompt: typeof value('initialPrompt') === 'string' ? text('initialPrompt', '') : '',
    noRepeatNgramSize: inRange(value('noRepeatNgramSize'), 0, 10, 0, true),
    repetitionPenalty: inRange(value('repetitionPenalty'), 1, 2, 1, false),
    precision: asPrecision(value('precision')),
    maxNewTokens: typeof maxNewTokens === 'number' && Number.isInteger(maxNewTokens) && maxNewTokens > 0 ? maxNewTokens : 0,
    locale: locale === 'en' || locale === 'zh-CN' ? locale : null,
    readability: asReadability(value('readability')),
  };
}

function asReadability(value: unknown): ProfileId | 'auto' {
  if (typeof value !== 'string') return 'auto';
  return Object.values(PROFILES).find((profile) => profile.id === value)?.id ?? 'auto';
}

function asPrecision(value: unknown): Precision {
  return value === 'fp32' || value === 'fp16' || value === 'q8' || value === 'q4' ? value : 'auto';
}

function inRange(value: unknown, min: number, max: number, fallback: number, integer: boolean): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  return ok ? value : fallback;
}
