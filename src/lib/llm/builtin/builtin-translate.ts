import type { CompleteOptions, CompleteTask, TaskLine } from '../chat.ts';
import type { BuiltinAiApi, TranslatorLike } from './builtin-api.ts';
import { builtinFailure, throwIfCancelled, unavailable } from './builtin-errors.ts';
import { ModelCache, openModel, untilCancelled, type BuiltinHooks } from './builtin-models.ts';
import { languageCode, sameLanguage } from './language-codes.ts';
import type { SourceLanguages } from './source-language.ts';

/** A translation request as `Complete` receives it. */
export type TranslateTask = Extract<CompleteTask, { readonly kind: 'translate' }>;

/** What translating needs: the API, the page's hooks, and the models shared across requests. */
export interface TranslateDeps {
  readonly api: BuiltinAiApi;
  readonly hooks: BuiltinHooks;
  readonly languages: SourceLanguages;
  /** Translators by 'source→target', reused by every later batch of the same pair. */
  readonly translators: ModelCache<TranslatorLike>;
}

/**
 * Translates a batch line by line with the browser's Translator and answers as a chat model
 * would: `[number] translation` per line, joined by '\n', so `parseBatchAnswer` reads it. The
 * source language is detected from the batch's lines; when it is the target already, the lines
 * come back unchanged. Each finished line goes to `onDelta` (with its '\n').
 *
 * @example
 * await translateTask({ kind: 'translate', language: 'French', lines: [{ number: 1, text: 'Hello' }] }, options, deps);
 * // '[1] Bonjour'
 */
export async function translateTask(task: TranslateTask, options: CompleteOptions, deps: TranslateDeps): Promise<string> {
  const { signal } = options;
  const target = languageCode(task.language);
  if (!target) throw unavailable(`Translator: no language code known for “${task.language}”`);
  throwIfCancelled(signal);
  if (task.lines.length === 0) return '';
  const source = await deps.languages.of(task.lines.map((line) => line.text).join('\n'), signal);
  const translate = sameLanguage(source, target) ? undefined : await untilCancelled(translatorFor(source, target, deps), signal);
  const answer: string[] = [];
  for (const line of task.lines) {
    throwIfCancelled(signal);
    const text = translate ? await translateLine(translate, line, signal, `Translator ${source} → ${target}`) : oneLine(line.text);
    const tagged = `[${line.number}] ${text}`;
    answer.push(tagged);
    options.onDelta?.(`${tagged}\n`);
  }
  return answer.join('\n');
}

function translatorFor(source: string, target: string, deps: TranslateDeps): Promise<TranslatorLike> {
  const factory = deps.api.translator;
  const what = `Translator ${source} → ${target}`;
  if (!factory) return Promise.reject(unavailable(`${what}: the Translator API is missing in this browser`));
  const languages = { sourceLanguage: source, targetLanguage: target };
  return deps.translators.get(`${source}→${target}`, () =>
    openModel(deps.api, { what, availability: () => factory.availability(languages), create: (common) => factory.create({ ...languages, ...common }) }, deps.hooks),
  );
}

async function translateLine(translator: TranslatorLike, line: TaskLine, signal: AbortSignal, what: string): Promise<string> {
  const source = oneLine(line.text);
  if (source === '') return source;
  let translated: string;
  try {
    translated = await translator.translate(source, { signal });
  } catch (caught) {
    throw builtinFailure(caught, { signal, what });
  }
  throwIfCancelled(signal);
  // An empty translation would fail the batch as a whole; the source line is the better answer.
  return oneLine(translated) || source;
}

/** A subtitle line on one answer line: its line breaks become spaces. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
