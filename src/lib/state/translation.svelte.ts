import { AppErrorException, toAppError, type AppError } from '../errors.ts';
import type { Complete, RetryWait } from '../llm/chat.ts';
import { translateCues } from '../llm/translate.ts';
import type { Cue } from '../subtitles/cue.ts';

export type LlmTaskStatus = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

export interface TranslationOptions {
  readonly complete: Complete;
  readonly language: string;
  readonly template: string;
  readonly batchSize: number;
  readonly contextLines: number;
}

const NONE: ReadonlyMap<number, string> = new Map();

/**
 * The translation of one transcript into one language. Finished batches are kept through a
 * stop or a failure, so `start` again resumes where it stopped; other cues or another language
 * start afresh. Timing always stays the original cues'.
 */
export class TranslationJob {
  status = $state<LlmTaskStatus>('idle');
  /** The cues being translated (the transcript's own array: a new transcript is a new array). */
  source = $state.raw<readonly Cue[]>([]);
  language = $state('');
  translations = $state.raw<ReadonlyMap<number, string>>(NONE);
  wait = $state.raw<RetryWait | undefined>();
  error = $state.raw<AppError | undefined>();
  #controller: AbortController | undefined;

  get running(): boolean {
    return this.status === 'running';
  }

  /** Translations of `cues` by cue index; none when the job is about other cues. */
  for(cues: readonly Cue[]): ReadonlyMap<number, string> {
    return cues === this.source ? this.translations : NONE;
  }

  /** True when some but not all of `cues` are translated into `language`. */
  partial(cues: readonly Cue[], language: string): boolean {
    const done = this.for(cues).size;
    return language === this.language && done > 0 && done < cues.length;
  }

  /** Translates what is not translated yet (everything, for new cues or a new language). */
  async start(cues: readonly Cue[], options: TranslationOptions, fresh = false): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    if (fresh || cues !== this.source || options.language !== this.language) this.translations = NONE;
    this.source = cues;
    this.language = options.language;
    this.status = 'running';
    this.error = undefined;
    try {
      const failed = await translateCues(
        { cues, done: this.translations, ...options },
        {
          complete: options.complete,
          signal: controller.signal,
          onTranslated: (batch) => controller === this.#controller && (this.translations = new Map([...this.translations, ...batch])),
          onWait: (wait) => (this.wait = wait),
        },
      );
      if (failed.length > 0) throw new AppErrorException({ code: 'llm-translation-incomplete', detail: failed.map((i) => `#${i + 1}`).join(', ') });
      if (controller === this.#controller) this.#finish('done');
    } catch (caught) {
      if (controller !== this.#controller) return;
      const error = toAppError(caught);
      this.error = error.code === 'cancelled' ? undefined : error;
      this.#finish(error.code === 'cancelled' ? 'stopped' : 'failed');
    }
  }

  /** Stops; finished batches stay. */
  stop(): void {
    if (!this.running) return;
    this.#controller?.abort();
    this.#finish('stopped');
  }

  dismissError(): void {
    this.error = undefined;
  }

  #finish(status: Exclude<LlmTaskStatus, 'idle' | 'running'>): void {
    this.status = status;
    this.wait = undefined;
    this.#controller = undefined;
  }
}
