import { AppErrorException } from '../../errors.ts';
import type { BuiltinAiApi, LanguageDetectionResult, LanguageDetectorLike } from './builtin-api.ts';
import { builtinFailure, unavailable } from './builtin-errors.ts';
import { ModelCache, openModel, untilCancelled, type BuiltinHooks } from './builtin-models.ts';

/** Characters of text to detect from: the start says which language it is as well as all of it. */
const SAMPLE_CHARS = 2000;
/** Texts whose language is remembered (a batch retried, or asked again, is not detected twice). */
const REMEMBERED = 64;

/**
 * The most likely language of a detection, skipping `und` (undetermined), which the spec puts
 * last and which may also come first for text in no language the model knows. Pure.
 *
 * @example
 * bestLanguage([{ detectedLanguage: 'und', confidence: 0.6 }, { detectedLanguage: 'de', confidence: 0.3 }]); // 'de'
 */
export function bestLanguage(results: readonly LanguageDetectionResult[]): string | undefined {
  return results.find((result) => result.detectedLanguage !== '' && result.detectedLanguage !== 'und')?.detectedLanguage;
}

/**
 * Tells the language of a text with the browser's LanguageDetector: one detector for the page,
 * created on first use, and the answer remembered per text.
 *
 * @example
 * const languages = new SourceLanguages(api, hooks);
 * await languages.of('Guten Morgen\nWie geht es dir?', signal); // 'de'
 */
export class SourceLanguages {
  readonly #api: BuiltinAiApi;
  readonly #hooks: BuiltinHooks;
  readonly #detector = new ModelCache<LanguageDetectorLike>();
  readonly #known = new Map<string, string>();

  constructor(api: BuiltinAiApi, hooks: BuiltinHooks) {
    this.#api = api;
    this.#hooks = hooks;
  }

  /** The language of `text` as a BCP 47 tag; fails with `llm-builtin-unavailable` when it can't tell. */
  async of(text: string, signal: AbortSignal): Promise<string> {
    const sample = text.slice(0, SAMPLE_CHARS);
    const known = this.#known.get(sample);
    if (known) return known;
    const detector = await untilCancelled(this.#open(), signal);
    let results: readonly LanguageDetectionResult[];
    try {
      results = await detector.detect(sample, { signal });
    } catch (caught) {
      throw builtinFailure(caught, { signal, what: 'LanguageDetector' });
    }
    const language = bestLanguage(results);
    if (!language) throw unavailable('LanguageDetector: the language of the text is undetermined');
    this.#remember(sample, language);
    return language;
  }

  /** Like `of`, but undefined instead of failing (cancelling still throws): for hints only. */
  async guess(text: string, signal: AbortSignal): Promise<string | undefined> {
    try {
      return await this.of(text, signal);
    } catch (caught) {
      if (signal.aborted || (caught instanceof AppErrorException && caught.error.code === 'cancelled')) throw caught;
      return undefined;
    }
  }

  #open(): Promise<LanguageDetectorLike> {
    const factory = this.#api.languageDetector;
    if (!factory) return Promise.reject(unavailable('LanguageDetector (to tell the language of the subtitles) is missing in this browser'));
    return this.#detector.get('detector', () =>
      openModel(this.#api, { what: 'LanguageDetector', availability: () => factory.availability(), create: (common) => factory.create(common) }, this.#hooks),
    );
  }

  #remember(sample: string, language: string): void {
    if (this.#known.size >= REMEMBERED) {
      const oldest = this.#known.keys().next();
      if (!oldest.done) this.#known.delete(oldest.value);
    }
    this.#known.set(sample, language);
  }
}
