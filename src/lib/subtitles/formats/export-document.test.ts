import { describe, expect, it } from 'vitest';
import { prepareCues, shownCues, shownText, type ExportCue } from './export-document.ts';

const cue = (start: number, end: number, text: string, translation?: string): ExportCue =>
  translation === undefined ? { start, end, text } : { start, end, text, translation };

describe('prepareCues', () => {
  it('normalizes times and text like normalizeCues, and tidies translations the same way', () => {
    const cues = [cue(5, 6, ' b ', '  乙  '), cue(0, 9, 'a  a', '甲\r\n\n 甲'), cue(2.0004, 2.0001, 'empty')];
    expect(prepareCues({ variant: 'bilingual', cues })).toEqual([cue(0, 5, 'a a', '甲\n甲'), cue(5, 6, 'b', '乙')]);
  });

  it('drops translations from the original variant', () => {
    expect(prepareCues({ variant: 'original', cues: [cue(0, 1, 'Hi', '你好')] })).toEqual([cue(0, 1, 'Hi')]);
  });

  it('drops a cue with nothing to show before trimming overlaps, so it cannot cut one short', () => {
    const cues = [cue(0, 4, 'a', '甲'), cue(2, 3, ' ', ' ')];
    expect(prepareCues({ variant: 'translated', cues })).toEqual([cue(0, 4, 'a', '甲')]);
  });

  it('keeps a cue shown only by its translation, and one shown only by its text', () => {
    const cues = [cue(0, 1, '', '只有译文'), cue(1, 2, 'only text', ' ')];
    expect(prepareCues({ variant: 'bilingual', cues })).toEqual([cue(0, 1, '', '只有译文'), cue(1, 2, 'only text')]);
  });

  it('keeps word times, clamped to the cue as normalizeCues clamps them', () => {
    const cues = [{ start: 0, end: 1, text: 'a b', words: [{ start: 0, end: 0.5, text: ' a' }, { start: 0.5, end: 1.5, text: ' b' }] }];
    expect(prepareCues({ variant: 'original', cues })[0]?.words).toEqual([{ start: 0, end: 0.5, text: ' a' }, { start: 0.5, end: 1, text: ' b' }]);
  });

  it('does not modify its input', () => {
    const cues = [cue(3, 9, ' b ', ' x '), cue(0, 5, 'a')];
    const copy = structuredClone(cues);
    prepareCues({ variant: 'bilingual', cues });
    expect(cues).toEqual(copy);
  });
});

describe('shownText', () => {
  const both = cue(0, 1, 'Hi', '你好');
  it('shows the variant’s text', () => {
    expect(shownText(both, 'original')).toBe('Hi');
    expect(shownText(both, 'translated')).toBe('你好');
    expect(shownText(both, 'bilingual')).toBe('Hi\n你好');
  });

  it('falls back to the original text where a cue has no translation, and to the translation where it has no text', () => {
    expect(shownText(cue(0, 1, 'Hi'), 'translated')).toBe('Hi');
    expect(shownText(cue(0, 1, 'Hi', ''), 'bilingual')).toBe('Hi');
    expect(shownText(cue(0, 1, '', '你好'), 'bilingual')).toBe('你好');
  });
});

describe('shownCues', () => {
  it('gives plain cues with the variant’s text and without word times', () => {
    const cues = [{ start: 0, end: 1, text: 'Hi', translation: '你好', words: [{ start: 0, end: 1, text: ' Hi' }] }];
    expect(shownCues({ variant: 'translated', cues })).toEqual([{ start: 0, end: 1, text: '你好' }]);
  });
});
