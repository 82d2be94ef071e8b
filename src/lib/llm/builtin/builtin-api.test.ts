import { describe, expect, it } from 'vitest';
import { builtinAbilities, builtinApiFrom, isAvailability } from './builtin-api.ts';

/** Stand-ins for the global interface objects (not the real API): only their shape is read. */
class TranslatorStandIn {
  static availability = async () => 'available';
  static create = async () => ({});
}
const factory = { availability: async () => 'available', create: async () => ({}) };

describe("feature detection of the built-in AI (stand-in globals, not Chrome's real API)", () => {
  it('finds each API the scope has, and none on a scope without them', () => {
    expect(builtinAbilities({ Translator: TranslatorStandIn, Summarizer: factory, LanguageDetector: factory })).toEqual({
      translator: true,
      summarizer: true,
      languageDetector: true,
    });
    expect(builtinAbilities({ Summarizer: factory })).toEqual({ translator: false, summarizer: true, languageDetector: false });
    expect(builtinAbilities({})).toEqual({ translator: false, summarizer: false, languageDetector: false });
    expect(builtinApiFrom({})).toBeUndefined();
  });

  it('is safe on anything: undefined, primitives, globals of the wrong shape', () => {
    for (const scope of [undefined, null, 42, 'self', { Translator: 1 }, { Translator: { create: () => 0 } }, { Summarizer: null }]) {
      expect(builtinApiFrom(scope)).toBeUndefined();
      expect(builtinAbilities(scope)).toEqual({ translator: false, summarizer: false, languageDetector: false });
    }
  });

  it('calls the static methods on the interface object itself', async () => {
    const api = builtinApiFrom({ Translator: TranslatorStandIn });
    expect(await api?.translator?.availability({ sourceLanguage: 'en', targetLanguage: 'zh' })).toBe('available');
  });

  it('reads navigator.userActivation.isActive when asked, and assumes activation where the browser does not say', () => {
    const activation = { isActive: false };
    const api = builtinApiFrom({ Summarizer: factory, navigator: { userActivation: activation } });
    expect(api?.hasActivation()).toBe(false);
    activation.isActive = true;
    expect(api?.hasActivation()).toBe(true);
    expect(builtinApiFrom({ Summarizer: factory, navigator: {} })?.hasActivation()).toBe(true);
  });

  it('this Node test run has no built-in AI', () => {
    expect(builtinApiFrom(globalThis)).toBeUndefined();
  });

  it('knows the four availability values', () => {
    expect(['unavailable', 'downloadable', 'downloading', 'available'].every(isAvailability)).toBe(true);
    expect(isAvailability('readily')).toBe(false);
  });
});
