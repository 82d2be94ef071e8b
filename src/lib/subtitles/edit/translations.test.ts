import { describe, expect, it } from 'vitest';
import type { EditableCue } from './editable-cue.ts';
import { isTranslationStale, patchTranslations, pruneTranslations, translationsByIndex, withTranslations, type Translations } from './translations.ts';

const cue = (id: string, text = id, revision = 0): EditableCue => ({ id, revision, start: 0, end: 1, text });
const t = (text: string, revision = 0, source = 'x') => ({ text, revision, source });

describe('translations', () => {
  it('is stale when the text differs from what was translated, whatever the revision', () => {
    expect(isTranslationStale(cue('c1', 'x'), t('X'))).toBe(false);
    expect(isTranslationStale(cue('c1', 'x', 1), t('X'))).toBe(false);
    expect(isTranslationStale(cue('c1', 'y', 0), t('X'))).toBe(true);
  });

  it('records entries against the cues the run saw, skipping cues gone since', () => {
    const made = [cue('c1', 'old', 2), cue('c2')];
    const now = [cue('c1', 'new', 3)];
    const result = withTranslations(new Map(), [['c1', 'A'], ['c2', 'B'], ['c9', 'C']], made, now);
    expect([...result]).toEqual([['c1', { text: 'A', revision: 2, source: 'old' }]]);
  });

  it('patches only what changed between two maps, keeping later arrivals', () => {
    const a = t('a');
    const b = t('b');
    const before: Translations = new Map([['c1', a], ['c2', b]]);
    const after: Translations = new Map([['c1', a]]);
    const current: Translations = new Map([['c1', a], ['c3', t('late')]]);
    expect([...patchTranslations(current, after, before).keys()]).toEqual(['c1', 'c3', 'c2']);
    expect(patchTranslations(current, after, after)).toBe(current);
  });

  it('prunes translations of missing cues and indexes them by position', () => {
    const map: Translations = new Map([['c1', t('a')], ['c2', t('b')]]);
    expect([...pruneTranslations(map, [cue('c2')]).keys()]).toEqual(['c2']);
    expect(pruneTranslations(map, [cue('c1'), cue('c2')])).toBe(map);
    expect([...translationsByIndex([cue('c0'), cue('c2')], map)]).toEqual([[1, 'b']]);
    expect([...translationsByIndex([cue('c1', 'x'), cue('c2', 'y', 1)], map, true)]).toEqual([[0, 'a']]);
  });
});
