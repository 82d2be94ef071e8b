import type { SavedTranscript } from '../storage/saved-project.ts';
import type { Cue } from '../subtitles/cue.ts';
import { normalizeCues } from '../subtitles/normalize.ts';
import {
  appendCues,
  applyCommand,
  coalesceKey,
  createHistory,
  createIdFactory,
  isTranslationStale,
  mapHistory,
  patchTranslations,
  pruneTranslations,
  record,
  redo,
  removesCues,
  toEditable,
  translationsByIndex,
  undo,
  withTranslations,
  type ApplyResult,
  type CueTranslation,
  type EditableCue,
  type EditCommand,
  type History,
  type HistoryMove,
  type HistoryOptions,
  type IdFactory,
  type Translations,
} from '../subtitles/edit/index.ts';

export type { CueTranslation, EditableCue, EditCommand };

/** What one undo step restores. */
interface Snapshot {
  readonly cues: readonly EditableCue[];
  readonly translations: Translations;
  readonly language: string;
}

export interface TranscriptOptions {
  /** Where cue ids come from (tests seed one to predict ids). */
  readonly ids?: IdFactory;
  /** The clock that decides which typing coalesces into one undo step (ms). */
  readonly now?: () => number;
  readonly history?: HistoryOptions;
}

/** A transcript as storage keeps it (plain data, structured-clone safe): the library's shape. */
export type { SavedTranscript };

const NONE: Translations = new Map();

/**
 * The transcript being worked on: cues with stable ids, edits as commands with undo, and the
 * finished translation keyed by cue id, so it stays attached through edits and shows which
 * lines changed since. Running jobs keep their partial results; only finished work lands here.
 *
 * @example
 * const transcript = new Transcript();
 * transcript.appendRecognised(cues);                      // while recognition streams
 * transcript.apply({ type: 'merge', first: 'c1', second: 'c2' });
 * transcript.undo();
 */
export class Transcript {
  cues = $state.raw<readonly EditableCue[]>([]);
  translations = $state.raw<Translations>(NONE);
  /** The language `translations` are in; '' when there are none. */
  translationLanguage = $state('');
  /** Translation texts by cue position, stale ones too: for views keyed by index. */
  translationsByIndex: ReadonlyMap<number, string> = $derived(translationsByIndex(this.cues, this.translations));
  /** Up-to-date translations by cue position: the `done` a resumed run over `cues` skips. */
  doneByIndex: ReadonlyMap<number, string> = $derived(translationsByIndex(this.cues, this.translations, true));
  /** Cues by id, built once per edit when first asked (row lookups stay O(1)). */
  #byId: ReadonlyMap<string, EditableCue> = $derived(new Map(this.cues.map((cue) => [cue.id, cue])));
  #history = $state.raw<History<Snapshot>>(createHistory());
  readonly #ids: IdFactory;
  readonly #now: () => number;
  readonly #historyOptions: HistoryOptions;

  constructor(options: TranscriptOptions = {}) {
    this.#ids = options.ids ?? createIdFactory();
    this.#now = options.now ?? (() => performance.now());
    this.#historyOptions = options.history ?? {};
    this.#history = createHistory(this.#historyOptions);
  }

  get canUndo(): boolean {
    return this.#history.past.length > 0;
  }

  get canRedo(): boolean {
    return this.#history.future.length > 0;
  }

  /**
   * Adds cues as recognition streams them (normalized, given ids). Not an edit, so no undo step;
   * the cues are added to the undo snapshots too, so undoing an edit made meanwhile keeps them.
   */
  appendRecognised(cues: readonly Cue[]): void {
    const fresh = normalizeCues(cues).map((cue) => toEditable(cue, this.#ids));
    if (fresh.length === 0) return;
    this.cues = appendCues(this.cues, fresh);
    if (!this.canUndo && !this.canRedo) return;
    // Consecutive steps share their cue arrays; rewriting each array once keeps that sharing.
    const rewritten = new Map<readonly EditableCue[], readonly EditableCue[]>();
    const append = (old: readonly EditableCue[]): readonly EditableCue[] => {
      const known = rewritten.get(old);
      if (known) return known;
      const next = appendCues(old, fresh);
      rewritten.set(old, next);
      return next;
    };
    this.#history = mapHistory(this.#history, (snapshot) => ({ ...snapshot, cues: append(snapshot.cues) }));
  }

  /** Replaces everything with these cues (a new transcript, an import): no translations, no history. */
  load(cues: readonly Cue[]): void {
    this.#reset(normalizeCues(cues).map((cue) => toEditable(cue, this.#ids)), NONE, '');
  }

  /** Reopens a saved transcript, ids and all; new ids will not collide with the saved ones. */
  restore(saved: SavedTranscript): void {
    this.#ids.reserve(saved.cues.map((cue) => cue.id));
    this.#reset(saved.cues, new Map(saved.translations), saved.translationLanguage);
  }

  /** The transcript as plain data, for storage. */
  toSaved(): SavedTranscript {
    return { cues: this.cues, translations: [...this.translations], translationLanguage: this.translationLanguage };
  }

  /**
   * Applies an edit as one undo step (typing in one cue coalesces). A refused command changes
   * nothing and says why in `error`. Removed cues take their translations with them.
   */
  apply(command: EditCommand): ApplyResult {
    const result = applyCommand(this.cues, command, this.#ids);
    if (!result.changed) return result;
    const before = this.#snapshot();
    this.cues = result.cues;
    if (removesCues(command)) this.translations = pruneTranslations(this.translations, result.cues);
    this.#history = record(this.#history, before, this.#snapshot(), this.#now(), coalesceKey(command));
    return result;
  }

  /** Steps back one edit; false when there was none. */
  undo(): boolean {
    return this.#move(undo(this.#history));
  }

  /** Steps forward one undone edit; false when there was none. */
  redo(): boolean {
    return this.#move(redo(this.#history));
  }

  /**
   * Records a finished translation run: `entries` are cue id → translated text, made from the
   * cues as they were when the run started (`made`, default: the cues now), so a cue edited
   * during the run shows as stale. In the same language the entries are added to (and win over)
   * the translations there; in another language, or with `replace`, they replace them all.
   */
  setTranslations(
    entries: Iterable<readonly [string, string]>,
    language: string,
    made: readonly EditableCue[] = this.cues,
    { replace = false }: { readonly replace?: boolean } = {},
  ): void {
    const base = language === this.translationLanguage && !replace ? this.translations : NONE;
    this.translations = withTranslations(base, entries, made, this.cues);
    this.translationLanguage = language;
  }

  /** The cue with this id, if it is still in the transcript. */
  cue(id: string): EditableCue | undefined {
    return this.#byId.get(id);
  }

  translationOf(id: string): CueTranslation | undefined {
    return this.translations.get(id);
  }

  /** True when the cue has a translation made from an older text. */
  isTranslationStale(id: string): boolean {
    const translation = this.translations.get(id);
    const cue = this.#byId.get(id);
    return cue !== undefined && translation !== undefined && isTranslationStale(cue, translation);
  }

  /** Cues with no translation or a stale one: what a resumed run should translate. */
  untranslated(): readonly EditableCue[] {
    return this.cues.filter((cue) => {
      const translation = this.translations.get(cue.id);
      return !translation || isTranslationStale(cue, translation);
    });
  }

  clearTranslations(): void {
    this.translations = NONE;
    this.translationLanguage = '';
  }

  #snapshot(): Snapshot {
    return { cues: this.cues, translations: this.translations, language: this.translationLanguage };
  }

  #reset(cues: readonly EditableCue[], translations: Translations, language: string): void {
    this.cues = cues;
    this.translations = translations;
    this.translationLanguage = language;
    this.#history = createHistory(this.#historyOptions);
  }

  #move(move: HistoryMove<Snapshot> | undefined): boolean {
    if (!move) return false;
    this.#history = move.history;
    this.cues = move.state.cues;
    if (this.translations === move.from.translations) {
      this.translations = move.state.translations; // nothing arrived since the step: restore as was
      return true;
    }
    // Only what the step itself changed is put back: translations that arrived after the edit
    // stay. Those of another language (the user switched since) don't belong in this map.
    if (move.state.language === this.translationLanguage) {
      this.translations = patchTranslations(this.translations, move.from.translations, move.state.translations);
    }
    this.translations = pruneTranslations(this.translations, this.cues);
    return true;
  }
}
