import { describe, expect, it } from 'vitest';
import { PreviewText, previewCues, type ChoiceStorage } from './preview-text.svelte.ts';

function memory(): ChoiceStorage & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

const cues = [
  { id: 'c1', start: 0, end: 1, text: 'Hello.' },
  { id: 'c2', start: 1, end: 2, text: 'Not translated.' },
];
const translations = new Map([['c1', '你好。']]);
const translationOf = (id: string) => translations.get(id);

describe('PreviewText', () => {
  it('shows the original until a translation exists, then the choice', () => {
    const text = new PreviewText(memory());
    text.choose('translated');
    expect(text.shown(false)).toBe('original');
    expect(text.shown(true)).toBe('translated');
  });

  it('remembers the choice for the session, and ignores a stored value it does not know', () => {
    const storage = memory();
    new PreviewText(storage).choose('bilingual');
    expect(new PreviewText(storage).chosen).toBe('bilingual');
    storage.values.set('zimu-preview-text', 'subtitles-upside-down');
    expect(new PreviewText(storage).chosen).toBe('original');
    expect(new PreviewText(undefined).chosen).toBe('original');
  });

  it('keeps the choice for the page when storage refuses it', () => {
    const text = new PreviewText({ getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } });
    text.choose('translated');
    expect(text.chosen).toBe('translated');
  });
});

describe('previewCues', () => {
  it('gives each mode its text; an untranslated cue keeps its original', () => {
    expect(previewCues(cues, translationOf, 'original')).toBe(cues);
    expect(previewCues(cues, translationOf, 'translated').map((c) => c.text)).toEqual(['你好。', 'Not translated.']);
    expect(previewCues(cues, translationOf, 'bilingual')).toEqual([
      { start: 0, end: 1, text: 'Hello.\n你好。' },
      { start: 1, end: 2, text: 'Not translated.' },
    ]);
  });
});
