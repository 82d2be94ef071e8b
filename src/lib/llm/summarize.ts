import type { Cue } from '../subtitles/cue.ts';
import { stripThinking } from './answer.ts';
import type { Complete, CompleteTask, RetryWait } from './chat.ts';
import { continuationMessages, formatTranscript, partMessages, summaryMessages, type PromptTemplates, type SummaryInput } from './prompts.ts';
import { estimateTokens } from './tokens.ts';
import { inputBudget, splitByTokens } from './summary-plan.ts';

export interface SummaryRequest {
  readonly cues: readonly Cue[];
  readonly language: string;
  readonly templates: PromptTemplates;
  readonly contextTokens: number;
  /** Notes on parts that an earlier, interrupted run finished, by part index. */
  readonly notes: readonly (string | undefined)[];
  /** The final answer as far as it arrived before an interruption ('' for none). */
  readonly partial: string;
}

export type SummaryStage =
  | { readonly kind: 'parts'; readonly done: number; readonly total: number }
  | { readonly kind: 'condensing' }
  | { readonly kind: 'writing' };

export interface SummaryDeps {
  readonly complete: Complete;
  readonly signal: AbortSignal;
  readonly onStage: (stage: SummaryStage) => void;
  /** A part's notes, kept by the caller so that a resumed run skips that part. */
  readonly onNote: (part: number, note: string) => void;
  /** The final answer so far, on every streamed piece. */
  readonly onText: (text: string) => void;
  readonly onWait?: (wait: RetryWait | undefined) => void;
}

/** Rounds of condensing notes that are still too long for one request. */
const MAX_CONDENSE_ROUNDS = 3;

/**
 * The transcript split into parts that each fit one request; one part means no map step. Pure.
 *
 * @example
 * summaryParts(cues, 128_000, DEFAULT_PROMPTS).length; // 1 for all but very long videos
 */
export function summaryParts(cues: readonly Cue[], contextTokens: number, templates: PromptTemplates): string[] {
  const budget = budgetFor(contextTokens, templates);
  return splitByTokens(formatTranscript(cues).split('\n'), budget).map((lines) => lines.join('\n'));
}

/**
 * Summarises a transcript, map-reduce style when it does not fit one request: notes on each
 * part first, then the summary from the notes, streamed through `onText`. With `notes` or
 * `partial` from an interrupted run it resumes: finished parts are skipped and a cut-off answer
 * is continued rather than restarted.
 *
 * @example
 * const markdown = await summarize(
 *   { cues, language: 'English', templates: DEFAULT_PROMPTS, contextTokens: 8192, notes: [], partial: '' },
 *   { complete, signal, onStage, onNote, onText: (text) => render(text) },
 * );
 */
export async function summarize(request: SummaryRequest, deps: SummaryDeps): Promise<string> {
  const parts = summaryParts(request.cues, request.contextTokens, request.templates);
  const input: SummaryInput =
    parts.length <= 1
      ? { kind: 'transcript', text: parts[0] ?? '' }
      : { kind: 'notes', notes: await condense(await partNotes(request, deps, parts), request, deps) };
  deps.onStage({ kind: 'writing' });
  const messages = summaryMessages(request.templates.summary, request.language, input);
  let text = request.partial;
  const onDelta = (delta: string) => deps.onText((text += delta));
  const task: CompleteTask = { kind: 'summary', language: request.language, text: input.kind === 'transcript' ? input.text : input.notes.join('\n\n') };
  await deps.complete(text ? continuationMessages(messages, text) : messages, { signal: deps.signal, onDelta, onWait: deps.onWait, task });
  return text;
}

async function partNotes(request: SummaryRequest, deps: SummaryDeps, parts: readonly string[]): Promise<string[]> {
  const notes: string[] = [];
  for (const [index, part] of parts.entries()) {
    deps.onStage({ kind: 'parts', done: index, total: parts.length });
    const kept = request.notes[index];
    const messages = partMessages(request.templates.summaryPart, request.language, index + 1, parts.length, part);
    const note = kept ?? stripThinking(await ask(deps, messages, { kind: 'notes', language: request.language, text: part }));
    if (kept === undefined) deps.onNote(index, note);
    notes.push(note);
  }
  return notes;
}

/** Notes of very many parts can outgrow a request too: summarise groups of them into shorter notes. */
async function condense(notes: string[], request: SummaryRequest, deps: SummaryDeps): Promise<string[]> {
  const budget = budgetFor(request.contextTokens, request.templates);
  let current = notes;
  for (let round = 0; round < MAX_CONDENSE_ROUNDS && estimateTokens(current.join('\n\n')) > budget; round++) {
    deps.onStage({ kind: 'condensing' });
    const groups = splitByTokens(current, budget);
    if (groups.length >= current.length) break; // no group holds two notes: condensing cannot shrink this
    const next: string[] = [];
    for (const [index, group] of groups.entries()) {
      const messages = partMessages(request.templates.summaryPart, request.language, index + 1, groups.length, group.join('\n\n'));
      next.push(stripThinking(await ask(deps, messages, { kind: 'notes', language: request.language, text: group.join('\n\n') })));
    }
    current = next;
  }
  return current;
}

function ask(deps: SummaryDeps, messages: Parameters<Complete>[0], task: CompleteTask): Promise<string> {
  return deps.complete(messages, { signal: deps.signal, onWait: deps.onWait, task });
}

function budgetFor(contextTokens: number, templates: PromptTemplates): number {
  const longer = templates.summary.length > templates.summaryPart.length ? templates.summary : templates.summaryPart;
  return inputBudget(contextTokens, longer);
}
