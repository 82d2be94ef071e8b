import { describe, expect, it } from 'vitest';
import { defaultOptions, fitOptions, planTracks, trackFormat, videoFileName, type RoleLabels, type VideoExportOptions } from './export-plan.ts';

const labels: RoleLabels = { original: 'Original', translation: 'Translation', bilingual: 'Bilingual' };
const options = (changes: Partial<VideoExportOptions> = {}): VideoExportOptions => ({ ...defaultOptions(true), ...changes });
const brief = (tracks: ReturnType<typeof planTracks>) => tracks.map((t) => [t.role, t.variant, t.format, t.language, t.isDefault]);

describe('defaultOptions and fitOptions', () => {
  it('starts with MP4, both tracks when there is a translation, ASS for Matroska', () => {
    expect(defaultOptions(true)).toEqual({ container: 'mp4', tracks: 'both', mkvFormat: 'ass', bilingual: false });
    expect(defaultOptions(false)).toEqual({ container: 'mp4', tracks: 'original', mkvFormat: 'ass', bilingual: false });
  });

  it('allows only the original without a translation', () => {
    expect(fitOptions(options({ tracks: 'translation', bilingual: true }), false)).toEqual(options({ tracks: 'original', bilingual: false }));
    expect(fitOptions(options({ tracks: 'translation', bilingual: true }), true)).toEqual(options({ tracks: 'translation', bilingual: true }));
  });
});

describe('trackFormat', () => {
  it('writes SRT for MP4 (converted to mov_text) whatever Matroska would take', () => {
    expect(trackFormat({ container: 'mp4', mkvFormat: 'ass' })).toBe('srt');
    expect(trackFormat({ container: 'mkv', mkvFormat: 'ass' })).toBe('ass');
    expect(trackFormat({ container: 'mkv', mkvFormat: 'srt' })).toBe('srt');
  });
});

describe('planTracks', () => {
  const languages = { original: 'en', translation: 'Simplified Chinese' };

  it('puts the original and the translation in separate tracks, tagged in ISO 639-2/T for MP4', () => {
    const tracks = planTracks(options(), languages, true, labels);
    expect(brief(tracks)).toEqual([
      ['original', 'original', 'srt', 'eng', false],
      ['translation', 'translated', 'srt', 'zho', true],
    ]);
    expect(tracks[0]?.title).toBe('English');
    expect(tracks[1]?.title).toMatch(/^中文/);
  });

  it('tags Matroska tracks in ISO 639-2/B and adds the bilingual track last, as the default', () => {
    const tracks = planTracks(options({ container: 'mkv', bilingual: true }), languages, true, labels);
    expect(brief(tracks)).toEqual([
      ['original', 'original', 'ass', 'eng', false],
      ['translation', 'translated', 'ass', 'chi', false],
      ['bilingual', 'bilingual', 'ass', 'chi', true],
    ]);
    expect(tracks[2]?.title).toMatch(/^中文.* \/ English$/);
  });

  it('writes one track when one is asked for, and only the original without a translation', () => {
    expect(brief(planTracks(options({ tracks: 'translation' }), languages, true, labels))).toEqual([['translation', 'translated', 'srt', 'zho', true]]);
    expect(brief(planTracks(options({ tracks: 'both', bilingual: true }), languages, false, labels))).toEqual([['original', 'original', 'srt', 'eng', true]]);
  });

  it('titles tracks of unknown language by their role, and tells apart tracks that would read the same', () => {
    const unknown = planTracks(options(), {}, true, labels);
    expect(unknown.map((t) => [t.language, t.title])).toEqual([['und', 'Original'], ['und', 'Translation']]);
    const same = planTracks(options(), { original: 'en', translation: 'English' }, true, labels);
    expect(same.map((t) => t.title)).toEqual(['English (Original)', 'English (Translation)']);
  });
});

describe('videoFileName', () => {
  it('keeps the source name, marks it subtitled and gives the container extension', () => {
    expect(videoFileName('讲座 第1课.mp4', 'mkv')).toBe('讲座 第1课.subtitled.mkv');
    expect(videoFileName('talk.mp4', 'mp4')).toBe('talk.subtitled.mp4');
    expect(videoFileName('a:b?.mov', 'mp4')).toBe('ab.subtitled.mp4');
  });

  it('stays within 255 UTF-8 bytes', () => {
    const name = videoFileName(`${'字'.repeat(120)}.mp4`, 'mkv');
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(name.endsWith('字.subtitled.mkv')).toBe(true);
  });
});
