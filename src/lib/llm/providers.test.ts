import { describe, expect, it } from 'vitest';
import { isPresetId, keyOrigin, presetById, PRESETS } from './providers.ts';

describe('providers', () => {
  it('has a usable base URL for every preset but custom', () => {
    for (const preset of PRESETS.filter((p) => p.id !== 'custom')) {
      expect(keyOrigin(preset.baseURL), preset.id).toBeDefined();
      expect(preset.contextTokens).toBeGreaterThan(1000);
    }
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it('finds presets by id, falling back to custom', () => {
    expect(presetById('deepseek').baseURL).toBe('https://api.deepseek.com');
    expect(presetById('nope').id).toBe('custom');
    expect(isPresetId('ollama')).toBe(true);
    expect(isPresetId('nope')).toBe(false);
  });

  it('keys keys by origin, only for http(s)', () => {
    expect(keyOrigin(' https://api.deepseek.com/v1/ ')).toBe('https://api.deepseek.com');
    expect(keyOrigin('http://localhost:11434/v1')).toBe('http://localhost:11434');
    expect(keyOrigin('ftp://x')).toBeUndefined();
    expect(keyOrigin('not a url')).toBeUndefined();
  });
});
