import type { Cue } from '../cue.ts';
import { clampWords } from '../normalize.ts';

/**
 * A cue inside a project: `id` stays with it through every edit (translations and other
 * per-cue data are keyed by it), `revision` counts its text changes, so data made from an
 * older text can tell it is stale. Time-only changes keep the revision.
 */
export interface EditableCue extends Cue {
  readonly id: string;
  readonly revision: number;
}

/** Why an edit was refused; the UI translates the code. */
export type EditErrorCode =
  | 'unknown-cue'
  | 'invalid-times'
  | 'overlaps-neighbour'
  | 'split-outside-cue'
  | 'no-split-point'
  | 'not-adjacent'
  | 'invalid-pattern';

export interface EditError {
  readonly code: EditErrorCode;
  /** Technical detail (the regex engine's message, the cue id), shown in small print. */
  readonly detail?: string;
}

/** An edit's outcome: the new cues, or why nothing changed. */
export type EditResult =
  | { readonly ok: true; readonly cues: readonly EditableCue[] }
  | { readonly ok: false; readonly error: EditError };

/** Hands out project-unique cue ids. */
export interface IdFactory {
  next(): string;
  /** Makes sure later ids never equal any of these (ids restored from a saved project). */
  reserve(ids: Iterable<string>): void;
}

/**
 * Counter-based ids (`c1`, `c2`, …): deterministic, so tests can predict them, and short in
 * saved projects. Random ids would buy nothing: ids only need to be unique within a project.
 *
 * @example
 * const ids = createIdFactory();
 * ids.next(); // 'c1'
 * ids.reserve(['c9']);
 * ids.next(); // 'c10'
 */
export function createIdFactory(prefix = 'c', first = 1): IdFactory {
  let counter = first;
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`);
  return {
    next: () => `${prefix}${counter++}`,
    reserve(ids) {
      for (const id of ids) {
        const number = pattern.exec(id)?.[1];
        if (number !== undefined) counter = Math.max(counter, Number(number) + 1);
      }
    },
  };
}

/** A recognised or imported cue, given an id and revision 0. */
export function toEditable(cue: Cue, ids: IdFactory): EditableCue {
  const base = { id: ids.next(), revision: 0, start: cue.start, end: cue.end, text: cue.text };
  return cue.words ? { ...base, words: cue.words } : base;
}

/**
 * The cue with new text and the next revision. Word timings go: they describe the recognised
 * wording, and the cue list shows words instead of text when a cue has them.
 */
export function withText(cue: EditableCue, text: string): EditableCue {
  return { id: cue.id, revision: cue.revision + 1, start: cue.start, end: cue.end, text };
}

/** The cue with new times, same revision; its words are kept inside them. */
export function withTimes(cue: EditableCue, start: number, end: number): EditableCue {
  return cue.words ? { ...cue, start, end, words: clampWords(cue.words, start, end) } : { ...cue, start, end };
}

/** Position of the cue with `id`, or -1. */
export function indexOfCue(cues: readonly EditableCue[], id: string): number {
  return cues.findIndex((cue) => cue.id === id);
}

/** Seconds rounded to whole milliseconds, what SRT and WebVTT carry (see normalizeCues). */
export function toWholeMilliseconds(seconds: number): number {
  // Math.max(0, …) also turns a rounded -0 into +0.
  return Math.max(0, Math.round(seconds * 1000) / 1000);
}

/** The refused-edit result. */
export function refused(code: EditErrorCode, detail?: string): EditResult {
  return { ok: false, error: detail === undefined ? { code } : { code, detail } };
}
