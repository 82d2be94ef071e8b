/** Who answers translation and summary requests. */
export type ProviderKind = 'api' | 'local' | 'builtin';
export const PROVIDER_KINDS: readonly ProviderKind[] = ['api', 'local', 'builtin'];

/** True for a known provider kind. */
export function isProviderKind(value: unknown): value is ProviderKind {
  return PROVIDER_KINDS.some((kind) => kind === value);
}

/**
 * Presets for common OpenAI-compatible services. A preset only fills the form: the base URL,
 * a suggested model and how many tokens of context to plan for. Everything stays editable.
 */
export type PresetId =
  | 'openai'
  | 'deepseek'
  | 'dashscope'
  | 'moonshot'
  | 'zhipu'
  | 'siliconflow'
  | 'openrouter'
  | 'ollama'
  | 'lmstudio'
  | 'custom';

export interface ProviderPreset {
  readonly id: PresetId;
  /** Shown as is in English: product names are not translated. */
  readonly name: string;
  /** The name Chinese users know the service by, shown in the Chinese UI (see `presetLabel`). */
  readonly nameZh?: string;
  readonly baseURL: string;
  readonly model: string;
  /** Context window to plan summaries for when the user sets none. */
  readonly contextTokens: number;
  /** A server on the user's own machine: no key needed, CORS is set up by the user. */
  readonly local: boolean;
}

/** Context to assume for a server we know nothing about. */
export const DEFAULT_CONTEXT_TOKENS = 8192;

const CUSTOM_PRESET: ProviderPreset = {
  id: 'custom',
  name: 'Custom',
  baseURL: '',
  model: '',
  contextTokens: DEFAULT_CONTEXT_TOKENS,
  local: false,
};

export const PRESETS: readonly ProviderPreset[] = [
  { id: 'openai', name: 'OpenAI', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini', contextTokens: 128_000, local: false },
  { id: 'deepseek', name: 'DeepSeek', baseURL: 'https://api.deepseek.com', model: 'deepseek-chat', contextTokens: 64_000, local: false },
  {
    id: 'dashscope',
    name: 'Qwen (DashScope)',
    nameZh: '通义千问（阿里云百炼）',
    baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    model: 'qwen-plus',
    contextTokens: 128_000,
    local: false,
  },
  { id: 'moonshot', name: 'Moonshot / Kimi', nameZh: '月之暗面 Kimi', baseURL: 'https://api.moonshot.cn/v1', model: 'moonshot-v1-32k', contextTokens: 32_000, local: false },
  { id: 'zhipu', name: 'Zhipu GLM', nameZh: '智谱 GLM', baseURL: 'https://open.bigmodel.cn/api/paas/v4', model: 'glm-4-flash', contextTokens: 128_000, local: false },
  {
    id: 'siliconflow',
    name: 'SiliconFlow',
    nameZh: '硅基流动',
    baseURL: 'https://api.siliconflow.cn/v1',
    model: 'Qwen/Qwen2.5-7B-Instruct',
    contextTokens: 32_000,
    local: false,
  },
  { id: 'openrouter', name: 'OpenRouter', baseURL: 'https://openrouter.ai/api/v1', model: 'openai/gpt-4o-mini', contextTokens: 128_000, local: false },
  // Ollama's default context is 4096 tokens unless OLLAMA_CONTEXT_LENGTH says otherwise, and it
  // silently drops the start of longer prompts, so plan for exactly that.
  { id: 'ollama', name: 'Ollama', baseURL: 'http://localhost:11434/v1', model: 'qwen2.5:7b', contextTokens: 4096, local: true },
  { id: 'lmstudio', name: 'LM Studio', baseURL: 'http://localhost:1234/v1', model: '', contextTokens: 4096, local: true },
  CUSTOM_PRESET,
];

/**
 * The preset's name for this UI language: Chinese services by their Chinese names in the Chinese
 * UI, every other name as the product spells it. Pure.
 *
 * @example
 * presetLabel(presetById('zhipu'), 'zh-CN'); // '智谱 GLM'
 * presetLabel(presetById('zhipu'), 'en'); // 'Zhipu GLM'
 */
export function presetLabel(preset: ProviderPreset, locale: string): string {
  return (locale.startsWith('zh') ? preset.nameZh : undefined) ?? preset.name;
}

/** The preset with this id (custom for unknown ids). Pure. */
export function presetById(id: string): ProviderPreset {
  return PRESETS.find((p) => p.id === id) ?? CUSTOM_PRESET;
}

/** True for a known preset id. */
export function isPresetId(value: unknown): value is PresetId {
  return PRESETS.some((p) => p.id === value);
}

/**
 * The origin a key belongs to: keys are stored per origin so that switching presets never sends
 * one service's key to another. Undefined when `baseURL` is not an http(s) URL. Pure.
 *
 * @example
 * keyOrigin('https://api.deepseek.com/v1'); // 'https://api.deepseek.com'
 */
export function keyOrigin(baseURL: string): string | undefined {
  try {
    const url = new URL(baseURL.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
