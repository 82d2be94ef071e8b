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
 * The summary of one transcript, streamed. What arrived survives a stop or a failure:
 * `resume` skips finished parts and continues a cut-off answer; `start` writes a new one.
 */
export class SummaryJob {
  status = $state<LlmTaskStatus>('idle');
  source = $state.raw<readonly Cue[]>([]);
  /** The model's answer as it streams in, raw. */
  text = $state('');
  notes = $state.raw<readonly (string | undefined)[]>([]);
  stage = $state.raw<SummaryStage | undefined>();
  wait = $state.raw<RetryWait | undefined>();
  error = $state.raw<AppError | undefined>();
  /** The answer cleaned, with chapter times checked against the transcript. */
  checked: CheckedSummary = $derived(checkChapters(unwrapFence(stripThinking(this.text)), this.source));
  #controller: AbortController | undefined;
  /** What the kept notes were made with: resuming with other settings would mix plans. */
  #runKey = '';

  get running(): boolean {
    return this.status === 'running';
  }

  /** Whether this job is about `cues` (a new transcript is a new array). */
  isFor(cues: readonly Cue[]): boolean {
    return cues === this.source && this.status !== 'idle';
  }

  /** Whether an interrupted run for these cues and options left work to continue. */
  canResume(cues: readonly Cue[], options: SummaryPlanOptions): boolean {
    const stopped = this.status === 'stopped' || this.status === 'failed';
    return stopped && cues === this.source && runKey(options) === this.#runKey && (this.text !== '' || this.notes.some(Boolean));
  }

  /** Writes a new summary. */
  start(cues: readonly Cue[], options: SummaryOptions): Promise<void> {
    this.text = '';
    this.notes = [];
    return this.#run(cues, options);
  }

  /** Continues an interrupted summary (see canResume), else starts anew. */
  resume(cues: readonly Cue[], options: SummaryOptions): Promise<void> {
    return this.canResume(cues, options) ? this.#run(cues, options) : this.start(cues, options);
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
        { ...options, cues, notes: this.notes, partial: this.text },
        {
          complete: options.complete,
          signal: controller.signal,
          onStage: (stage) => current() && (this.stage = stage),
          onNote: (part, note) => current() && (this.notes = withNote(this.notes, part, note)),
          onText: (text) => current() && (this.text = text),
          onWait: (wait) => current() && (this.wait = wait),
        },
      );
      if (current()) this.#finish('done');
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
