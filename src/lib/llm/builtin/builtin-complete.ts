import { assertNever } from '../../assert-never.ts';
import { AppErrorException } from '../../errors.ts';
import type { Complete, CompleteTask } from '../chat.ts';
import type { BuiltinAiApi, SummarizerLike, TranslatorLike } from './builtin-api.ts';
import { throwIfCancelled } from './builtin-errors.ts';
import { ModelCache, type BuiltinHooks } from './builtin-models.ts';
import { notesTask, summaryTask } from './builtin-summarize.ts';
import { translateTask } from './builtin-translate.ts';
import { SourceLanguages } from './source-language.ts';

export type { BuiltinHooks } from './builtin-models.ts';

/**
 * Context to plan summaries for with this provider. The on-device summarizer takes a few
 * thousand tokens of input (its `inputQuota`); planning for 4096 makes the summary split a
 * long transcript into parts that fit, as it does for a small local model.
 */
export const BUILTIN_CONTEXT_TOKENS = 4096;

/**
 * A `Complete` served by the browser's built-in AI, on the page (not in a worker): the
 * Translator for translation batches (the source language told by the LanguageDetector), the
 * Summarizer for notes and summaries. It ignores the chat messages and does `options.task`,
 * answering in the format those messages ask for; without a task it fails with
 * `llm-unsupported-task`. Models are created on first use and kept for later requests.
 *
 * @example
 * const api = builtinApiFrom(globalThis);
 * if (api) {
 *   const complete = createBuiltinComplete(api, { onDownload: (fraction) => (progress = fraction) });
 *   await translateCues(request, { complete, signal, onTranslated });
 * }
 */
export function createBuiltinComplete(api: BuiltinAiApi, hooks: BuiltinHooks = {}): Complete {
  const languages = new SourceLanguages(api, hooks);
  const translators = new ModelCache<TranslatorLike>();
  const summarizers = new ModelCache<SummarizerLike>();
  return async (_messages, options) => {
    throwIfCancelled(options.signal);
    if (hooks.lifetime?.aborted) throw new AppErrorException({ code: 'cancelled', detail: 'The built-in AI provider was closed.' });
    const task: CompleteTask | undefined = options.task;
    switch (task?.kind) {
      case 'translate':
        return translateTask(task, options, { api, hooks, languages, translators });
      case 'notes':
        return notesTask(task, options, { api, hooks, languages, summarizers });
      case 'summary':
        return summaryTask(task, options, { api, hooks, languages, summarizers });
      case undefined:
        throw new AppErrorException({ code: 'llm-unsupported-task', detail: 'The browser’s built-in AI only translates subtitles and summarises.' });
      default:
        return assertNever(task);
    }
  };
}
