import type { ApplyResult, EditableCue, EditCommand } from '../../subtitles/edit/index.ts';

/**
 * What the studio edits: the project's cues with undo. `Project` (src/lib/state/project.svelte.ts)
 * and the `Transcript` inside it both are one; naming only this much keeps the editor independent
 * of the jobs a project runs, and lets tests use a bare transcript.
 */
export interface EditableProject {
  readonly cues: readonly EditableCue[];
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  apply(command: EditCommand): ApplyResult;
  undo(): boolean;
  redo(): boolean;
  cue(id: string): EditableCue | undefined;
}

/** A cue's translation as the list shows it: the text, and whether the cue changed since. */
export interface TranslationView {
  readonly text: string;
  readonly stale: boolean;
}

/** Looks up a cue's translation by id (undefined: none). */
export type TranslationLookup = (id: string) => TranslationView | undefined;
