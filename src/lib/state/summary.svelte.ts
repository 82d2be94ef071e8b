import { toAppError, type AppError } from '../errors.ts';
import { stripThinking, unwrapFence } from '../llm/answer.ts';
import type { Complete, RetryWait } from '../llm/chat.ts';
import { checkChapters, type CheckedSummary } from '../llm/chapters.ts';
import type { PromptTemplates } from '../llm/prompts.ts';
import { summarize, type SummaryStage } from '../llm/summarize.ts';
import type { Cue } from '../subtitles/cue.ts';
import type { LlmTaskStatus } from './translation.svelte.ts';

/** What a summary is written with; notes kept from one plan are not reused for another. */
export interface SummaryPlanOptions {
  readonly language: string;
  readonly templates: PromptTemplates;
  readonly contextTokens: number;
}

export interface SummaryOptions extends SummaryPlanOptions {
  readonly complete: Complete;
}

/**
 * The summary of the project's transcript, streamed. A new run writes a draft beside the last
 * complete summary, which it replaces only when it completes, so a failed "Regenerate" never takes
 * the finished summary away. What arrived survives a stop or a failure: `resume` skips finished
 * parts and continues a cut-off answer; `start` writes a new one; `discard` drops the draft.
 */
export class SummaryJob {
  status = $state<LlmTaskStatus>('idle');
  /** The cues the shown summary was written from (its chapter times are checked against them). */
  source = $state.raw<readonly Cue[]>([]);
  /** The last complete summary, raw ('' when none). */
  accepted = $state('');
  /** The running or interrupted run's answer as it streams in, raw. */
  draft = $state('');
  notes = $state.raw<readonly (string | undefined)[]>([]);
  /** The cues the complete summary was written from. */
  #acceptedSource = $state.raw<readonly Cue[]>([]);
  stage = $state.raw<SummaryStage | undefined>();
  wait = $state.raw<RetryWait | undefined>();
  error = $state.raw<AppError | undefined>();
  /** What is shown: the draft while it is written or when there is nothing else, else the complete summary. */
  text: string = $derived(this.running || this.accepted === '' ? this.draft : this.accepted);
  /** The shown answer cleaned, with chapter times checked against the transcript. */
  checked: CheckedSummary = $derived(checkChapters(unwrapFence(stripThinking(this.text)), this.running || this.accepted === '' ? this.source : this.#acceptedSource));
  #controller: AbortController | undefined;
  /** What the kept notes were made with: resuming with other settings would mix plans. */
  #runKey = '';

  get running(): boolean {
    return this.status === 'running';
  }

  /** Whether there is a summary, or a run, to show. */
  get started(): boolean {
    return this.status !== 'idle';
  }

  /** An interrupted run left a draft that is not shown because the complete summary is. */
  get draftHidden(): boolean {
    return !this.running && this.accepted !== '' && (this.draft !== '' || this.notes.some(Boolean));
  }

  /** Whether an interrupted run with these options left work to continue. */
  canResume(options: SummaryPlanOptions): boolean {
    const stopped = this.status === 'stopped' || this.status === 'failed';
    return stopped && runKey(options) === this.#runKey && (this.draft !== '' || this.notes.some(Boolean));
  }

  /** Writes a new summary (the complete one stays until this one completes). */
  start(cues: readonly Cue[], options: SummaryOptions): Promise<void> {
    this.draft = '';
    this.notes = [];
    return this.#run(cues, options);
  }

  /** Drops an interrupted draft; the complete summary stays. */
  discard(): void {
    if (this.running) return;
    this.draft = '';
    this.notes = [];
    this.error = undefined;
    if (this.accepted === '') this.status = 'idle';
  }

  /** A saved project's complete summary, written from `source`. */
  restoreAccepted(text: string, source: readonly Cue[]): void {
    this.reset();
    this.accepted = text;
    this.source = source;
    this.#acceptedSource = source;
    this.status = text === '' ? 'idle' : 'done';
  }

  /** Forgets everything: a new project. */
  reset(): void {
    this.stop();
    this.accepted = '';
    this.discard();
    this.status = 'idle';
  }

  /** Continues an interrupted summary (see canResume), else starts anew. */
  resume(cues: readonly Cue[], options: SummaryOptions): Promise<void> {
    return this.canResume(options) ? this.#run(cues, options) : this.start(cues, options);
  }

  stop(): void {
    if (!this.running) return;
    this.#controller?.abort();
    this.#finish('stopped');
  }

  dismissError(): void {
    this.error = undefined;
  }

  async #run(cues: readonly Cue[], options: SummaryOptions): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.source = cues;
    this.#runKey = runKey(options);
    this.status = 'running';
    this.error = undefined;
    const current = () => controller === this.#controller;
    try {
      await summarize(
        { ...options, cues, notes: this.notes, partial: this.draft },
        {
          complete: options.complete,
          signal: controller.signal,
          onStage: (stage) => current() && (this.stage = stage),
          onNote: (part, note) => current() && (this.notes = withNote(this.notes, part, note)),
          onText: (text) => current() && (this.draft = text),
          onWait: (wait) => current() && (this.wait = wait),
        },
      );
      if (!current()) return;
      this.accepted = this.draft;
      this.#acceptedSource = cues;
      this.draft = '';
      this.notes = [];
      this.#finish('done');
    } catch (caught) {
      if (!current()) return;
      const error = toAppError(caught);
      this.error = error.code === 'cancelled' ? undefined : error;
      this.#finish(error.code === 'cancelled' ? 'stopped' : 'failed');
    }
  }

  #finish(status: Exclude<LlmTaskStatus, 'idle' | 'running'>): void {
    this.status = status;
    this.stage = undefined;
    this.wait = undefined;
    this.#controller = undefined;
  }
}

function withNote(notes: readonly (string | undefined)[], part: number, note: string): (string | undefined)[] {
  const next = [...notes];
  next[part] = note;
  return next;
}

function runKey(options: SummaryPlanOptions): string {
  return JSON.stringify([options.language, options.contextTokens, options.templates]);
}
