import { languageCodeOf } from './whisper-languages.ts';

/**
 * The special token ids a Whisper decoder prompt is made of. They differ between vocabularies
 * (English-only models are one lower; large-v3 one higher after `<|yue|>`), so they are read from
 * each model's generation_config.json, never hard-coded.
 */
export type WhisperSpecialIds = MultilingualIds | EnglishOnlyIds;

interface CommonIds {
  /** `<|startoftranscript|>` (generation_config `decoder_start_token_id`). */
  readonly startOfTranscript: number;
  /** `<|notimestamps|>`; the timestamp tokens follow it. */
  readonly noTimestamps: number;
  /** `<|startofprev|>`, which opens a text prompt; absent from some exports. */
  readonly startOfPrevious: number | undefined;
  /** `<|endoftext|>`: ids from here up are special or timestamps, never prompt text. */
  readonly endOfText: number;
}

export interface MultilingualIds extends CommonIds {
  readonly kind: 'multilingual';
  /** Language code (`fr`, `yue`…) → its token id, in token order. */
  readonly languages: ReadonlyMap<string, number>;
  readonly transcribe: number;
  readonly translate: number;
}

/** `*.en` models: no language or task tokens; they only transcribe English. */
export interface EnglishOnlyIds extends CommonIds {
  readonly kind: 'english-only';
}

/**
 * Reads the ids from a generation_config.json object (`asr.model.generation_config`). A model is
 * multilingual when it has language and task tokens and does not say `is_multilingual: false`.
 * Throws when a field every Whisper export has is missing. Pure.
 *
 * @example
 * const ids = specialIdsFromConfig(asr.model.generation_config);
 * if (ids.kind === 'multilingual') ids.languages.get('fr'); // → 50265
 */
export function specialIdsFromConfig(config: unknown): WhisperSpecialIds {
  if (!isRecord(config)) throw new Error('no generation config: not a Whisper model');
  const common: CommonIds = {
    startOfTranscript: requiredId(config, 'decoder_start_token_id'),
    noTimestamps: requiredId(config, 'no_timestamps_token_id'),
    startOfPrevious: optionalId(config.prev_sot_token_id),
    endOfText: optionalId(config.eos_token_id) ?? requiredId(config, 'decoder_start_token_id') - 1,
  };
  const languages = languageIds(config.lang_to_id);
  const tasks = isRecord(config.task_to_id) ? config.task_to_id : {};
  const transcribe = optionalId(tasks.transcribe);
  const translate = optionalId(tasks.translate);
  if (config.is_multilingual === false || languages.size === 0 || transcribe === undefined || translate === undefined) {
    return { ...common, kind: 'english-only' };
  }
  return { ...common, kind: 'multilingual', languages, transcribe, translate };
}

function languageIds(langToId: unknown): Map<string, number> {
  const entries: [string, number][] = [];
  if (!isRecord(langToId)) return new Map();
  for (const [token, id] of Object.entries(langToId)) {
    const code = languageCodeOf(token);
    const value = optionalId(id);
    if (code !== undefined && value !== undefined) entries.push([code, value]);
  }
  return new Map(entries.sort((a, b) => a[1] - b[1]));
}

function requiredId(config: Readonly<Record<string, unknown>>, key: string): number {
  const id = optionalId(config[key]);
  if (id === undefined) throw new Error(`generation config has no ${key}: not a Whisper model`);
  return id;
}

/** A token id, or undefined; configs give `eos_token_id` as a number or a list. */
function optionalId(value: unknown): number | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'number' && Number.isInteger(first) && first >= 0 ? first : undefined;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
