import type { EditableCue, EditCommand } from '../../subtitles/edit/index.ts';
import { lastStartingBy } from './cue-lookup.ts';

/** How far one nudge moves a cue's start or end (seconds). */
export const NUDGE_SECONDS = 0.1;
/** How long an inserted cue is when there is room (seconds). */
export const INSERT_SECONDS = 2;
/** The shortest cue worth inserting into a gap (seconds); a smaller gap disables "insert". */
export const MIN_INSERT_SECONDS = 0.2;

export type TimeEdge = 'start' | 'end';

/**
 * The split for a cue: at the caret when the text box has focus (at the playhead if it is inside
 * the cue, else at the caret's share of the duration), otherwise at the playhead, which must then
 * be inside the cue. Undefined when there is nowhere to split.
 *
 * @example
 * splitCommand(cue, 12.5);     // { type: 'split', id, at: 12.5 } when 12.5 is inside the cue
 * splitCommand(cue, 99, 7);    // at 7 characters into the text
 */
export function splitCommand(cue: EditableCue, time: number, caret?: number): EditCommand | undefined {
  const inside = (at: number): boolean => at > cue.start && at < cue.end;
  if (caret === undefined) return inside(time) ? { type: 'split', id: cue.id, at: time } : undefined;
  const share = cue.text.length > 0 ? Math.min(1, Math.max(0, caret / cue.text.length)) : 0.5;
  let at = inside(time) ? time : Math.round((cue.start + (cue.end - cue.start) * share) * 1000) / 1000;
  if (!inside(at)) at = Math.round(((cue.start + cue.end) / 2) * 1000) / 1000;
  return inside(at) ? { type: 'split', id: cue.id, at, caret } : undefined;
}

/**
 * Merges the cue at `index` with its neighbour in `direction`; undefined at either end.
 *
 * @example
 * mergeCommand(cues, 4, 'previous'); // { type: 'merge', first: cues[3].id, second: cues[4].id }
 */
export function mergeCommand(cues: readonly EditableCue[], index: number, direction: 'next' | 'previous'): EditCommand | undefined {
  const other = direction === 'next' ? index + 1 : index - 1;
  const a = cues[Math.min(index, other)];
  const b = cues[Math.max(index, other)];
  return index >= 0 && a && b ? { type: 'merge', first: a.id, second: b.id } : undefined;
}

/**
 * A new empty cue after the cue at `index` (in the gap before the next one), or at the playhead
 * when `index` is -1 (no cue chosen): up to INSERT_SECONDS long, and undefined when the gap is
 * shorter than MIN_INSERT_SECONDS.
 *
 * @example
 * insertCommand(cues, 2, 0); // { type: 'insert', after: cues[2].id, start: cues[2].end, end: …, text: '' }
 */
export function insertCommand(cues: readonly EditableCue[], index: number, time: number): EditCommand | undefined {
  const position = index >= 0 ? index : lastStartingBy(cues, time);
  const previous = cues[position];
  const next = cues[position + 1];
  const start = index >= 0 && previous ? previous.end : Math.max(time, previous?.end ?? 0, 0);
  const end = Math.min(start + INSERT_SECONDS, next?.start ?? Infinity);
  if (end - start < MIN_INSERT_SECONDS) return undefined;
  return { type: 'insert', after: previous?.id ?? null, start, end, text: '' };
}

/**
 * The cue's times with one edge moved to `seconds` (what a typed-in time or a nudge sets).
 *
 * @example
 * setTimesCommand(cue, 'end', 12.3); // { type: 'set-times', id, start: cue.start, end: 12.3 }
 */
export function setTimesCommand(cue: EditableCue, edge: TimeEdge, seconds: number): EditCommand {
  const start = edge === 'start' ? seconds : cue.start;
  const end = edge === 'end' ? seconds : cue.end;
  return { type: 'set-times', id: cue.id, start: Math.round(start * 1000) / 1000, end: Math.round(end * 1000) / 1000 };
}

/** Moves one edge of the cue by `delta` seconds (negative: earlier). */
export function nudgeCommand(cue: EditableCue, edge: TimeEdge, delta: number): EditCommand {
  return setTimesCommand(cue, edge, (edge === 'start' ? cue.start : cue.end) + delta);
}

/**
 * Shifts every cue, or `from` and all after it, by `seconds`; undefined for 0 or a non-number
 * (an empty field).
 *
 * @example
 * shiftCommand(-1.2);        // { type: 'shift', delta: -1.2 }
 * shiftCommand(0.5, 'c40');  // { type: 'shift', delta: 0.5, from: 'c40' }
 */
export function shiftCommand(seconds: number, from?: string): EditCommand | undefined {
  if (!Number.isFinite(seconds) || seconds === 0) return undefined;
  return from === undefined ? { type: 'shift', delta: seconds } : { type: 'shift', delta: seconds, from };
}

/** The actions that are one edit command each, decided from the cues alone. */
export type CommandAction = 'merge-next' | 'merge-previous' | 'insert' | 'shift-all' | 'shift-from-here' | NudgeAction;
export type NudgeAction = 'nudge-start-earlier' | 'nudge-start-later' | 'nudge-end-earlier' | 'nudge-end-later';

const NUDGES: Readonly<Record<NudgeAction, readonly [TimeEdge, number]>> = {
  'nudge-start-earlier': ['start', -NUDGE_SECONDS],
  'nudge-start-later': ['start', NUDGE_SECONDS],
  'nudge-end-earlier': ['end', -NUDGE_SECONDS],
  'nudge-end-later': ['end', NUDGE_SECONDS],
};

/** Where a command action applies: the cues, the chosen cue (-1: none), the playhead, the shift amount. */
export interface CommandContext {
  readonly cues: readonly EditableCue[];
  readonly target: number;
  readonly time: number;
  readonly shiftSeconds: number;
}

/**
 * The edit a toolbar action or shortcut makes; undefined when it can't apply (its button is
 * disabled). Nudges are not pre-checked: one that would overlap is refused by the edit itself,
 * with a message.
 *
 * @example
 * commandFor('merge-next', { cues, target: 3, time: 0, shiftSeconds: 1 }); // { type: 'merge', … }
 */
export function commandFor(action: CommandAction, context: CommandContext): EditCommand | undefined {
  const { cues, target, time, shiftSeconds } = context;
  const cue = cues[target];
  switch (action) {
    case 'merge-next':
      return mergeCommand(cues, target, 'next');
    case 'merge-previous':
      return mergeCommand(cues, target, 'previous');
    case 'insert':
      return insertCommand(cues, target, time);
    case 'shift-all':
      return cues.length > 0 ? shiftCommand(shiftSeconds) : undefined;
    case 'shift-from-here':
      return cue ? shiftCommand(shiftSeconds, cue.id) : undefined;
    default: {
      const [edge, delta] = NUDGES[action];
      return cue ? nudgeCommand(cue, edge, delta) : undefined;
    }
  }
}

/** Whether an action is one of those `commandFor` makes. */
export function isCommandAction(action: string): action is CommandAction {
  return ['merge-next', 'merge-previous', 'insert', 'shift-all', 'shift-from-here'].includes(action) || Object.hasOwn(NUDGES, action);
}
