import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSEVOICE_MODEL_ID } from '../transcription/engine-catalog.ts';
import { MemoryCacheStorage } from './memory-cache.testing.ts';
import { cachedModelKind, listCachedModels } from './model-cache.ts';
import { importModel, planImport, type ImportEntry } from './model-import.ts';

const entry = (path: string, bytes = 10): ImportEntry => ({ path, blob: new Blob([new Uint8Array(bytes)]) });
const HUB_FOLDER = DEFAULT_SENSEVOICE_MODEL_ID.split('/')[1] ?? '';
/** The hub repository as downloaded: both graphs, the token table and extras. */
const SHERPA = ['model.int8.onnx', 'model.onnx', 'tokens.txt', 'README.md', 'LICENSE', 'export-onnx.py', 'test_wavs/zh.wav'];

describe('planImport for a SenseVoice folder', () => {
  it('takes the sherpa-onnx export with model.int8.onnx and tokens.txt at the root, skipping the rest', () => {
    const result = planImport(SHERPA.map((f) => entry(`${HUB_FOLDER}/${f}`, f === 'model.int8.onnx' ? 100 : 10)));
    expect(result.type === 'plan' && result.plan.kind).toBe('sensevoice');
    if (result.type !== 'plan') return;
    expect(result.plan.files.map((f) => f.path)).toEqual(['model.int8.onnx', 'tokens.txt']);
    expect(result.plan.totalBytes).toBe(110);
    expect(result.plan.skipped).toContain('onnx/model.onnx');
    // The hub's folder name gives back the repository the app loads by default.
    expect(result.plan.suggestedId).toBe(DEFAULT_SENSEVOICE_MODEL_ID);
  });

  it('takes a flat selection of the two files; a graph without tokens.txt is not SenseVoice', () => {
    const flat = planImport([entry('model.int8.onnx'), entry('tokens.txt')]);
    expect(flat.type === 'plan' && flat.plan.kind).toBe('sensevoice');
    const lone = planImport([entry('model.int8.onnx')]);
    expect(lone.type === 'plan' && lone.plan.kind).not.toBe('sensevoice');
  });

  it('stores the files where the engine fetches them, and the models list calls it a SenseVoice model', async () => {
    const storage = new MemoryCacheStorage();
    const result = planImport([entry('x/model.int8.onnx', 100), entry('x/tokens.txt', 10)]);
    if (result.type !== 'plan') throw new Error('not planned');
    await importModel(result.plan, { host: 'https://hf-mirror.com', modelId: 'me/sense-voice' }, {}, storage);
    const [model] = await listCachedModels(['https://hf-mirror.com'], storage);
    expect(model?.files.map((f) => f.file)).toEqual(['model.int8.onnx', 'tokens.txt']);
    expect(model && cachedModelKind(model)).toBe('sensevoice');
  });
});
