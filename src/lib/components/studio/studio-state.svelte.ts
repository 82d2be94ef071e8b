import { assertNever } from '../../assert-never.ts';
import type { EditCommand, EditError } from '../../subtitles/edit/index.ts';
import type { EditableProject } from './editable-project.ts';
import { cueIndexAt, lastStartingBy } from './cue-lookup.ts';
import { FindState } from './find-state.svelte.ts';
import { loopJump } from './loop.ts';
import type { StudioAction } from './shortcuts.ts';
import { commandFor, isCommandAction, splitCommand, type CommandContext } from './studio-commands.ts';

/** The panels the studio opens over or beside the cue list. */
export type StudioPanel = 'find' | 'shortcuts';

/** A cue field being edited in place. */
export interface Editing {
  readonly id: string;
  readonly field: 'text' | 'start' | 'end';
}

/** What the studio needs from the page: the project, the video's time and its controls. */
export interface StudioHost {
  project(): EditableProject;
  time(): number;
  seek(seconds: number): void;
  playPause(): void;
}

/** What "shift" moves by when the studio opens (seconds). */
export const DEFAULT_SHIFT_SECONDS = 1;

/**
 * The editor's own state, apart from the project: the selected cue, the field being edited, the
 * open panel, the loop and shift settings, the last refused edit. Every toolbar button and
 * shortcut goes through `can`/`run`, so both follow the same rules.
 *
 * @example
 * const studio = new StudioState({ project: () => project, time: () => video.currentTime, seek, playPause });
 * if (studio.can('split')) studio.run('split');
 */
export class StudioState {
  selectedId = $state<string | undefined>();
  editing = $state.raw<Editing | undefined>();
  panel = $state<StudioPanel | undefined>();
  loop = $state(false);
  shiftSeconds = $state(DEFAULT_SHIFT_SECONDS);
  /** Why the last edit was refused, until the next one succeeds or it is dismissed. */
  error = $state.raw<EditError | undefined>();
  readonly find: FindState;
  readonly #host: StudioHost;
  #lastTime: number | undefined;
  // Row lookups stay O(1) however long the transcript: `can` runs for every button on every frame.
  #indexById: ReadonlyMap<string, number> = $derived(new Map(this.#project().cues.map((cue, index) => [cue.id, index])));

  constructor(host: StudioHost) {
    this.#host = host;
    this.find = new FindState(() => host.project());
  }

  /** Position of the cue with this id, or -1. */
  indexOf(id: string | undefined): number {
    return id === undefined ? -1 : (this.#indexById.get(id) ?? -1);
  }

  /** The cue actions work on: the selected one, else the one under the playhead; -1 when neither. */
  targetIndex(): number {
    const selected = this.indexOf(this.selectedId);
    return selected >= 0 ? selected : cueIndexAt(this.#project().cues, this.#host.time());
  }

  /** Starts editing a field of a cue (and selects it). */
  edit(id: string, field: Editing['field']): void {
    this.selectedId = id;
    this.editing = { id, field };
  }

  /**
   * Stops editing; with `id` (and `field`), only if that is what is being edited: a box that
   * closes late (a blur, a row leaving the screen) must not end an edit that has moved on.
   */
  stopEditing(id?: string, field?: Editing['field']): void {
    const editing = this.editing;
    if (!editing || (id !== undefined && editing.id !== id) || (field !== undefined && editing.field !== field)) return;
    this.editing = undefined;
  }

  /** Whether the list should keep the playing cue in view: not while the user edits a row. */
  followsPlayback(playing: boolean): boolean {
    return playing && this.editing === undefined;
  }

  /** Opens a panel, or closes it when it is the open one. */
  toggle(panel: StudioPanel): void {
    this.panel = this.panel === panel ? undefined : panel;
  }

  close(panel: StudioPanel): void {
    if (this.panel === panel) this.panel = undefined;
  }

  /** Applies an edit; a refusal is kept in `error` for the page to show. True when the cues changed. */
  apply(command: EditCommand | undefined): boolean {
    if (!command) return false;
    const index = this.indexOf(this.selectedId);
    const result = this.#project().apply(command);
    this.error = result.error;
    this.#reconcile(index);
    return result.changed;
  }

  /** Called with every new playback time: with the loop on, playing past the selected cue's end jumps back to its start. */
  tick(time: number): void {
    const previous = this.#lastTime;
    this.#lastTime = time;
    if (!this.loop || previous === undefined) return;
    const target = loopJump(this.#project().cues[this.indexOf(this.selectedId)], previous, time);
    if (target === undefined) return;
    this.#lastTime = target;
    this.#host.seek(target);
  }

  /** Whether an action can run now (a toolbar button's enabled state). */
  can(action: StudioAction): boolean {
    if (isCommandAction(action)) return commandFor(action, this.#context()) !== undefined;
    const cues = this.#project().cues;
    switch (action) {
      case 'undo':
        return this.#project().canUndo;
      case 'redo':
        return this.#project().canRedo;
      case 'split':
        return this.editing?.field === 'text' || this.#splitAtPlayhead() !== undefined;
      case 'delete':
      case 'edit-text':
        return this.targetIndex() >= 0;
      case 'previous-cue':
      case 'next-cue':
        return cues.length > 0;
      case 'loop':
        return this.loop || cues.length > 0;
      case 'find':
      case 'help':
      case 'play-pause':
      case 'leave':
        return true;
      default:
        return assertNever(action);
    }
  }

  /** Runs an action if it can run; `caret` is the text cursor when a cue's text box has focus. */
  run(action: StudioAction, caret?: number): void {
    if (!this.can(action)) return;
    if (isCommandAction(action)) {
      this.#runCommand(commandFor(action, this.#context()));
      return;
    }
    const cue = this.#project().cues[this.targetIndex()];
    switch (action) {
      case 'undo':
      case 'redo':
        return this.#history(action);
      case 'split':
        return this.#split(caret);
      case 'delete':
        if (cue) this.#delete(cue.id);
        return;
      case 'previous-cue':
      case 'next-cue':
        return this.#step(action === 'next-cue' ? 1 : -1);
      case 'loop':
        this.loop = !this.loop;
        // The loop plays the selected cue; with none selected, the one under the playhead becomes it.
        if (this.loop && cue) this.selectedId = cue.id;
        return;
      case 'find':
        this.panel = 'find';
        return;
      case 'help':
        return this.toggle('shortcuts');
      case 'play-pause':
        return this.#host.playPause();
      case 'edit-text':
        if (cue) this.edit(cue.id, 'text');
        return;
      case 'leave':
        return this.#leave();
      default:
        return assertNever(action);
    }
  }

  #project(): EditableProject {
    return this.#host.project();
  }

  #context(): CommandContext {
    return { cues: this.#project().cues, target: this.targetIndex(), time: this.#host.time(), shiftSeconds: this.shiftSeconds };
  }

  /** Applies a command action's edit, then selects what it made: a merged cue keeps the earlier id, an inserted one is typed into. */
  #runCommand(command: EditCommand | undefined): void {
    const wasEditing = this.editing?.field === 'text';
    if (!command || !this.apply(command)) return;
    if (command.type === 'merge') {
      this.selectedId = command.first;
      if (wasEditing) this.editing = { id: command.first, field: 'text' };
    } else if (command.type === 'insert') {
      const added = this.#project().cues[command.after === null ? 0 : this.indexOf(command.after) + 1];
      if (added) this.edit(added.id, 'text'); // a new cue is empty: type its text straight away
    }
  }

  #splitAtPlayhead(): EditCommand | undefined {
    const cues = this.#project().cues;
    const cue = cues[cueIndexAt(cues, this.#host.time())];
    return cue ? splitCommand(cue, this.#host.time()) : undefined;
  }

  #split(caret: number | undefined): void {
    const edited = this.editing?.field === 'text' ? this.#project().cue(this.editing.id) : undefined;
    const command = edited ? splitCommand(edited, this.#host.time(), caret) : this.#splitAtPlayhead();
    if (command?.type !== 'split' || !this.apply(command)) return;
    // The second half is where the playhead (or the caret) was: carry on there.
    const second = this.#project().cues[this.indexOf(command.id) + 1];
    if (!second) return;
    this.selectedId = second.id;
    if (edited) this.editing = { id: second.id, field: 'text' };
  }

  #delete(id: string): void {
    const index = this.indexOf(id);
    if (!this.apply({ type: 'delete', ids: [id] })) return;
    const cues = this.#project().cues;
    this.selectedId = (cues[index] ?? cues[index - 1])?.id; // the next cue moves up into its place
  }

  #history(action: 'undo' | 'redo'): void {
    const index = this.indexOf(this.selectedId);
    if (action === 'undo') this.#project().undo();
    else this.#project().redo();
    this.error = undefined;
    this.#reconcile(index);
  }

  /** Selects the next or previous cue and plays from it; a text being edited moves along. */
  #step(direction: 1 | -1): void {
    const cues = this.#project().cues;
    const from = this.targetIndex();
    // In a gap with nothing selected, "next" is the first cue after the playhead, "previous" the last before it.
    const before = lastStartingBy(cues, this.#host.time());
    const index = from >= 0 ? from + direction : direction > 0 ? before + 1 : before;
    const cue = cues[Math.min(cues.length - 1, Math.max(0, index))];
    if (!cue) return;
    this.selectedId = cue.id;
    if (this.editing?.field === 'text') this.editing = { id: cue.id, field: 'text' };
    this.#host.seek(cue.start);
  }

  #leave(): void {
    if (this.editing) this.editing = undefined;
    else if (this.panel) this.panel = undefined;
    else this.error = undefined;
  }

  /** After an edit or undo: forget an edit whose cue is gone, and select what took a vanished cue's place. */
  #reconcile(previousIndex: number): void {
    const cues = this.#project().cues;
    if (this.editing && this.indexOf(this.editing.id) < 0) this.editing = undefined;
    if (this.selectedId !== undefined && this.indexOf(this.selectedId) < 0) {
      this.selectedId = cues[Math.min(previousIndex, cues.length - 1)]?.id;
    }
  }
}
