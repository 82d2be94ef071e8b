import { findMatches, type EditableCue, type FindOptions, type FindResult } from '../../subtitles/edit/index.ts';
import type { EditableProject } from './editable-project.ts';

/** What a finished "replace all" did, for the panel to say. */
export type ReplaceOutcome = { readonly ok: true; readonly count: number } | { readonly ok: false; readonly detail: string };

/**
 * The find-and-replace panel's query and what it finds. Kept by the studio, not the panel, so
 * closing and reopening the panel keeps the last search.
 *
 * @example
 * const find = new FindState(() => project);
 * find.text = 'colour'; find.count; // 3
 * find.replaceAll(); // one undo step
 */
export class FindState {
  text = $state('');
  replacement = $state('');
  regex = $state(false);
  caseSensitive = $state(false);
  wholeWord = $state(false);
  /** The outcome of the last "replace all", until the query changes. */
  outcome = $state.raw<ReplaceOutcome | undefined>();
  readonly #project: () => EditableProject;

  options: FindOptions = $derived({ regex: this.regex, caseSensitive: this.caseSensitive, wholeWord: this.wholeWord });
  result: FindResult = $derived(findMatches(this.#cues(), this.text, this.options));
  /** Matches in all cues (several per cue count several). */
  count: number = $derived(this.result.ok ? this.result.matches.reduce((sum, cue) => sum + cue.ranges.length, 0) : 0);
  /** Cues with at least one match. */
  cueCount: number = $derived(this.result.ok ? this.result.matches.length : 0);
  /** Why the pattern can't be used (the regex engine's words), or undefined. */
  error: string | undefined = $derived(this.result.ok ? undefined : (this.result.error.detail ?? ''));

  constructor(project: () => EditableProject) {
    this.#project = project;
  }

  /** Replaces every match as one undo step; says how many cues changed. */
  replaceAll(): ReplaceOutcome {
    const result = this.#project().apply({ type: 'replace', find: this.text, replacement: this.replacement, options: this.options });
    this.outcome = result.error ? { ok: false, detail: result.error.detail ?? '' } : { ok: true, count: result.count ?? 0 };
    return this.outcome;
  }

  /** The first cue with a match after the one with `afterId` (wrapping round), or undefined. */
  nextMatch(afterId: string | undefined): string | undefined {
    if (!this.result.ok || this.result.matches.length === 0) return undefined;
    const matching = new Set(this.result.matches.map((match) => match.id));
    const cues = this.#cues();
    const from = afterId === undefined ? -1 : cues.findIndex((cue) => cue.id === afterId);
    for (let step = 1; step <= cues.length; step++) {
      const cue = cues[(from + step + cues.length) % cues.length];
      if (cue && matching.has(cue.id)) return cue.id;
    }
    return undefined;
  }

  /** Forgets the last outcome: called when the query changes. */
  edited(): void {
    this.outcome = undefined;
  }

  #cues(): readonly EditableCue[] {
    return this.#project().cues;
  }
}
