/**
 * The editable transcript: cues with stable ids and revisions, edits as pure operations and
 * commands over immutable arrays, an undo history of snapshots, and per-cue translations keyed
 * by id. Pure; `src/lib/state/project.svelte.ts` wires it to the UI.
 */
export {
  createIdFactory,
  indexOfCue,
  toEditable,
  type EditableCue,
  type EditError,
  type EditErrorCode,
  type EditResult,
  type IdFactory,
} from './editable-cue.ts';
export { deleteCues, insert, setText, setTimes, shift, timeBounds } from './operations.ts';
export { merge, split } from './split-merge.ts';
export { appendCues, replaceRange } from './bulk-edits.ts';
export { findMatches, replace, type CueMatches, type FindOptions, type FindResult, type ReplaceResult, type TextRange } from './find-replace.ts';
export { joinTexts } from './text.ts';
export { applyCommand, coalesceKey, removesCues, type ApplyResult, type EditCommand } from './commands.ts';
export { createHistory, mapHistory, record, redo, undo, type History, type HistoryMove, type HistoryOptions, type HistoryStep } from './history.ts';
export {
  isTranslationStale,
  patchTranslations,
  pruneTranslations,
  translationsByIndex,
  withTranslations,
  type CueTranslation,
  type Translations,
} from './translations.ts';
