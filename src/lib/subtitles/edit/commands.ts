import { assertNever } from '../../assert-never.ts';
import type { Cue } from '../cue.ts';
import { replaceRange } from './bulk-edits.ts';
import type { EditableCue, EditError, EditResult, IdFactory } from './editable-cue.ts';
import { replace, type FindOptions } from './find-replace.ts';
import { deleteCues, insert, setText, setTimes, shift } from './operations.ts';
import { merge, split } from './split-merge.ts';

/** One user edit, as data: what the editor sends, what undo groups, what a log could replay. */
export type EditCommand =
  | { readonly type: 'set-text'; readonly id: string; readonly text: string }
  | { readonly type: 'set-times'; readonly id: string; readonly start: number; readonly end: number }
  /** `caret`: where to cut the text (a character offset); else at the word nearest `at`. */
  | { readonly type: 'split'; readonly id: string; readonly at: number; readonly caret?: number }
  | { readonly type: 'merge'; readonly first: string; readonly second: string }
  /** `after: null` inserts before the first cue. */
  | { readonly type: 'insert'; readonly after: string | null; readonly start: number; readonly end: number; readonly text: string }
  | { readonly type: 'delete'; readonly ids: readonly string[] }
  /** `from`: shift that cue and all after it; else every cue. */
  | { readonly type: 'shift'; readonly delta: number; readonly from?: string }
  | {
      readonly type: 'replace';
      readonly find: string;
      readonly replacement: string;
      readonly options: FindOptions;
      readonly ids?: readonly string[];
    }
  /** Swap the cues from the first to the last of `ids` (or all of them) for new ones: a re-segmentation. */
  | { readonly type: 'replace-all-cues'; readonly cues: readonly Cue[]; readonly ids?: readonly string[] };

export interface ApplyResult {
  /** The new cues; the very input array when nothing changed. */
  readonly cues: readonly EditableCue[];
  readonly changed: boolean;
  /** Why the command was refused, when it was. */
  readonly error?: EditError;
  /** For `replace`: how many cues changed. */
  readonly count?: number;
}

/**
 * Applies one command. Never throws for a bad command: a refusal comes back as `error`.
 *
 * @example
 * const { cues, changed } = applyCommand(project.cues, { type: 'merge', first: 'c4', second: 'c5' }, ids);
 */
export function applyCommand(cues: readonly EditableCue[], command: EditCommand, ids: IdFactory): ApplyResult {
  switch (command.type) {
    case 'set-text':
      return fromResult(cues, setText(cues, command.id, command.text));
    case 'set-times':
      return fromResult(cues, setTimes(cues, command.id, command.start, command.end));
    case 'split':
      return fromResult(cues, split(cues, command.id, command.at, ids, command.caret));
    case 'merge':
      return fromResult(cues, merge(cues, command.first, command.second));
    case 'insert':
      return fromResult(cues, insert(cues, command.after, command.start, command.end, command.text, ids));
    case 'delete':
      return fromResult(cues, { ok: true, cues: deleteCues(cues, command.ids) });
    case 'shift':
      return fromResult(cues, shift(cues, command.delta, command.from));
    case 'replace': {
      const result = replace(cues, command.find, command.replacement, command.options, command.ids);
      return result.ok ? { ...fromResult(cues, result), count: result.count } : fromResult(cues, result);
    }
    case 'replace-all-cues':
      return fromResult(cues, replaceRange(cues, command.ids, command.cues, ids));
    default:
      return assertNever(command);
  }
}

/**
 * The key under which consecutive commands may merge into one undo step: typing in one cue.
 *
 * @example
 * coalesceKey({ type: 'set-text', id: 'c3', text: 'Hel' }); // 'set-text c3'
 */
export function coalesceKey(command: EditCommand): string | undefined {
  return command.type === 'set-text' ? `set-text ${command.id}` : undefined;
}

/** Whether the command can take cues away (their per-cue data must then go too). */
export function removesCues(command: EditCommand): boolean {
  return command.type === 'delete' || command.type === 'merge' || command.type === 'replace-all-cues';
}

function fromResult(cues: readonly EditableCue[], result: EditResult): ApplyResult {
  if (!result.ok) return { cues, changed: false, error: result.error };
  return { cues: result.cues, changed: result.cues !== cues };
}
