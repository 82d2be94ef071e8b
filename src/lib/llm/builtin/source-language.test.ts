import { describe, expect, it } from 'vitest';
import { standInApi } from './builtin-stand-in.ts';
import { bestLanguage, SourceLanguages } from './source-language.ts';

describe("source language detection (stand-in for Chrome's LanguageDetector API, not the real API)", () => {
  it('takes the most likely language, skipping und', () => {
    expect(bestLanguage([{ detectedLanguage: 'fr', confidence: 0.8 }, { detectedLanguage: 'und', confidence: 0.01 }])).toBe('fr');
    expect(bestLanguage([{ detectedLanguage: 'und', confidence: 0.6 }, { detectedLanguage: 'de', confidence: 0.3 }])).toBe('de');
    expect(bestLanguage([{ detectedLanguage: 'und', confidence: 1 }])).toBeUndefined();
    expect(bestLanguage([])).toBeUndefined();
  });

  it('creates one detector and remembers the language of a text', async () => {
    const { api, log } = standInApi({ detect: () => [{ detectedLanguage: 'fr', confidence: 0.9 }] });
    const languages = new SourceLanguages(api, {});
    const signal = new AbortController().signal;
    expect(await languages.of('Bonjour', signal)).toBe('fr');
    expect(await languages.of('Bonjour', signal)).toBe('fr');
    expect(await languages.of('Salut', signal)).toBe('fr');
    expect(log.created).toEqual(['detector']);
    expect(log.detected).toEqual(['Bonjour', 'Salut']);
  });

  it('guesses undefined where it cannot tell, instead of failing', async () => {
    const { api } = standInApi({ detectorAvailability: 'downloadable', activation: false });
    expect(await new SourceLanguages(api, {}).guess('text', new AbortController().signal)).toBeUndefined();
    expect(await new SourceLanguages({ hasActivation: () => true }, {}).guess('text', new AbortController().signal)).toBeUndefined();
  });
});
