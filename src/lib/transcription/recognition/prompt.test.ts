import { describe, expect, it } from 'vitest';
import { DecoderPromptError, MAX_PREVIOUS_TOKENS, buildDecoderPrompt } from './prompt.ts';
import type { WhisperSpecialIds } from './special-ids.ts';

const multilingual: WhisperSpecialIds = {
  kind: 'multilingual',
  startOfTranscript: 50258,
  noTimestamps: 50363,
  startOfPrevious: 50361,
  endOfText: 50257,
  languages: new Map([['en', 50259], ['zh', 50260], ['fr', 50265], ['yue', 50358]]),
  transcribe: 50359,
  translate: 50358,
};
const englishOnly: WhisperSpecialIds = { kind: 'english-only', startOfTranscript: 50257, noTimestamps: 50362, startOfPrevious: 50360, endOfText: 50256 };

describe('buildDecoderPrompt', () => {
  it('puts the language and task after <|startoftranscript|>', () => {
    expect(buildDecoderPrompt(multilingual, { language: 'fr', task: 'transcribe', timestamps: true })).toEqual([50258, 50265, 50359]);
    expect(buildDecoderPrompt(multilingual, { language: 'zh', task: 'translate', timestamps: true })).toEqual([50258, 50260, 50358]);
    expect(buildDecoderPrompt(multilingual, { language: 'yue', task: 'transcribe', timestamps: true })).toEqual([50258, 50358, 50359]);
  });

  it('ends with <|notimestamps|> when no timestamps are wanted', () => {
    expect(buildDecoderPrompt(multilingual, { language: 'en', task: 'transcribe', timestamps: false })).toEqual([50258, 50259, 50359, 50363]);
  });

  it('puts previous text first, after <|startofprev|>, without special or timestamp tokens', () => {
    const prompt = buildDecoderPrompt(multilingual, { language: 'en', task: 'transcribe', timestamps: true, previousTokens: [1168, 50364, 320, 50257, 84] });
    expect(prompt).toEqual([50361, 1168, 320, 84, 50258, 50259, 50359]);
  });

  it('keeps only the last 223 previous tokens, and nothing for no text', () => {
    const previousTokens = Array.from({ length: 300 }, (_, i) => i);
    const prompt = buildDecoderPrompt(multilingual, { language: 'en', task: 'transcribe', timestamps: true, previousTokens });
    expect(prompt).toHaveLength(1 + MAX_PREVIOUS_TOKENS + 3);
    expect(prompt.slice(0, 2)).toEqual([50361, 300 - MAX_PREVIOUS_TOKENS]);
    expect(buildDecoderPrompt(multilingual, { language: 'en', task: 'transcribe', timestamps: true, previousTokens: [50364] })).toEqual([50258, 50259, 50359]);
    const noPrev = { ...multilingual, startOfPrevious: undefined };
    expect(buildDecoderPrompt(noPrev, { language: 'en', task: 'transcribe', timestamps: true, previousTokens: [1, 2] })).toEqual([50258, 50259, 50359]);
  });

  it('has no language or task tokens for English-only models', () => {
    expect(buildDecoderPrompt(englishOnly, { language: 'en', task: 'transcribe', timestamps: true })).toEqual([50257]);
    expect(buildDecoderPrompt(englishOnly, { language: 'en', task: 'transcribe', timestamps: false, previousTokens: [40, 50256] })).toEqual([50360, 40, 50257, 50362]);
  });

  it('throws typed errors for what the model cannot do', () => {
    const error = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const unknown = error(() => buildDecoderPrompt(multilingual, { language: 'xx', task: 'transcribe', timestamps: true }));
    expect(unknown).toBeInstanceOf(DecoderPromptError);
    expect(unknown).toMatchObject({ code: 'unknown-language', language: 'xx' });
    expect(error(() => buildDecoderPrompt(englishOnly, { language: 'fr', task: 'transcribe', timestamps: true }))).toMatchObject({ code: 'english-only-model' });
    expect(error(() => buildDecoderPrompt(englishOnly, { language: 'en', task: 'translate', timestamps: true }))).toMatchObject({ code: 'english-only-model' });
  });
});
