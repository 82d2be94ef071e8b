import { describe, expect, it } from 'vitest';
import type { Device } from '../../transcription/models.ts';
import { defaultLocalModel, LOCAL_CATALOG, LOCAL_LIMITS, localCatalogEntry, localDtypeFor, localModelFiles, thinksAloud } from './local-catalog.ts';

describe('local model catalog', () => {
  it('chooses 4-bit weights with fp16 activations only where the GPU has shader-f16, and 8-bit on WASM', () => {
    expect(localDtypeFor('webgpu', true)).toBe('q4f16');
    expect(localDtypeFor('webgpu', false)).toBe('q4');
    expect(localDtypeFor('wasm', true)).toBe('q8');
    expect(localDtypeFor('wasm', false, 'q4')).toBe('q4');
  });

  it('names the files transformers.js fetches for a causal LM at each precision', () => {
    expect(localModelFiles('q4f16')).toEqual(['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_q4f16.onnx']);
    expect(localModelFiles('q8').at(-1)).toBe('onnx/model_quantized.onnx');
    expect(localModelFiles('fp32').at(-1)).toBe('onnx/model.onnx');
  });

  it('defaults to a small model on WASM, and every default is in the catalog', () => {
    expect(defaultLocalModel('wasm')).toBe('onnx-community/Qwen2.5-0.5B-Instruct');
    const devices: readonly Device[] = ['wasm', 'webgpu'];
    for (const device of devices) {
      const entry = localCatalogEntry(defaultLocalModel(device));
      expect(entry?.devices).toContain(device);
    }
  });

  it('asks Qwen3 models, and only those, not to think aloud', () => {
    expect(thinksAloud('onnx-community/Qwen3-0.6B-ONNX')).toBe(true);
    expect(thinksAloud('someone/qwen3-1.7b-onnx')).toBe(true);
    expect(thinksAloud('onnx-community/Qwen2.5-0.5B-Instruct')).toBe(false);
    expect(LOCAL_CATALOG.every((entry) => entry.id.startsWith('onnx-community/'))).toBe(true);
  });

  it('keeps requests well inside the context it plans for', () => {
    expect(LOCAL_LIMITS.maxPromptTokens).toBeLessThan(LOCAL_LIMITS.contextTokens);
    expect(LOCAL_LIMITS.maxPromptTokens + LOCAL_LIMITS.maxNewTokens).toBeLessThanOrEqual(LOCAL_LIMITS.contextTokens + 256);
  });
});
