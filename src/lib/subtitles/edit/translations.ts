import type { EditableCue } from './editable-cue.ts';

/** A cue's translation, and what it was made from, so an edit since shows it as stale. */
export interface CueTranslation {
  readonly text: string;
  /** The cue's revision when it was translated. */
  readonly revision: number;
  /** The cue's text when it was translated: revisions repeat after an undo (see isTranslationStale). */
  readonly source: string;
}

export type Translations = ReadonlyMap<string, CueTranslation>;

/**
 * Whether the cue's text changed since it was translated. The text decides, not the revision:
 * a cue split and merged back, or edited and edited back, says what was translated again, while
 * revisions repeat after an undo followed by another edit.
 *
 * @example
 * isTranslationStale(cue, { text: '你好', revision: 0, source: 'Hello' }); // true once cue.text is not 'Hello'
 */
export function isTranslationStale(cue: EditableCue, translation: CueTranslation): boolean {
  return cue.text !== translation.source;
}

/**
 * `current` with the run's `entries` (cue id → text) recorded against the cues as the run saw
 * them (`made`); ids no longer in `cues` (deleted during the run) are skipped.
 *
 * @example
 * withTranslations(project.translations, [['c1', '你好']], cuesAtStart, project.cues);
 */
export function withTranslations(
  current: Translations,
  entries: Iterable<readonly [string, string]>,
  made: readonly EditableCue[],
  cues: readonly EditableCue[],
): Translations {
  const madeById = new Map(made.map((cue) => [cue.id, cue]));
  const live = new Set(cues.map((cue) => cue.id));
  const next = new Map(current);
  for (const [id, text] of entries) {
    const cue = madeById.get(id);
    if (cue && live.has(id)) next.set(id, { text, revision: cue.revision, source: cue.text });
  }
  return next;
}

/** The translations of cues still in `cues`; the same map when none went. */
export function pruneTranslations(translations: Translations, cues: readonly EditableCue[]): Translations {
  if (translations.size === 0) return translations;
  const live = new Set<string>();
  for (const cue of cues) live.add(cue.id);
  let next: Map<string, CueTranslation> | undefined;
  for (const id of translations.keys()) {
    if (live.has(id)) continue;
    next ??= new Map(translations); // copy only when something goes: most edits remove nothing
    next.delete(id);
  }
  return next ?? translations;
}

/**
 * `current` with the difference from `from` to `to` applied: undo restores what an edit changed
 * (a deleted cue's translation) without dropping translations that arrived after the edit.
 *
 * @example
 * patchTranslations(project.translations, step.after.translations, step.before.translations);
 */
export function patchTranslations(current: Translations, from: Translations, to: Translations): Translations {
  if (from === to) return current;
  const next = new Map(current);
  for (const id of new Set([...from.keys(), ...to.keys()])) {
    const target = to.get(id);
    if (target === from.get(id)) continue;
    if (target) next.set(id, target);
    else next.delete(id);
  }
  return next;
}

/**
 * Translation texts by cue position, for code still keyed by index: a view (stale ones too), or
 * with `freshOnly` the `done` map of a resumed run (stale ones are translated again).
 *
 * @example
 * translationsByIndex(project.cues, project.translations).get(0); // '你好'
 */
export function translationsByIndex(cues: readonly EditableCue[], translations: Translations, freshOnly = false): ReadonlyMap<number, string> {
  const byIndex = new Map<number, string>();
  for (const [index, cue] of cues.entries()) {
    const translation = translations.get(cue.id);
    if (translation && !(freshOnly && isTranslationStale(cue, translation))) byIndex.set(index, translation.text);
  }
  return byIndex;
}
