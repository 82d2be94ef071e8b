import type { Cue } from '../subtitles/cue.ts';
import { stripThinking } from './answer.ts';
import type { ChatMessage } from './chat.ts';
import { fillTemplate, oneLine } from './prompts.ts';

/**
 * Translation batches. Cues go out as `[n] text` lines, n being the cue's number in the whole
 * transcript (index + 1), and the answer must carry exactly the same numbers. Numbers are what
 * keep every translation on its own cue: an answer with a line merged, split, missing or added
 * is rejected as a whole, never re-aligned by position.
 */

/** Why an answer could not be used; ids are cue indices. */
export type BatchProblem =
  | { readonly kind: 'missing' | 'extra' | 'duplicate' | 'empty'; readonly ids: readonly number[] }
  | { readonly kind: 'no-lines' };

export type BatchResult =
  | { readonly ok: true; readonly translations: ReadonlyMap<number, string> }
  | { readonly ok: false; readonly problem: BatchProblem };

const TAGGED_LINE = /^\s*(?:[-*]\s+)?\[(\d+)\][ \t]*(.*)$/;
const FENCE = /^\s*```/;

/**
 * Splits the cues still to translate into batches of at most `size` consecutive cues. Pure.
 *
 * @example
 * planBatches(5, new Set([1]), 2); // [[0], [2, 3], [4]]
 */
export function planBatches(total: number, done: ReadonlySet<number>, size: number): number[][] {
  const limit = Math.max(1, Math.floor(size));
  const batches: number[][] = [];
  let current: number[] = [];
  for (let index = 0; index < total; index++) {
    if (done.has(index) || current.length >= limit) {
      if (current.length > 0) batches.push(current);
      current = [];
    }
    if (!done.has(index)) current.push(index);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export interface BatchPrompt {
  readonly cues: readonly Cue[];
  /** Consecutive cue indices to translate. */
  readonly ids: readonly number[];
  readonly contextLines: number;
  readonly template: string;
  readonly language: string;
  /** Set on a retry: what was wrong with the previous answer. */
  readonly problem?: BatchProblem;
}

/** The messages for one batch: the numbered lines between untranslated context lines. Pure. */
export function batchMessages(prompt: BatchPrompt): ChatMessage[] {
  const { cues, ids, contextLines } = prompt;
  const first = ids[0] ?? 0;
  const last = ids.at(-1) ?? first;
  const before = cues.slice(Math.max(0, first - contextLines), first).map((c) => oneLine(c.text));
  const after = cues.slice(last + 1, last + 1 + contextLines).map((c) => oneLine(c.text));
  const parts: string[] = [];
  if (before.length > 0) parts.push(`Context before (do not translate):\n${before.join('\n')}`);
  parts.push(`Translate these ${ids.length} lines:\n${ids.map((i) => `[${i + 1}] ${oneLine(cues[i]?.text ?? '')}`).join('\n')}`);
  if (after.length > 0) parts.push(`Context after (do not translate):\n${after.join('\n')}`);
  if (prompt.problem) parts.push(retryNote(prompt.problem, ids));
  return [
    { role: 'system', content: fillTemplate(prompt.template, prompt.language) },
    { role: 'user', content: parts.join('\n\n') },
  ];
}

/**
 * Reads an answer for the batch `ids` (cue indices). Lines before the first number are
 * ignored; an unnumbered line after a numbered one continues it. Pure.
 *
 * @example
 * parseBatchAnswer('[1] 你好\n[2] 再见', [0, 1]); // { ok: true, translations: Map { 0 => '你好', 1 => '再见' } }
 * parseBatchAnswer('[1] 你好，再见', [0, 1]); // { ok: false, problem: { kind: 'missing', ids: [1] } }
 */
export function parseBatchAnswer(answer: string, ids: readonly number[]): BatchResult {
  const { texts, duplicates } = readTaggedLines(answer);
  const expected = new Set(ids);
  if (texts.size === 0) return { ok: false, problem: { kind: 'no-lines' } };
  if (duplicates.length > 0) return { ok: false, problem: { kind: 'duplicate', ids: duplicates } };
  const missing = ids.filter((id) => !texts.has(id));
  if (missing.length > 0) return { ok: false, problem: { kind: 'missing', ids: missing } };
  const extra = [...texts.keys()].filter((id) => !expected.has(id));
  if (extra.length > 0) return { ok: false, problem: { kind: 'extra', ids: extra } };
  const empty = ids.filter((id) => (texts.get(id) ?? '') === '');
  if (empty.length > 0) return { ok: false, problem: { kind: 'empty', ids: empty } };
  return { ok: true, translations: texts };
}

/**
 * The last resort for a batch of one cue: an answer without any number is that cue's
 * translation, since there is no other cue it could belong to. Undefined when unusable. Pure.
 */
export function singleCueFallback(answer: string): string | undefined {
  const lines = stripThinking(answer)
    .split(/\r\n|\r|\n/)
    .filter((line) => !FENCE.test(line));
  if (lines.some((line) => TAGGED_LINE.test(line))) return undefined;
  const text = lines.map((l) => l.trim()).filter(Boolean).join('\n');
  return text === '' ? undefined : text;
}

function readTaggedLines(answer: string): { texts: Map<number, string>; duplicates: number[] } {
  const texts = new Map<number, string>();
  const duplicates: number[] = [];
  let current: number | undefined;
  for (const line of stripThinking(answer).split(/\r\n|\r|\n/)) {
    if (FENCE.test(line)) continue;
    const match = TAGGED_LINE.exec(line);
    if (match) {
      current = Number(match[1]) - 1;
      if (texts.has(current)) duplicates.push(current);
      texts.set(current, (match[2] ?? '').trim());
    } else if (current !== undefined && line.trim() !== '') {
      const before = texts.get(current) ?? '';
      texts.set(current, before ? `${before}\n${line.trim()}` : line.trim());
    }
  }
  return { texts, duplicates };
}

function retryNote(problem: BatchProblem, ids: readonly number[]): string {
  const label = (list: readonly number[]) => list.map((i) => `[${i + 1}]`).join(', ');
  const why =
    problem.kind === 'no-lines'
      ? 'it had no numbered lines'
      : {
          missing: `lines ${label(problem.ids)} were missing`,
          extra: `it had lines ${label(problem.ids)} that were not asked for`,
          duplicate: `lines ${label(problem.ids)} appeared more than once`,
          empty: `lines ${label(problem.ids)} were empty`,
        }[problem.kind];
  const first = (ids[0] ?? 0) + 1;
  const last = (ids.at(-1) ?? 0) + 1;
  return (
    `Your previous answer could not be used: ${why}. ` +
    `Answer again with exactly ${ids.length} lines, numbered [${first}] to [${last}], one per line above.`
  );
}
