/**
 * The browser's built-in AI as the specs define it, reduced to what Zimu calls, plus feature
 * detection. TypeScript's DOM library has no types for these yet, so they are written here from
 * the IDL of the Translator and Language Detector APIs
 * (https://webmachinelearning.github.io/translation-api/) and the Writing Assistance APIs
 * (https://webmachinelearning.github.io/writing-assistance-apis/), and Chrome's guides
 * (https://developer.chrome.com/docs/ai/translator-api, …/summarizer-api, …/language-detection).
 * Everything is injected as a `BuiltinAiApi`, so the adapter is tested against a stand-in.
 */

/** What `availability()` answers: whether a model for these options can be used, and how soon. */
export type BuiltinAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

const AVAILABILITIES: readonly BuiltinAvailability[] = ['unavailable', 'downloadable', 'downloading', 'available'];

/** The `downloadprogress` event (a ProgressEvent: `loaded` is a fraction of `total`, which is 1). */
export interface DownloadProgressLike {
  readonly loaded: number;
  readonly total: number;
}

/** The `CreateMonitor` handed to a `monitor` callback while a model is created. */
export interface CreateMonitorLike {
  addEventListener(type: 'downloadprogress', listener: (event: DownloadProgressLike) => void): void;
}

/** Options every `create()` takes beside its own. */
export interface CreateCommon {
  readonly signal?: AbortSignal;
  readonly monitor?: (monitor: CreateMonitorLike) => void;
}

/** The pair a translator is for; both BCP 47 tags. */
export interface TranslatorLanguages {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

/** A translator for one language pair (`Translator` instance). */
export interface TranslatorLike {
  translate(input: string, options?: { readonly signal?: AbortSignal }): Promise<string>;
  destroy(): void;
}

/** The `Translator` interface object (its static methods). */
export interface TranslatorFactory {
  availability(options: TranslatorLanguages): Promise<BuiltinAvailability>;
  create(options: TranslatorLanguages & CreateCommon): Promise<TranslatorLike>;
}

export type SummarizerType = 'key-points' | 'tldr' | 'teaser' | 'headline';
export type SummarizerFormat = 'markdown' | 'plain-text';
export type SummarizerLength = 'short' | 'medium' | 'long';

/** `SummarizerCreateCoreOptions`: what `availability()` and `create()` both take. */
export interface SummarizerCoreOptions {
  readonly type?: SummarizerType;
  readonly format?: SummarizerFormat;
  readonly length?: SummarizerLength;
  readonly expectedInputLanguages?: readonly string[];
  readonly outputLanguage?: string;
}

/** A summarizer configured once (`Summarizer` instance). */
export interface SummarizerLike {
  summarize(input: string, options?: { readonly signal?: AbortSignal; readonly context?: string }): Promise<string>;
  /** A stream of string chunks; the spec enqueues each new piece (see stream-text.ts). */
  summarizeStreaming(input: string, options?: { readonly signal?: AbortSignal; readonly context?: string }): ReadableStream<unknown>;
  destroy(): void;
}

/** The `Summarizer` interface object (its static methods). */
export interface SummarizerFactory {
  availability(options?: SummarizerCoreOptions): Promise<BuiltinAvailability>;
  create(options?: SummarizerCoreOptions & CreateCommon & { readonly sharedContext?: string }): Promise<SummarizerLike>;
}

/** One guess of `detect()`; the list is best first and always ends with `und` (undetermined). */
export interface LanguageDetectionResult {
  readonly detectedLanguage: string;
  readonly confidence: number;
}

/** A language detector (`LanguageDetector` instance). */
export interface LanguageDetectorLike {
  detect(input: string, options?: { readonly signal?: AbortSignal }): Promise<readonly LanguageDetectionResult[]>;
  destroy(): void;
}

/** The `LanguageDetector` interface object (its static methods). */
export interface LanguageDetectorFactory {
  availability(options?: { readonly expectedInputLanguages?: readonly string[] }): Promise<BuiltinAvailability>;
  create(options?: CreateCommon & { readonly expectedInputLanguages?: readonly string[] }): Promise<LanguageDetectorLike>;
}

/** The built-in AI of one page: each API where the browser has it, and its user-activation state. */
export interface BuiltinAiApi {
  readonly translator?: TranslatorFactory;
  readonly summarizer?: SummarizerFactory;
  readonly languageDetector?: LanguageDetectorFactory;
  /**
   * Whether the page has transient user activation now (`navigator.userActivation.isActive`):
   * creating a model that must first be downloaded needs it, and consumes it.
   */
  hasActivation(): boolean;
}

/** Which parts of the built-in AI this browser has, for showing or hiding the provider. */
export interface BuiltinAbilities {
  readonly translator: boolean;
  readonly summarizer: boolean;
  readonly languageDetector: boolean;
}

/**
 * The built-in AI of a global scope (`self` on the page), or undefined when the browser has none
 * of it. Reads the globals with type guards, so any object (a test's, a worker's) is safe to pass.
 *
 * @example
 * const api = builtinApiFrom(globalThis);
 * if (api?.translator) showProvider('builtin');
 */
export function builtinApiFrom(scope: unknown): BuiltinAiApi | undefined {
  if (!isObject(scope)) return undefined;
  const translator = 'Translator' in scope && isTranslatorFactory(scope.Translator) ? scope.Translator : undefined;
  const summarizer = 'Summarizer' in scope && isSummarizerFactory(scope.Summarizer) ? scope.Summarizer : undefined;
  const languageDetector =
    'LanguageDetector' in scope && isLanguageDetectorFactory(scope.LanguageDetector) ? scope.LanguageDetector : undefined;
  if (!translator && !summarizer && !languageDetector) return undefined;
  return { translator, summarizer, languageDetector, hasActivation: () => activationOf(scope) };
}

/**
 * Which built-in AI APIs a global scope has (feature detection only: a model may still need a
 * download, or not support a language; ask `availabilityFor` for that).
 *
 * @example
 * builtinAbilities(globalThis); // { translator: true, summarizer: true, languageDetector: true } in Chrome 138+
 */
export function builtinAbilities(scope: unknown): BuiltinAbilities {
  const api = builtinApiFrom(scope);
  return { translator: api?.translator !== undefined, summarizer: api?.summarizer !== undefined, languageDetector: api?.languageDetector !== undefined };
}

/** True for one of the four documented availability values. */
export function isAvailability(value: unknown): value is BuiltinAvailability {
  return AVAILABILITIES.some((known) => known === value);
}

function isTranslatorFactory(value: unknown): value is TranslatorFactory {
  return hasMethods(value, ['availability', 'create']);
}

function isSummarizerFactory(value: unknown): value is SummarizerFactory {
  return hasMethods(value, ['availability', 'create']);
}

function isLanguageDetectorFactory(value: unknown): value is LanguageDetectorFactory {
  return hasMethods(value, ['availability', 'create']);
}

function hasMethods(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== 'function' && !isObject(value)) return false;
  return names.every((name) => name in value && typeof Reflect.get(value, name) === 'function');
}

/** `navigator.userActivation.isActive`, read at call time; true where the browser doesn't say. */
function activationOf(scope: object): boolean {
  const navigator = 'navigator' in scope ? scope.navigator : undefined;
  if (!isObject(navigator) || !('userActivation' in navigator)) return true;
  const activation = navigator.userActivation;
  if (!isObject(activation) || !('isActive' in activation)) return true;
  return activation.isActive === true;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
