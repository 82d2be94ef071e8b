import { describe, expect, it } from 'vitest';
import { availabilityFor } from './builtin-availability.ts';
import { standInApi } from './builtin-stand-in.ts';

describe("availability for the provider panel (stand-in for Chrome's built-in AI, not the real API)", () => {
  it('asks the Translator for the pair, the Summarizer for the output language, and the detector', async () => {
    const { api } = standInApi({
      translatorAvailability: (pair) => (pair.sourceLanguage === 'en' && pair.targetLanguage === 'zh' ? 'downloadable' : 'unavailable'),
      summarizerAvailability: (o) => (o.outputLanguage === 'zh' ? 'downloading' : 'unavailable'),
    });
    expect(await availabilityFor(api, { source: 'English', target: 'Simplified Chinese' })).toEqual({
      translator: 'downloadable',
      summarizer: 'downloading',
      languageDetector: 'available',
    });
  });

  it('leaves the translator open without a source language (it is detected per batch)', async () => {
    const { api } = standInApi();
    expect((await availabilityFor(api, { target: 'Japanese' })).translator).toBeUndefined();
    expect((await availabilityFor(api, { source: ' ', target: 'Japanese' })).translator).toBeUndefined();
  });

  it("reads an unknown language, or an API that throws, as 'unavailable', and a missing API as 'absent'", async () => {
    const { api } = standInApi();
    expect(await availabilityFor(api, { source: 'English', target: 'Elvish' })).toEqual({
      translator: 'unavailable',
      summarizer: 'unavailable',
      languageDetector: 'available',
    });
    const failing = { ...api, languageDetector: { availability: () => Promise.reject(new Error('boom')), create: () => Promise.reject(new Error('boom')) } };
    expect((await availabilityFor(failing, { target: 'English' })).languageDetector).toBe('unavailable');
    const bare = { hasActivation: () => false };
    expect(await availabilityFor(bare, { source: 'English', target: 'English' })).toEqual({
      translator: 'absent',
      summarizer: 'absent',
      languageDetector: 'absent',
    });
  });
});
