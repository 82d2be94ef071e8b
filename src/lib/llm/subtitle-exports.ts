import type { Cue } from '../subtitles/cue.ts';

/**
 * Cues with their translations, on the original cues' own times. A cue not translated (yet)
 * keeps its original text, so a partial export never loses a cue or shifts one. Pure.
 *
 * @example
 * translatedCues([{ start: 0, end: 1, text: 'Hi' }], new Map([[0, '你好']]));
 * // [{ start: 0, end: 1, text: '你好' }]
 */
export function translatedCues(cues: readonly Cue[], translations: ReadonlyMap<number, string>): Cue[] {
  return cues.map((cue, index) => ({ ...cue, text: translations.get(index) ?? cue.text }));
}

/**
 * Bilingual cues: the original line above its translation, on the original times. Pure.
 *
 * @example
 * bilingualCues([{ start: 0, end: 1, text: 'Hi' }], new Map([[0, '你好']]));
 * // [{ start: 0, end: 1, text: 'Hi\n你好' }]
 */
export function bilingualCues(cues: readonly Cue[], translations: ReadonlyMap<number, string>): Cue[] {
  return cues.map((cue, index) => {
    const translation = translations.get(index);
    return { ...cue, text: translation ? `${cue.text}\n${translation}` : cue.text };
  });
}
