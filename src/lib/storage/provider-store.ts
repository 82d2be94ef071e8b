import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { isDefaultPrompt } from '../llm/default-prompts.ts';
import { DEFAULT_PROMPTS, PROMPT_IDS, type PromptTemplates } from '../llm/prompts.ts';
import { LOCAL_LIMITS, LOCAL_PRECISIONS, type LocalPrecision } from '../llm/local/local-catalog.ts';
import { isPresetId, isProviderKind, keyOrigin, type PresetId, type ProviderKind } from '../llm/providers.ts';

/** The AI provider settings as stored on this device. Keys are stored apart (see saveKeys). */
export interface StoredProvider {
  /** Who answers: the user's API, a model in this browser, or the browser's built-in AI. */
  readonly kind: ProviderKind;
  readonly presetId: PresetId;
  readonly baseURL: string;
  readonly model: string;
  /** 0: the preset's own figure. */
  readonly contextTokens: number;
  readonly timeoutSeconds: number;
  readonly batchSize: number;
  readonly contextLines: number;
  readonly rememberKey: boolean;
  /** '' follows the interface language. */
  readonly translateLanguage: string;
  readonly summaryLanguage: string;
  /** The in-browser model's repository id ('' picks one for the device). */
  readonly localModelId: string;
  readonly localPrecision: LocalPrecision;
  /** Batches and context for the in-browser model: smaller than an API's. */
  readonly localBatchSize: number;
  readonly localContextLines: number;
}

/** API keys by the origin of the base URL they were entered for. */
export type StoredKeys = Readonly<Record<string, string>>;

/** Nothing is configured until the user chooses where their transcript may go. */
export const DEFAULT_PROVIDER: StoredProvider = {
  kind: 'api',
  presetId: 'custom',
  baseURL: '',
  model: '',
  contextTokens: 0,
  timeoutSeconds: 120,
  batchSize: 20,
  contextLines: 2,
  rememberKey: true,
  translateLanguage: '',
  summaryLanguage: '',
  localModelId: '',
  localPrecision: 'auto',
  localBatchSize: LOCAL_LIMITS.batchSize,
  localContextLines: LOCAL_LIMITS.contextLines,
};

const SETTINGS = 'provider';
const KEYS = 'keys';
const PROMPTS = 'prompts';
let store: UseStore | undefined;
// Its own database: idb-keyval creates one object store per database.
const providerStore = () => (store ??= createStore('zimu-llm', 'provider'));

/** Reads everything at once; a blocked IndexedDB (private mode) just means defaults. */
export async function loadProvider(): Promise<{ settings: StoredProvider; keys: StoredKeys; prompts: PromptTemplates }> {
  try {
    const [settings, keys, prompts] = await Promise.all([SETTINGS, KEYS, PROMPTS].map((k) => get<unknown>(k, providerStore())));
    return { settings: sanitizeProvider(settings), keys: sanitizeKeys(keys), prompts: sanitizePrompts(prompts) };
  } catch {
    return { settings: DEFAULT_PROVIDER, keys: {}, prompts: DEFAULT_PROMPTS };
  }
}

export async function saveProvider(settings: StoredProvider): Promise<void> {
  await set(SETTINGS, settings, providerStore());
}

/** Stores the keys, or with `undefined` ("don't remember") deletes every stored key. */
export async function saveKeys(keys: StoredKeys | undefined): Promise<void> {
  await (keys ? set(KEYS, keys, providerStore()) : del(KEYS, providerStore()));
}

/** Stores only templates that differ from the defaults (of every interface language), so improved defaults reach users. */
export async function savePrompts(prompts: PromptTemplates): Promise<void> {
  const edited = Object.fromEntries(PROMPT_IDS.filter((id) => !isDefaultPrompt(id, prompts[id])).map((id) => [id, prompts[id]]));
  await set(PROMPTS, edited, providerStore());
}

/** Validates untrusted stored settings field by field. Pure. */
export function sanitizeProvider(raw: unknown): StoredProvider {
  const value = (key: keyof StoredProvider): unknown => (typeof raw === 'object' && raw !== null ? Reflect.get(raw, key) : undefined);
  const text = (key: keyof StoredProvider, fallback: string) => {
    const v = value(key);
    return typeof v === 'string' ? v.trim() : fallback;
  };
  const whole = (key: keyof StoredProvider, min: number, max: number, fallback: number) => {
    const v = value(key);
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
  };
  const presetId = value('presetId');
  const d = DEFAULT_PROVIDER;
  const kind = value('kind');
  const localPrecision = LOCAL_PRECISIONS.find((p) => p === value('localPrecision'));
  return {
    kind: isProviderKind(kind) ? kind : d.kind,
    presetId: isPresetId(presetId) ? presetId : d.presetId,
    baseURL: text('baseURL', d.baseURL),
    model: text('model', d.model),
    contextTokens: whole('contextTokens', 0, 10_000_000, d.contextTokens),
    timeoutSeconds: whole('timeoutSeconds', 1, 3600, d.timeoutSeconds),
    batchSize: whole('batchSize', 1, 200, d.batchSize),
    contextLines: whole('contextLines', 0, 20, d.contextLines),
    rememberKey: typeof value('rememberKey') === 'boolean' ? value('rememberKey') === true : d.rememberKey,
    translateLanguage: text('translateLanguage', d.translateLanguage),
    summaryLanguage: text('summaryLanguage', d.summaryLanguage),
    localModelId: text('localModelId', d.localModelId),
    localPrecision: localPrecision ?? d.localPrecision,
    localBatchSize: whole('localBatchSize', 1, 50, d.localBatchSize),
    localContextLines: whole('localContextLines', 0, 5, d.localContextLines),
  };
}

/** Keeps string keys stored under a valid origin. Pure. */
export function sanitizeKeys(raw: unknown): StoredKeys {
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter(([origin, key]) => keyOrigin(origin) === origin && typeof key === 'string' && key !== ''));
}

/** Stored template edits over the defaults. Pure. */
export function sanitizePrompts(raw: unknown): PromptTemplates {
  const edited = (id: string): unknown => (typeof raw === 'object' && raw !== null ? Reflect.get(raw, id) : undefined);
  const pick = (id: keyof PromptTemplates) => {
    const v = edited(id);
    return typeof v === 'string' && v.trim() !== '' ? v : DEFAULT_PROMPTS[id];
  };
  return { translate: pick('translate'), summary: pick('summary'), summaryPart: pick('summaryPart') };
}
