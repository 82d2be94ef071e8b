import { toAppError, type AppError } from '../errors.ts';
import { createChatClient, type ChatClient, type LlmEndpoint } from '../llm/client.ts';
import { llmError } from '../llm/llm-error.ts';
import { editsOf, isDefaultPrompt, withDefaults, type PromptEdits } from '../llm/default-prompts.ts';
import { LOCAL_PROMPTS, type PromptId, type PromptTemplates } from '../llm/prompts.ts';
import { i18n, type Locale } from '../i18n/i18n.svelte.ts';
import { defaultLocalModel, LOCAL_LIMITS, type LocalPrecision } from '../llm/local/local-catalog.ts';
import type { LocalModelOptions } from '../llm/local/local-protocol.ts';
import { keyOrigin, presetById, PROVIDER_KINDS, type PresetId, type ProviderKind } from '../llm/providers.ts';
import type { Complete } from '../llm/chat.ts';
import type { Device, DevicePreference } from '../transcription/models.ts';
import { BUILTIN_CONTEXT_TOKENS } from '../llm/builtin/builtin-complete.ts';
import { builtinAi } from './builtin-ai.svelte.ts';
import { localLlm } from './local-llm.svelte.ts';
import { resolveDevice } from './models.svelte.ts';
import { settings as appSettings } from './settings.svelte.ts';
import {
  DEFAULT_PROVIDER,
  loadProvider,
  saveKeys,
  savePrompts,
  saveProvider,
  type StoredKeys,
  type StoredProvider,
} from '../storage/provider-store.ts';

export type ConnectionState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'testing' }
  | { readonly kind: 'ok'; readonly models: readonly string[] }
  | { readonly kind: 'failed'; readonly error: AppError };

/**
 * The user's own OpenAI-compatible endpoint: where translation and summary requests go, and
 * nowhere else. Keys are held per origin, so a key typed for one service is never sent to
 * another after a preset switch; "don't remember" keeps them in memory only.
 */
export class ProviderSettings {
  kind = $state<ProviderKind>(DEFAULT_PROVIDER.kind);
  presetId = $state<PresetId>(DEFAULT_PROVIDER.presetId);
  baseURL = $state(DEFAULT_PROVIDER.baseURL);
  model = $state(DEFAULT_PROVIDER.model);
  contextTokens = $state(DEFAULT_PROVIDER.contextTokens);
  timeoutSeconds = $state(DEFAULT_PROVIDER.timeoutSeconds);
  batchSize = $state(DEFAULT_PROVIDER.batchSize);
  contextLines = $state(DEFAULT_PROVIDER.contextLines);
  rememberKey = $state(DEFAULT_PROVIDER.rememberKey);
  translateLanguage = $state(DEFAULT_PROVIDER.translateLanguage);
  summaryLanguage = $state(DEFAULT_PROVIDER.summaryLanguage);
  localModelId = $state(DEFAULT_PROVIDER.localModelId);
  localPrecision = $state<LocalPrecision>(DEFAULT_PROVIDER.localPrecision);
  localBatchSize = $state(DEFAULT_PROVIDER.localBatchSize);
  localContextLines = $state(DEFAULT_PROVIDER.localContextLines);
  /** The device in-browser models will run on, once known: it picks the default local model. */
  localDevice = $state<Device>('wasm');
  /** The templates the user wrote; the rest follow the interface language's defaults. */
  promptEdits = $state.raw<PromptEdits>({});
  connection = $state.raw<ConnectionState>({ kind: 'idle' });
  /** False until the stored settings are read: the form waits, so typing is never overwritten. */
  loaded = $state(false);
  #keys = $state.raw<StoredKeys>({});
  readonly #locale: () => Locale;

  /** `locale` gives the interface language, whose default prompts are shown and used. */
  constructor(locale: () => Locale = () => i18n.locale) {
    this.#locale = locale;
  }

  /** The editable prompts in use: the user's edits as written, else the defaults in the interface language. */
  get prompts(): PromptTemplates {
    return withDefaults(this.promptEdits, this.#locale());
  }

  /** Whether the user has written this prompt (Reset is offered then). */
  isPromptEdited(id: PromptId): boolean {
    return this.promptEdits[id] !== undefined;
  }
  #testing: AbortController | undefined;

  /** The key for the current base URL's origin ('' when none). */
  get apiKey(): string {
    const origin = keyOrigin(this.baseURL);
    return origin ? (this.#keys[origin] ?? '') : '';
  }

  /** Enough to send a request: an API with a base URL and a model, or an answerer in this browser. */
  get configured(): boolean {
    if (this.kind === 'builtin') return builtinAi.present;
    if (this.kind === 'local') return true;
    return keyOrigin(this.baseURL) !== undefined && this.model.trim() !== '';
  }

  /** The context window to plan for: the user's figure, else the preset's; small for a local model. */
  get effectiveContextTokens(): number {
    if (this.kind === 'local') return LOCAL_LIMITS.contextTokens;
    if (this.kind === 'builtin') return BUILTIN_CONTEXT_TOKENS;
    return this.contextTokens > 0 ? this.contextTokens : presetById(this.presetId).contextTokens;
  }

  /** The prompts for the provider in use: the user's (editable) for an API, short ones for a small local model. */
  get effectivePrompts(): PromptTemplates {
    return this.kind === 'local' ? LOCAL_PROMPTS : this.prompts;
  }

  /** Cues per translation request, for the provider in use. */
  get effectiveBatchSize(): number {
    return this.kind === 'local' ? this.localBatchSize : this.batchSize;
  }

  /** Context lines around a translation batch, for the provider in use. */
  get effectiveContextLines(): number {
    return this.kind === 'local' ? this.localContextLines : this.contextLines;
  }

  /** The in-browser model to use: the user's, else the device's default. */
  get effectiveLocalModelId(): string {
    return this.localModelId.trim() || defaultLocalModel(this.localDevice);
  }

  /** What the in-browser model loads: its id, from the same source and device as speech models. */
  localModel(source: { readonly host: string; readonly device: DevicePreference } = { host: appSettings.modelHost, device: appSettings.device }): LocalModelOptions {
    return { source: { host: source.host, modelId: this.effectiveLocalModelId }, device: source.device, precision: this.localPrecision };
  }

  /** The kinds this browser can use: the built-in AI only where the browser has it. */
  get kinds(): readonly ProviderKind[] {
    return builtinAi.present ? PROVIDER_KINDS : PROVIDER_KINDS.filter((kind) => kind !== 'builtin');
  }

  chooseKind(kind: ProviderKind): void {
    this.kind = kind;
    void this.save();
  }

  /** Sets the batch size of the provider in use (1 when empty). */
  setBatchSize(size: number): void {
    if (this.kind === 'local') this.localBatchSize = size || 1;
    else this.batchSize = size || 20;
    void this.save();
  }

  /** Sets the context lines of the provider in use. */
  setContextLines(lines: number): void {
    if (this.kind === 'local') this.localContextLines = lines;
    else this.contextLines = lines;
    void this.save();
  }

  /**
   * The one way translation and summary reach whoever answers: the API client, or the model in
   * this browser (loaded on first use). Throws `llm-not-configured` for an API with no URL or model.
   */
  complete(): Complete {
    switch (this.kind) {
      case 'api':
        return this.client().complete;
      case 'local':
        return localLlm.complete(this.localModel());
      case 'builtin':
        return builtinAi.complete();
    }
  }

  /** Reads the stored settings once at start-up. */
  async load(): Promise<void> {
    const { settings, keys, prompts } = await loadProvider();
    this.#apply(settings);
    this.#keys = keys;
    this.promptEdits = editsOf(prompts);
    this.loaded = true;
    // The default in-browser model depends on the device it will run on.
    void resolveDevice(appSettings.device).then((info) => (this.localDevice = info.device), () => undefined);
  }

  snapshot(): StoredProvider {
    const { kind, presetId, baseURL, model, contextTokens, timeoutSeconds, batchSize, contextLines, rememberKey } = this;
    const { translateLanguage, summaryLanguage, localModelId, localPrecision, localBatchSize, localContextLines } = this;
    return {
      ...{ kind, presetId, baseURL, model, contextTokens, timeoutSeconds },
      ...{ batchSize, contextLines, rememberKey, translateLanguage, summaryLanguage },
      ...{ localModelId, localPrecision, localBatchSize, localContextLines },
    };
  }

  /** Saves; a full or blocked store only costs persistence. */
  async save(): Promise<void> {
    await saveProvider(this.snapshot()).catch(() => undefined);
  }

  /** Fills base URL and model from a preset (custom keeps what is there). */
  choosePreset(id: PresetId): void {
    this.presetId = id;
    const preset = presetById(id);
    if (id !== 'custom') {
      this.baseURL = preset.baseURL;
      this.model = preset.model;
    }
    this.connection = { kind: 'idle' };
    void this.save();
  }

  setApiKey(value: string): void {
    const origin = keyOrigin(this.baseURL);
    if (!origin) return;
    this.#keys = { ...this.#keys, [origin]: value.trim() };
    void this.#saveKeys();
  }

  setRememberKey(remember: boolean): void {
    this.rememberKey = remember;
    void this.save();
    void this.#saveKeys();
  }

  /** Keeps a template as written; a blank one, or one that is a default, goes back to following the defaults. */
  setPrompt(id: PromptId, text: string): void {
    const edits: Partial<Record<PromptId, string>> = { ...this.promptEdits };
    delete edits[id];
    if (text.trim() !== '' && !isDefaultPrompt(id, text)) edits[id] = text;
    this.promptEdits = edits;
    void savePrompts(this.prompts).catch(() => undefined);
  }

  resetPrompt(id: PromptId): void {
    this.setPrompt(id, '');
  }

  /** Where requests go; throws `llm-not-configured` without a base URL and model. */
  endpoint(): LlmEndpoint {
    if (!this.configured) throw llmError('llm-not-configured');
    return { baseURL: this.baseURL.trim(), apiKey: this.apiKey, model: this.model.trim(), timeoutMs: this.timeoutSeconds * 1000 };
  }

  client(): ChatClient {
    return createChatClient(this.endpoint());
  }

  /** Lists the endpoint's models (or sends a one-token request); a newer test cancels an older one. */
  async testConnection(): Promise<void> {
    this.#testing?.abort();
    const controller = new AbortController();
    this.#testing = controller;
    this.connection = { kind: 'testing' };
    try {
      const result = await this.client().testConnection(controller.signal);
      if (this.#testing === controller) this.connection = { kind: 'ok', models: result.kind === 'models' ? result.models : [] };
    } catch (caught) {
      const error = toAppError(caught);
      if (this.#testing === controller && error.code !== 'cancelled') this.connection = { kind: 'failed', error };
    }
  }

  async #saveKeys(): Promise<void> {
    // Empty keys are not worth a row; "don't remember" deletes every stored key.
    const kept = Object.fromEntries(Object.entries(this.#keys).filter(([, key]) => key !== ''));
    await saveKeys(this.rememberKey ? kept : undefined).catch(() => undefined);
  }

  #apply(s: StoredProvider): void {
    this.kind = s.kind;
    this.localModelId = s.localModelId;
    this.localPrecision = s.localPrecision;
    this.localBatchSize = s.localBatchSize;
    this.localContextLines = s.localContextLines;
    this.presetId = s.presetId;
    this.baseURL = s.baseURL;
    this.model = s.model;
    this.contextTokens = s.contextTokens;
    this.timeoutSeconds = s.timeoutSeconds;
    this.batchSize = s.batchSize;
    this.contextLines = s.contextLines;
    this.rememberKey = s.rememberKey;
    this.translateLanguage = s.translateLanguage;
    this.summaryLanguage = s.summaryLanguage;
  }
}

export const provider = new ProviderSettings();

