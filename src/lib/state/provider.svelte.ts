import { toAppError, type AppError } from '../errors.ts';
import { createChatClient, type ChatClient, type LlmEndpoint } from '../llm/client.ts';
import { llmError } from '../llm/llm-error.ts';
import { DEFAULT_PROMPTS, type PromptId, type PromptTemplates } from '../llm/prompts.ts';
import { keyOrigin, presetById, type PresetId } from '../llm/providers.ts';
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
  prompts = $state.raw<PromptTemplates>(DEFAULT_PROMPTS);
  connection = $state.raw<ConnectionState>({ kind: 'idle' });
  /** False until the stored settings are read: the form waits, so typing is never overwritten. */
  loaded = $state(false);
  #keys = $state.raw<StoredKeys>({});
  #testing: AbortController | undefined;

  /** The key for the current base URL's origin ('' when none). */
  get apiKey(): string {
    const origin = keyOrigin(this.baseURL);
    return origin ? (this.#keys[origin] ?? '') : '';
  }

  /** Both a base URL and a model: enough to send a request. */
  get configured(): boolean {
    return keyOrigin(this.baseURL) !== undefined && this.model.trim() !== '';
  }

  /** The context window to plan for: the user's figure, else the preset's. */
  get effectiveContextTokens(): number {
    return this.contextTokens > 0 ? this.contextTokens : presetById(this.presetId).contextTokens;
  }

  /** Reads the stored settings once at start-up. */
  async load(): Promise<void> {
    const { settings, keys, prompts } = await loadProvider();
    this.#apply(settings);
    this.#keys = keys;
    this.prompts = prompts;
    this.loaded = true;
  }

  snapshot(): StoredProvider {
    const { presetId, baseURL, model, contextTokens, timeoutSeconds, batchSize, contextLines, rememberKey } = this;
    const { translateLanguage, summaryLanguage } = this;
    return {
      ...{ presetId, baseURL, model, contextTokens, timeoutSeconds },
      ...{ batchSize, contextLines, rememberKey, translateLanguage, summaryLanguage },
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

  setPrompt(id: PromptId, text: string): void {
    this.prompts = { ...this.prompts, [id]: text };
    void savePrompts(this.prompts).catch(() => undefined);
  }

  resetPrompt(id: PromptId): void {
    this.setPrompt(id, DEFAULT_PROMPTS[id]);
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
