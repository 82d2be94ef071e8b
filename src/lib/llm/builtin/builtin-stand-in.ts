/**
 * FOR TESTS ONLY: a stand-in for Chrome's Translator, Summarizer and LanguageDetector APIs,
 * written from the specs (not the real API). It checks availability as `create()` does in the
 * spec (NotSupportedError when unavailable, NotAllowedError when a download needs a click),
 * fires `downloadprogress`, destroys a model when its create() signal aborts, and logs calls.
 */
import type {
  BuiltinAiApi,
  BuiltinAvailability,
  CreateCommon,
  CreateMonitorLike,
  DownloadProgressLike,
  LanguageDetectionResult,
  SummarizerCoreOptions,
  SummarizerLike,
  TranslatorLanguages,
  TranslatorLike,
} from './builtin-api.ts';

export interface StandInOptions {
  readonly translatorAvailability?: (pair: TranslatorLanguages) => BuiltinAvailability;
  readonly summarizerAvailability?: (options: SummarizerCoreOptions) => BuiltinAvailability;
  readonly detectorAvailability?: BuiltinAvailability | (() => BuiltinAvailability);
  /** Transient user activation (a click just happened). */
  readonly activation?: boolean;
  readonly detect?: (text: string) => LanguageDetectionResult[];
  readonly translate?: (text: string, pair: TranslatorLanguages) => string | Promise<string>;
  /** The summary's chunks, as deltas; sent whole-text-so-far when `cumulative`. */
  readonly summarize?: (text: string, options: SummarizerCoreOptions) => string[];
  readonly cumulative?: boolean;
  /** Progress fractions fired while a 'downloadable' or 'downloading' model is created. */
  readonly download?: readonly number[];
  /** Thrown by every create(), in place of the spec's behaviour. */
  readonly createError?: unknown;
}

/** What the stand-in was asked, for assertions. */
export interface StandInLog {
  readonly created: string[];
  /** The signal each create() got (the spec ties the model's life to it). */
  readonly createSignals: (AbortSignal | undefined)[];
  readonly translated: string[];
  readonly summarized: { readonly text: string; readonly options: SummarizerCoreOptions & { readonly sharedContext?: string } }[];
  readonly detected: string[];
}

/** A stand-in BuiltinAiApi and the log of what it was asked. */
export function standInApi(options: StandInOptions = {}): { api: BuiltinAiApi; log: StandInLog } {
  const log: StandInLog = { created: [], createSignals: [], translated: [], summarized: [], detected: [] };
  const api: BuiltinAiApi = {
    hasActivation: () => options.activation ?? false,
    translator: {
      availability: async (pair) => options.translatorAvailability?.(pair) ?? 'available',
      create: async (request) => {
        const pair = { sourceLanguage: request.sourceLanguage, targetLanguage: request.targetLanguage };
        await checkCreate(options, options.translatorAvailability?.(pair) ?? 'available', request, log);
        log.created.push(`translator ${pair.sourceLanguage}→${pair.targetLanguage}`);
        return translatorStandIn(options, pair, log, request.signal);
      },
    },
    summarizer: {
      availability: async (core) => options.summarizerAvailability?.(core ?? {}) ?? 'available',
      create: async (request = {}) => {
        await checkCreate(options, options.summarizerAvailability?.(request) ?? 'available', request, log);
        log.created.push(`summarizer ${request.type ?? 'key-points'} ${request.outputLanguage ?? '?'}`);
        return summarizerStandIn(options, request, log);
      },
    },
    languageDetector: {
      availability: async () => detectorAvailability(options),
      create: async (request = {}) => {
        await checkCreate(options, detectorAvailability(options), request, log);
        log.created.push('detector');
        return {
          detect: async (text) => {
            log.detected.push(text);
            return options.detect?.(text) ?? [{ detectedLanguage: 'en', confidence: 0.9 }, { detectedLanguage: 'und', confidence: 0.1 }];
          },
          destroy: () => undefined,
        };
      },
    },
  };
  return { api, log };
}

function detectorAvailability(options: StandInOptions): BuiltinAvailability {
  const availability = options.detectorAvailability ?? 'available';
  return typeof availability === 'function' ? availability() : availability;
}

async function checkCreate(options: StandInOptions, availability: BuiltinAvailability, request: CreateCommon, log: StandInLog): Promise<void> {
  log.createSignals.push(request.signal);
  if (options.createError !== undefined) throw options.createError;
  if (availability === 'unavailable') throw new DOMException('Unsupported', 'NotSupportedError');
  if (availability === 'downloadable' && !(options.activation ?? false)) throw new DOMException('Requires a user gesture', 'NotAllowedError');
  if (availability === 'available') return;
  const listeners: ((event: DownloadProgressLike) => void)[] = [];
  const monitor: CreateMonitorLike = { addEventListener: (_type, listener) => listeners.push(listener) };
  request.monitor?.(monitor);
  for (const loaded of [0, ...(options.download ?? [1])]) for (const listener of listeners) listener({ loaded, total: 1 });
}

function translatorStandIn(options: StandInOptions, pair: TranslatorLanguages, log: StandInLog, lifetime: AbortSignal | undefined): TranslatorLike {
  let destroyed = false;
  lifetime?.addEventListener('abort', () => (destroyed = true));
  return {
    translate: async (text, call) => {
      if (destroyed) throw new DOMException('The translator was destroyed', 'AbortError');
      if (call?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
      log.translated.push(text);
      return (await options.translate?.(text, pair)) ?? `${pair.targetLanguage}(${text})`;
    },
    destroy: () => {
      destroyed = true;
    },
  };
}

function summarizerStandIn(options: StandInOptions, created: SummarizerCoreOptions & { readonly sharedContext?: string }, log: StandInLog): SummarizerLike {
  const chunksFor = (text: string) => options.summarize?.(text, created) ?? [`* ${created.type ?? 'key-points'} `, `of ${text.length} chars`];
  return {
    summarize: async (text) => {
      log.summarized.push({ text, options: created });
      return chunksFor(text).join('');
    },
    summarizeStreaming: (text, call) => {
      log.summarized.push({ text, options: created });
      const chunks = chunksFor(text);
      let sent = '';
      return new ReadableStream<unknown>({
        pull(controller) {
          const next = chunks.shift();
          if (call?.signal?.aborted) controller.error(new DOMException('Aborted', 'AbortError'));
          else if (next === undefined) controller.close();
          else controller.enqueue(options.cumulative ? (sent += next) : next);
        },
      });
    },
    destroy: () => undefined,
  };
}
