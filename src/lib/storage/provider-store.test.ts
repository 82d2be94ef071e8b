import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ZH_PROMPTS } from '../llm/default-prompts.ts';
import { DEFAULT_PROMPTS } from '../llm/prompts.ts';
import { DEFAULT_PROVIDER, loadProvider, savePrompts, sanitizeKeys, sanitizePrompts, sanitizeProvider } from './provider-store.ts';

describe('sanitizeProvider', () => {
  it('gives defaults, with nothing configured, for nothing stored', () => {
    expect(sanitizeProvider(undefined)).toEqual(DEFAULT_PROVIDER);
    expect(DEFAULT_PROVIDER.baseURL).toBe('');
  });

  it('keeps valid values and replaces invalid ones field by field', () => {
    expect(
      sanitizeProvider({
        presetId: 'ollama',
        baseURL: ' http://localhost:11434/v1 ',
        model: 'qwen2.5:7b',
        batchSize: 0,
        contextLines: 3,
        timeoutSeconds: 'x',
        rememberKey: false,
      }),
    ).toEqual({ ...DEFAULT_PROVIDER, presetId: 'ollama', baseURL: 'http://localhost:11434/v1', model: 'qwen2.5:7b', contextLines: 3, rememberKey: false });
    expect(sanitizeProvider({ presetId: 'nope' }).presetId).toBe('custom');
  });

  it('keeps the provider kind and the in-browser model settings, and repairs them field by field', () => {
    const stored = { kind: 'local', localModelId: ' onnx-community/Qwen3-0.6B-ONNX ', localPrecision: 'q8', localBatchSize: 3, localContextLines: 2 };
    expect(sanitizeProvider(stored)).toEqual({ ...DEFAULT_PROVIDER, ...stored, localModelId: 'onnx-community/Qwen3-0.6B-ONNX' });
    const broken = sanitizeProvider({ kind: 'cloud', localPrecision: 'q2', localBatchSize: 0, localContextLines: 9 });
    expect([broken.kind, broken.localPrecision, broken.localBatchSize, broken.localContextLines]).toEqual(['api', 'auto', 6, 1]);
  });
});

describe('sanitizeKeys', () => {
  it('keeps keys stored under real origins only', () => {
    expect(sanitizeKeys({ 'https://api.deepseek.com': 'sk-1', 'https://x.test/v1': 'sk-2', 'http://localhost:11434': 3, nope: 'sk-4' })).toEqual({
      'https://api.deepseek.com': 'sk-1',
    });
    expect(sanitizeKeys('junk')).toEqual({});
  });
});

describe('sanitizePrompts', () => {
  it('lays edits over the defaults', () => {
    expect(sanitizePrompts({ summary: 'Mine in {language}', translate: '  ', extra: 'x' })).toEqual({ ...DEFAULT_PROMPTS, summary: 'Mine in {language}' });
    expect(sanitizePrompts(null)).toEqual(DEFAULT_PROMPTS);
  });
});

describe('savePrompts', () => {
  it('stores only edits: the Chinese defaults are defaults too, so they never pin a user to one language', async () => {
    await savePrompts({ ...ZH_PROMPTS, summary: '我的摘要提示（{language}）' });
    const { prompts } = await loadProvider();
    expect(prompts).toEqual({ ...DEFAULT_PROMPTS, summary: '我的摘要提示（{language}）' });
  });
});
