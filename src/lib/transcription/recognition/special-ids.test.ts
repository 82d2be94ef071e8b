import { describe, expect, it } from 'vitest';
import { specialIdsFromConfig } from './special-ids.ts';
import { WHISPER_LANGUAGE_CODES } from './whisper-languages.ts';

const langToId = Object.fromEntries(WHISPER_LANGUAGE_CODES.map((code, i) => [`<|${code}|>`, 50259 + i]));

/** The fields of onnx-community/whisper-tiny's generation_config.json that matter here. */
const multilingual = {
  decoder_start_token_id: 50258,
  eos_token_id: 50257,
  is_multilingual: true,
  lang_to_id: langToId,
  task_to_id: { translate: 50358, transcribe: 50359 },
  no_timestamps_token_id: 50363,
  prev_sot_token_id: 50361,
};

/** whisper-tiny.en: every special token one lower, no languages or tasks. */
const englishOnly = {
  decoder_start_token_id: 50257,
  eos_token_id: 50256,
  is_multilingual: false,
  no_timestamps_token_id: 50362,
  prev_sot_token_id: 50360,
};

describe('specialIdsFromConfig', () => {
  it('reads a multilingual model', () => {
    const ids = specialIdsFromConfig(multilingual);
    expect(ids).toMatchObject({ kind: 'multilingual', startOfTranscript: 50258, noTimestamps: 50363, startOfPrevious: 50361, endOfText: 50257, transcribe: 50359, translate: 50358 });
    if (ids.kind !== 'multilingual') throw new Error('multilingual expected');
    expect(ids.languages.size).toBe(99);
    expect(ids.languages.get('fr')).toBe(50265);
    expect([...ids.languages.keys()].slice(0, 2)).toEqual(['en', 'zh']);
  });

  it("reads large-v3's extra <|yue|> from the config instead of assuming ids", () => {
    const v3 = { ...multilingual, lang_to_id: { ...langToId, '<|yue|>': 50358 }, task_to_id: { translate: 50359, transcribe: 50360 }, no_timestamps_token_id: 50364 };
    const ids = specialIdsFromConfig(v3);
    expect(ids).toMatchObject({ kind: 'multilingual', transcribe: 50360, noTimestamps: 50364 });
    if (ids.kind === 'multilingual') expect([...ids.languages.keys()].at(-1)).toBe('yue');
  });

  it('reads an English-only model', () => {
    expect(specialIdsFromConfig(englishOnly)).toEqual({ kind: 'english-only', startOfTranscript: 50257, noTimestamps: 50362, startOfPrevious: 50360, endOfText: 50256 });
  });

  it('treats a model without language or task tokens as English-only, and takes eos from a list', () => {
    const { lang_to_id: _, ...noLanguages } = multilingual;
    expect(specialIdsFromConfig(noLanguages).kind).toBe('english-only');
    expect(specialIdsFromConfig({ ...multilingual, task_to_id: { transcribe: 50359 } }).kind).toBe('english-only');
    expect(specialIdsFromConfig({ ...multilingual, is_multilingual: false }).kind).toBe('english-only');
    expect(specialIdsFromConfig({ ...multilingual, eos_token_id: [50257, 50256] }).endOfText).toBe(50257);
    expect(specialIdsFromConfig({ ...multilingual, prev_sot_token_id: undefined }).startOfPrevious).toBeUndefined();
  });

  it('rejects configs that are not Whisper generation configs', () => {
    expect(() => specialIdsFromConfig(null)).toThrow(/not a Whisper model/);
    expect(() => specialIdsFromConfig({ decoder_start_token_id: 50258 })).toThrow(/no_timestamps_token_id/);
  });
});
