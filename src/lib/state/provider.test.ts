import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LOCAL_LIMITS } from '../llm/local/local-catalog.ts';
import { ZH_PROMPTS } from '../llm/default-prompts.ts';
import { DEFAULT_PROMPTS, LOCAL_PROMPTS } from '../llm/prompts.ts';
import { ProviderSettings } from './provider.svelte.ts';

describe('ProviderSettings by kind', () => {
  it('an API needs a base URL and a model; the in-browser model needs nothing', () => {
    const provider = new ProviderSettings();
    expect(provider.configured).toBe(false);
    provider.chooseKind('local');
    expect(provider.configured).toBe(true);
    expect(() => provider.complete()).not.toThrow();
    provider.chooseKind('api');
    expect(() => provider.complete()).toThrow('llm-not-configured');
  });

  it('plans small batches, a small context and short prompts for the in-browser model, and keeps each kind its own numbers', () => {
    const provider = new ProviderSettings();
    provider.setBatchSize(30);
    provider.chooseKind('local');
    expect([provider.effectiveBatchSize, provider.effectiveContextLines]).toEqual([LOCAL_LIMITS.batchSize, LOCAL_LIMITS.contextLines]);
    expect(provider.effectiveContextTokens).toBe(LOCAL_LIMITS.contextTokens);
    expect(provider.effectivePrompts).toBe(LOCAL_PROMPTS);
    provider.setBatchSize(2);
    provider.chooseKind('api');
    expect(provider.effectiveBatchSize).toBe(30);
    expect(provider.effectivePrompts).toEqual(DEFAULT_PROMPTS);
    provider.chooseKind('local');
    expect(provider.effectiveBatchSize).toBe(2);
  });

  it('picks the device default model until the user names one, from the speech models’ source', () => {
    const provider = new ProviderSettings();
    provider.localDevice = 'webgpu';
    expect(provider.effectiveLocalModelId).toBe('onnx-community/Qwen3-0.6B-ONNX');
    provider.localModelId = ' zimu-test/chat-scripted ';
    expect(provider.localModel({ host: 'http://127.0.0.1:4174', device: 'wasm' })).toEqual({
      source: { host: 'http://127.0.0.1:4174', modelId: 'zimu-test/chat-scripted' },
      device: 'wasm',
      precision: 'auto',
    });
  });
});

describe('ProviderSettings prompts', () => {
  it('shows and uses the interface language’s defaults, keeps an edit as written, and Reset goes back to the defaults', () => {
    let locale: 'en' | 'zh-CN' = 'zh-CN';
    const provider = new ProviderSettings(() => locale);
    expect(provider.prompts).toEqual(ZH_PROMPTS);
    expect(provider.effectivePrompts).toEqual(ZH_PROMPTS);
    expect(provider.isPromptEdited('summary')).toBe(false);
    provider.setPrompt('summary', '请用 {language} 写三句话的摘要。');
    locale = 'en';
    expect(provider.prompts).toEqual({ ...DEFAULT_PROMPTS, summary: '请用 {language} 写三句话的摘要。' });
    expect(provider.isPromptEdited('summary')).toBe(true);
    // Typing a default back (or clearing the box) is not an edit: it follows the language again.
    provider.setPrompt('translate', ZH_PROMPTS.translate);
    expect(provider.prompts.translate).toBe(DEFAULT_PROMPTS.translate);
    provider.resetPrompt('summary');
    expect(provider.isPromptEdited('summary')).toBe(false);
    expect(provider.prompts).toEqual(DEFAULT_PROMPTS);
    // The in-browser model keeps its own short prompts whatever the interface language.
    provider.chooseKind('local');
    expect(provider.effectivePrompts).toBe(LOCAL_PROMPTS);
  });
});
