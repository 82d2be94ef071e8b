import type { BuiltinAiApi, BuiltinAvailability, SummarizerCoreOptions } from './builtin-api.ts';
import { unavailable } from './builtin-errors.ts';
import { openModel, type BuiltinHooks, type ModelRecipe } from './builtin-models.ts';
import { languageCode } from './language-codes.ts';

/** Which models to fetch: those translation needs (detector, translator) or the summarizer. */
export interface DownloadQuery {
  readonly need: 'translation' | 'summary';
  /** The subtitles' language, name or tag; without it only the detector can be fetched. */
  readonly source?: string;
  readonly target: string;
}

/** A model the browser can be asked to fetch. */
export type BuiltinModel = 'languageDetector' | 'translator' | 'summarizer';

/** One model to fetch, and how. */
interface Candidate {
  readonly model: BuiltinModel;
  readonly recipe: ModelRecipe<{ destroy(): void }>;
}

/**
 * Has the browser download the first model this need still lacks, and resolves with it once the
 * download is done (undefined when nothing is left to fetch). Call it from a click handler: the
 * spec's create() needs that click to start a download and uses it up, so one click fetches one
 * model; call again for the next. The model is destroyed at once; it stays downloaded, and later
 * requests create their own. Progress goes to `hooks.onDownload`.
 *
 * @example
 * button.onclick = async () => (fetched = await downloadBuiltin(api, { need: 'summary', target: 'English' }, { onDownload }));
 */
export async function downloadBuiltin(api: BuiltinAiApi, query: DownloadQuery, hooks: BuiltinHooks = {}): Promise<BuiltinModel | undefined> {
  for (const candidate of candidatesFor(api, query)) {
    const state: BuiltinAvailability = await candidate.recipe.availability().catch(() => 'unavailable');
    if (state !== 'downloadable' && state !== 'downloading') continue;
    const model = await openModel(api, candidate.recipe, hooks);
    model.destroy();
    return candidate.model;
  }
  return undefined;
}

function candidatesFor(api: BuiltinAiApi, query: DownloadQuery): Candidate[] {
  const target = languageCode(query.target);
  if (!target) throw unavailable(`no language code known for “${query.target}”`);
  const { languageDetector, translator, summarizer } = api;
  if (query.need === 'summary') {
    if (!summarizer) return [];
    const core: SummarizerCoreOptions = { type: 'key-points', format: 'markdown', outputLanguage: target };
    const what = `Summarizer into ${query.target} (${target})`;
    return [{ model: 'summarizer', recipe: { what, availability: () => summarizer.availability(core), create: (c) => summarizer.create({ ...core, ...c }) } }];
  }
  const candidates: Candidate[] = [];
  if (languageDetector) {
    const what = 'LanguageDetector';
    candidates.push({ model: 'languageDetector', recipe: { what, availability: () => languageDetector.availability(), create: (c) => languageDetector.create(c) } });
  }
  const source = query.source ? languageCode(query.source) : undefined;
  if (translator && source) {
    const languages = { sourceLanguage: source, targetLanguage: target };
    const what = `Translator ${source} → ${target}`;
    candidates.push({ model: 'translator', recipe: { what, availability: () => translator.availability(languages), create: (c) => translator.create({ ...languages, ...c }) } });
  }
  return candidates;
}
