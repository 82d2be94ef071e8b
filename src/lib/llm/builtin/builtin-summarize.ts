import type { CompleteOptions, CompleteTask } from '../chat.ts';
import type { BuiltinAiApi, SummarizerCoreOptions, SummarizerLength, SummarizerLike, SummarizerType } from './builtin-api.ts';
import { builtinFailure, throwIfCancelled, unavailable } from './builtin-errors.ts';
import { ModelCache, openModel, untilCancelled, type BuiltinHooks } from './builtin-models.ts';
import { languageCode, primaryLanguage } from './language-codes.ts';
import type { SourceLanguages } from './source-language.ts';
import { readTextStream } from './stream-text.ts';

/** A notes or summary request as `Complete` receives it. */
export type SummaryTask = Extract<CompleteTask, { readonly kind: 'notes' | 'summary' }>;

/** What summarising needs: the API, the page's hooks, and the models shared across requests. */
export interface SummarizeDeps {
  readonly api: BuiltinAiApi;
  readonly hooks: BuiltinHooks;
  readonly languages: SourceLanguages;
  /** Summarizers by their options, reused by later requests with the same ones. */
  readonly summarizers: ModelCache<SummarizerLike>;
}

/** The two section headings the built-in summary has, in one language. */
export interface SummaryHeadings {
  readonly tldr: string;
  readonly keyPoints: string;
}

const ENGLISH_HEADINGS: SummaryHeadings = { tldr: 'TL;DR', keyPoints: 'Key points' };
const HEADINGS: Readonly<Record<string, SummaryHeadings>> = {
  zh: { tldr: '摘要', keyPoints: '要点' },
  'zh-Hant': { tldr: '摘要', keyPoints: '重點' },
  ja: { tldr: '要約', keyPoints: '要点' },
  ko: { tldr: '요약', keyPoints: '핵심 내용' },
  es: { tldr: 'Resumen', keyPoints: 'Puntos clave' },
  fr: { tldr: 'En bref', keyPoints: 'Points clés' },
  de: { tldr: 'Kurzfassung', keyPoints: 'Kernpunkte' },
};

// Said once to every summarizer: what the text is, so that it is summarised as speech.
const SHARED_CONTEXT = 'The transcript (subtitles) of a video, one line per subtitle, or notes on consecutive parts of it.';
// `[MM:SS] ` (or `[H:MM:SS] `) before each transcript line: noise to a summarizer, which cannot
// write timed chapters anyway, and it uses up the input quota.
const LINE_TIME = /^\[(?:\d+:)?\d{1,2}:\d{2}\][ \t]*/gm;

/**
 * The section headings for a summary in the language with this BCP 47 tag; English for
 * languages not listed. Pure.
 *
 * @example
 * summaryHeadings('zh'); // { tldr: '摘要', keyPoints: '要点' }
 * summaryHeadings('sv'); // { tldr: 'TL;DR', keyPoints: 'Key points' }
 */
export function summaryHeadings(code: string): SummaryHeadings {
  const primary = primaryLanguage(code);
  const traditional = primary === 'zh' && /-(?:hant|tw|hk|mo)\b/i.test(code);
  return HEADINGS[traditional ? 'zh-Hant' : primary] ?? ENGLISH_HEADINGS;
}

/** The transcript without the time before each line. Pure. */
export function withoutLineTimes(text: string): string {
  return text.replace(LINE_TIME, '');
}

/**
 * Notes on one part of a transcript: the Summarizer's key points, in Markdown, streamed.
 *
 * @example
 * await notesTask({ kind: 'notes', language: 'English', text: '[00:01] …' }, options, deps); // '* …\n* …'
 */
export async function notesTask(task: SummaryTask, options: CompleteOptions, deps: SummarizeDeps): Promise<string> {
  const plan = await planFor(task, options.signal, deps);
  return summarizeInto(plan, { type: 'key-points', length: 'long' }, options, deps, (delta) => options.onDelta?.(delta));
}

/**
 * A summary as the chat prompt asks for it, less the chapters: '## TL;DR' and '## Key points'
 * (headings in the output language where known), streamed through `onDelta`. The built-in
 * Summarizer cannot tie chapters to times in the transcript, so the Chapters section is left
 * out rather than invented; the page shows the summary without chapter buttons.
 *
 * @example
 * await summaryTask({ kind: 'summary', language: 'English', text }, options, deps);
 * // '## TL;DR\n…\n\n## Key points\n* …'
 */
export async function summaryTask(task: SummaryTask, options: CompleteOptions, deps: SummarizeDeps): Promise<string> {
  const plan = await planFor(task, options.signal, deps);
  const headings = summaryHeadings(plan.output);
  let answer = '';
  const emit = (delta: string) => {
    answer += delta;
    options.onDelta?.(delta);
  };
  emit(`## ${headings.tldr}\n`);
  await summarizeInto(plan, { type: 'tldr', length: 'medium' }, options, deps, emit);
  emit(`\n\n## ${headings.keyPoints}\n`);
  await summarizeInto(plan, { type: 'key-points', length: 'long' }, options, deps, emit);
  return answer;
}

/** The input, its language where the detector can tell, and the output language. */
interface SummaryPlan {
  readonly input: string;
  readonly inputLanguage: string | undefined;
  readonly output: string;
  readonly outputName: string;
}

async function planFor(task: SummaryTask, signal: AbortSignal, deps: SummarizeDeps): Promise<SummaryPlan> {
  const output = languageCode(task.language);
  if (!output) throw unavailable(`Summarizer: no language code known for “${task.language}”`);
  throwIfCancelled(signal);
  const input = withoutLineTimes(task.text);
  return { input, inputLanguage: await deps.languages.guess(input, signal), output, outputName: task.language };
}

async function summarizeInto(
  plan: SummaryPlan,
  kind: { readonly type: SummarizerType; readonly length: SummarizerLength },
  options: CompleteOptions,
  deps: SummarizeDeps,
  emit: (delta: string) => void,
): Promise<string> {
  const { signal } = options;
  const core: SummarizerCoreOptions = {
    ...kind,
    format: 'markdown',
    outputLanguage: plan.output,
    ...(plan.inputLanguage ? { expectedInputLanguages: [plan.inputLanguage] } : {}),
  };
  const what = `Summarizer (${kind.type}) from ${plan.inputLanguage ?? 'the text’s language'} into ${plan.outputName} (${plan.output})`;
  const summarizer = await untilCancelled(summarizerFor(core, what, deps), signal);
  try {
    return await readTextStream(summarizer.summarizeStreaming(plan.input, { signal }), emit);
  } catch (caught) {
    throw builtinFailure(caught, { signal, what });
  }
}

function summarizerFor(core: SummarizerCoreOptions, what: string, deps: SummarizeDeps): Promise<SummarizerLike> {
  const factory = deps.api.summarizer;
  if (!factory) return Promise.reject(unavailable(`${what}: the Summarizer API is missing in this browser`));
  const key = [core.type, core.length, core.format, core.outputLanguage, ...(core.expectedInputLanguages ?? [])].join('|');
  return deps.summarizers.get(key, () =>
    openModel(
      deps.api,
      { what, availability: () => factory.availability(core), create: (common) => factory.create({ ...core, ...common, sharedContext: SHARED_CONTEXT }) },
      deps.hooks,
    ),
  );
}
