import { isAvailability, type BuiltinAiApi, type BuiltinAvailability } from './builtin-api.ts';
import { languageCode } from './language-codes.ts';

/** One built-in API's state for the panel: its availability, or 'absent' when the browser lacks it. */
export type BuiltinState = BuiltinAvailability | 'absent';

/** The state of each built-in API for the languages the user chose. */
export interface BuiltinReadiness {
  /**
   * For the pair source → target; undefined when no source language was given (the language of
   * the subtitles is then detected per batch, and its language pack fetched on first use).
   */
  readonly translator: BuiltinState | undefined;
  /** For summaries written in the target language. */
  readonly summarizer: BuiltinState;
  readonly languageDetector: BuiltinState;
}

/** The languages to ask about, as names ('Japanese') or BCP 47 tags ('ja'). */
export interface ReadinessQuery {
  readonly source?: string;
  readonly target: string;
}

/**
 * Asks each built-in API whether it can serve these languages, for the provider panel: whether
 * its model is there, must be downloaded (after a click), is downloading, or can't do it. A
 * language without a known code, or an API that fails to answer, reads as 'unavailable'.
 *
 * @example
 * await availabilityFor(api, { source: 'English', target: 'Simplified Chinese' });
 * // { translator: 'downloadable', summarizer: 'available', languageDetector: 'available' }
 */
export async function availabilityFor(api: BuiltinAiApi, query: ReadinessQuery): Promise<BuiltinReadiness> {
  const target = languageCode(query.target);
  const sourceName = query.source?.trim() ?? '';
  const source = sourceName === '' ? undefined : languageCode(sourceName);
  const translator = api.translator;
  const summarizer = api.summarizer;
  const detector = api.languageDetector;
  const [translatorState, summarizerState, detectorState] = await Promise.all([
    sourceName === ''
      ? Promise.resolve(undefined)
      : ask(translator && source && target ? () => translator.availability({ sourceLanguage: source, targetLanguage: target }) : undefined, translator !== undefined),
    ask(summarizer && target ? () => summarizer.availability({ type: 'key-points', format: 'markdown', outputLanguage: target }) : undefined, summarizer !== undefined),
    ask(detector ? () => detector.availability() : undefined, detector !== undefined),
  ]);
  return { translator: translatorState, summarizer: summarizerState, languageDetector: detectorState };
}

/** 'absent' without the API; 'unavailable' when it can't be asked (unknown language) or fails. */
async function ask(question: (() => Promise<BuiltinAvailability>) | undefined, present: boolean): Promise<BuiltinState> {
  if (!present) return 'absent';
  if (!question) return 'unavailable';
  try {
    const answer: unknown = await question();
    return isAvailability(answer) ? answer : 'unavailable';
  } catch {
    return 'unavailable';
  }
}
