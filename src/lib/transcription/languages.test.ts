import { describe, expect, it } from 'vitest';
import { defaultTrack } from './languages.ts';

describe('defaultTrack', () => {
  const tracks = [{ language: 'eng' }, { language: 'fra' }, { language: undefined }];
  it('prefers the track in the chosen language, by its container tag', () => {
    expect(defaultTrack(tracks, 'fr')).toBe(1);
    expect(defaultTrack(tracks, 'en')).toBe(0);
  });
  it('falls back to the first track', () => {
    expect(defaultTrack(tracks, 'ja')).toBe(0);
    expect(defaultTrack(tracks, undefined)).toBe(0);
    expect(defaultTrack([], 'fr')).toBe(0);
  });
});
