import { AppErrorException, toAppError, type AppError } from '../errors.ts';
import type { Complete, RetryWait } from '../llm/chat.ts';
import { translateCues } from '../llm/translate.ts';
import type { EditableCue } from '../subtitles/edit/index.ts';
import type { Transcript } from './transcript.svelte.ts';

export type LlmTaskStatus = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

export interface TranslationOptions {
  readonly complete: Complete;
  readonly language: string;
  readonly template: string;
  readonly batchSize: number;
  readonly contextLines: number;
}

/** What a cue shows in the translation column: the text, and whether its cue changed since. */
export interface ShownTranslation {
  readonly text: string;
  readonly stale: boolean;
}

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * Translation runs over a transcript. A run builds its result beside the finished translation
 * (`pending`, by cue id) and only lands in the transcript when it may: a run that adds to the
 * same language lands batch by batch, even when it stops; a run that would replace the finished
 * translation ("Translate again", another language) lands only when it completes. So a failed
 * re-run never takes away finished work, and `start` again resumes where it stopped.
 */
export class TranslationJob {
  status = $state<LlmTaskStatus>('idle');
  /** The language of the current or last run. */
  language = $state('');
  /** The current or interrupted run's translations by cue id, not yet in the transcript. */
  pending = $state.raw<ReadonlyMap<string, string>>(NONE);
  wait = $state.raw<RetryWait | undefined>();
  error = $state.raw<AppError | undefined>();
  readonly #transcript: Transcript;
  #controller: AbortController | undefined;
  /** The cues as the current run saw them: what its translations were made from. */
  #made: readonly EditableCue[] = [];
  /** Whether the pending run replaces the transcript's translation when it completes. */
  #replaces = $state(false);

  constructor(transcript: Transcript) {
    this.#transcript = transcript;
  }

  get running(): boolean {
    return this.status === 'running';
  }

  /** The translation shown for a cue in `language`: the run's own, else the finished one. */
  shown(cue: EditableCue, language: string): ShownTranslation | undefined {
    const pending = this.language === language ? this.pending.get(cue.id) : undefined;
    if (pending !== undefined) return { text: pending, stale: false };
    if (this.#transcript.translationLanguage !== language) return undefined;
    const finished = this.#transcript.translationOf(cue.id);
    return finished && { text: finished.text, stale: this.#transcript.isTranslationStale(cue.id) };
  }

  /** Cues with a translation in `language` that the current run counts as done. */
  doneCount(language: string): number {
    const counted = this.#replaces && this.language === language ? this.pending : this.#merged(language);
    return this.#transcript.cues.filter((cue) => counted.has(cue.id)).length;
  }

  /** Every cue has an up-to-date, finished translation in `language`. */
  complete(language: string): boolean {
    const transcript = this.#transcript;
    return transcript.cues.length > 0 && transcript.translationLanguage === language && transcript.untranslated().length === 0 && !this.resumable(language);
  }

  /** An interrupted run in `language` left work that `start` would continue. */
  resumable(language: string): boolean {
    return !this.running && this.language === language && this.pending.size > 0;
  }

  /** True when some but not all cues are translated into `language`. */
  partial(language: string): boolean {
    const done = this.doneCount(language);
    return this.resumable(language) || (done > 0 && done < this.#transcript.cues.length);
  }

  /**
   * Translates what is not translated yet in `options.language`; with `fresh`, translates every
   * cue again, keeping the finished translation until the new one is complete.
   */
  async start(options: TranslationOptions, fresh = false): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const transcript = this.#transcript;
    const cues = transcript.cues;
    this.#made = cues;
    const continuing = !fresh && this.resumable(options.language);
    if (!continuing) {
      this.pending = NONE;
      // Only finished work in the transcript can be lost; with none, a run simply adds.
      this.#replaces = transcript.translations.size > 0 && (fresh || options.language !== transcript.translationLanguage);
    }
    this.language = options.language;
    this.status = 'running';
    this.error = undefined;
    const current = () => controller === this.#controller;
    try {
      const failed = await translateCues(
        { cues, done: this.#doneByIndex(cues), ...options },
        {
          complete: options.complete,
          signal: controller.signal,
          onTranslated: (batch) => current() && this.#add(cues, batch),
          onWait: (wait) => current() && (this.wait = wait),
        },
      );
      if (!current()) return;
      if (failed.length > 0) throw new AppErrorException({ code: 'llm-translation-incomplete', detail: failed.map((i) => `#${i + 1}`).join(', ') });
      this.#land(cues);
      this.#finish('done');
    } catch (caught) {
      if (!current()) return;
      const error = toAppError(caught);
      if (!this.#replaces) this.#land(cues); // adding to the same language: finished batches count
      this.error = error.code === 'cancelled' ? undefined : error;
      this.#finish(error.code === 'cancelled' ? 'stopped' : 'failed');
    }
  }

  /** Stops; finished batches stay (in the transcript, or pending for a resume). */
  stop(): void {
    if (!this.running) return;
    this.#controller?.abort();
    if (!this.#replaces) this.#land(this.#made);
    this.#finish('stopped');
  }

  /** Drops an interrupted run's pending work: the finished translation stays as it was. */
  discard(): void {
    if (this.running) return;
    this.pending = NONE;
    this.error = undefined;
    this.status = 'idle';
  }

  dismissError(): void {
    this.error = undefined;
  }

  /** Finished and pending translations in `language`, by cue id. */
  #merged(language: string): ReadonlyMap<string, string> {
    const merged = new Map<string, string>();
    if (this.#transcript.translationLanguage === language) {
      for (const cue of this.#transcript.cues) {
        const finished = this.#transcript.translationOf(cue.id);
        if (finished && !this.#transcript.isTranslationStale(cue.id)) merged.set(cue.id, finished.text);
      }
    }
    if (this.language === language) for (const [id, text] of this.pending) merged.set(id, text);
    return merged;
  }

  /** What the run skips, by position in `cues`: its own results, and for an adding run the finished ones. */
  #doneByIndex(cues: readonly EditableCue[]): ReadonlyMap<number, string> {
    const done = this.#replaces ? this.pending : this.#merged(this.language);
    const byIndex = new Map<number, string>();
    cues.forEach((cue, index) => {
      const text = done.get(cue.id);
      if (text !== undefined) byIndex.set(index, text);
    });
    return byIndex;
  }

  #add(cues: readonly EditableCue[], batch: ReadonlyMap<number, string>): void {
    const next = new Map(this.pending);
    for (const [index, text] of batch) {
      const cue = cues[index];
      if (cue) next.set(cue.id, text);
    }
    this.pending = next;
  }

  /** Moves the pending translations into the transcript, made from `made` (the cues the run saw). */
  #land(made: readonly EditableCue[]): void {
    if (this.pending.size === 0 && !this.#replaces) return;
    this.#transcript.setTranslations(this.pending, this.language, made, { replace: this.#replaces });
    this.pending = NONE;
    this.#replaces = false;
  }

  #finish(status: Exclude<LlmTaskStatus, 'idle' | 'running'>): void {
    this.status = status;
    this.wait = undefined;
    this.#controller = undefined;
  }
}
