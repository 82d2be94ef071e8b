/** One undoable step: the state before and after it. Immutable states make this cheap. */
export interface HistoryStep<S> {
  readonly before: S;
  readonly after: S;
  /** Steps with the same key, recorded close together, become one (see `record`). */
  readonly key?: string;
  /** When the step was last extended (ms, the caller's clock). */
  readonly at: number;
}

/** An undo/redo history of snapshots; an immutable value, so a `$state.raw` field can hold it. */
export interface History<S> {
  readonly past: readonly HistoryStep<S>[];
  readonly future: readonly HistoryStep<S>[];
  /** Whether the newest step may still absorb the next one (not after an undo or redo). */
  readonly open: boolean;
  readonly limit: number;
  readonly coalesceMs: number;
}

export interface HistoryOptions {
  /** Steps kept; the oldest go first. */
  readonly limit?: number;
  /** Longest pause between two same-key steps that still makes them one. */
  readonly coalesceMs?: number;
}

/** Where an undo or redo leads: the state to show, and the state it leaves. */
export interface HistoryMove<S> {
  readonly history: History<S>;
  readonly state: S;
  readonly from: S;
}

/**
 * An empty history.
 *
 * @example
 * let history = createHistory<readonly EditableCue[]>({ limit: 500, coalesceMs: 1000 });
 */
export function createHistory<S>(options: HistoryOptions = {}): History<S> {
  return { past: [], future: [], open: false, limit: options.limit ?? 500, coalesceMs: options.coalesceMs ?? 1000 };
}

/**
 * Records a step and forgets the redo future. A step with the same `key` as the newest one,
 * within `coalesceMs` of it, extends that step instead (typing a word is one undo step); `now`
 * comes from the caller, so tests control the clock.
 *
 * @example
 * history = record(history, before, after, Date.now(), 'set-text c3');
 */
export function record<S>(history: History<S>, before: S, after: S, now: number, key?: string): History<S> {
  const last = history.past.at(-1);
  const coalesce = history.open && last && key !== undefined && last.key === key && now - last.at <= history.coalesceMs;
  const step: HistoryStep<S> = coalesce ? { before: last.before, after, key, at: now } : { before, after, key, at: now };
  const kept = coalesce ? history.past.slice(0, -1) : history.past;
  const past = [...kept, step];
  return { ...history, past: past.length > history.limit ? past.slice(past.length - history.limit) : past, future: [], open: true };
}

/**
 * Steps back; undefined when there is nothing to undo.
 *
 * @example
 * const move = undo(history);
 * if (move) ({ history, state: cues } = move);
 */
export function undo<S>(history: History<S>): HistoryMove<S> | undefined {
  const step = history.past.at(-1);
  if (!step) return undefined;
  const next = { ...history, past: history.past.slice(0, -1), future: [step, ...history.future], open: false };
  return { history: next, state: step.before, from: step.after };
}

/**
 * Steps forward again; undefined when there is nothing to redo.
 *
 * @example
 * const move = redo(history);
 */
export function redo<S>(history: History<S>): HistoryMove<S> | undefined {
  const step = history.future[0];
  if (!step) return undefined;
  const next = { ...history, past: [...history.past, step], future: history.future.slice(1), open: false };
  return { history: next, state: step.after, from: step.before };
}

/**
 * Rewrites every kept state, e.g. to append recognised cues to each snapshot, so undoing an
 * edit made while recognition streams does not take the newer cues away.
 *
 * @example
 * history = mapHistory(history, (cues) => appendCues(cues, fresh));
 */
export function mapHistory<S>(history: History<S>, rewrite: (state: S) => S): History<S> {
  const map = (step: HistoryStep<S>): HistoryStep<S> => ({ ...step, before: rewrite(step.before), after: rewrite(step.after) });
  return { ...history, past: history.past.map(map), future: history.future.map(map) };
}
