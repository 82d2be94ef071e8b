import { toAppError, type AppError } from '../errors.ts';
import type { Complete } from '../llm/chat.ts';
import { builtinApiFrom, type BuiltinAiApi } from '../llm/builtin/builtin-api.ts';
import { availabilityFor, type BuiltinReadiness } from '../llm/builtin/builtin-availability.ts';
import { createBuiltinComplete } from '../llm/builtin/builtin-complete.ts';
import { downloadBuiltin } from '../llm/builtin/builtin-download.ts';
import { llmError } from '../llm/llm-error.ts';

/**
 * The browser's built-in AI (Chrome's Translator, Summarizer and LanguageDetector): whether it is
 * here at all, what it can do for the chosen languages, and its downloads, which the browser
 * starts only from a click. One Complete for the page, so its models are created once and reused.
 */
export class BuiltinAiState {
  readonly #api: BuiltinAiApi | undefined;
  readiness = $state.raw<BuiltinReadiness | undefined>();
  /** Download progress (0–1) while the browser fetches a model. */
  downloading = $state<number | undefined>();
  error = $state.raw<AppError | undefined>();
  #complete: Complete | undefined;

  /** `api`: the browser's own (feature-detected), or a stand-in in tests. */
  constructor(api: BuiltinAiApi | undefined = builtinApiFrom(globalThis)) {
    this.#api = api;
    this.present = api?.translator !== undefined || api?.summarizer !== undefined;
  }

  /** The browser has a translator or a summarizer: the provider is offered only then. */
  readonly present: boolean;

  /** Asks what the built-in models can do for these languages. */
  async refresh(target: string, source?: string): Promise<void> {
    if (!this.#api) return;
    this.readiness = await availabilityFor(this.#api, { target, source }).catch(() => undefined);
  }

  /** From a click: has the browser download the next model the need lacks. */
  async download(need: 'translation' | 'summary', target: string): Promise<void> {
    if (!this.#api) return;
    this.error = undefined;
    this.downloading = 0;
    try {
      await downloadBuiltin(this.#api, { need, target }, { onDownload: (fraction) => (this.downloading = fraction) });
    } catch (caught) {
      this.error = toAppError(caught);
    } finally {
      this.downloading = undefined;
    }
    await this.refresh(target);
  }

  /** The Complete for translation and summary; fails with `llm-builtin-unavailable` where absent. */
  complete(): Complete {
    const api = this.#api;
    if (!api) return () => Promise.reject(llmError('llm-builtin-unavailable'));
    this.#complete ??= createBuiltinComplete(api, { onDownload: (fraction) => (this.downloading = fraction < 1 ? fraction : undefined) });
    return this.#complete;
  }
}

export const builtinAi = new BuiltinAiState();
