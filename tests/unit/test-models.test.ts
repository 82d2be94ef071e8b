/**
 * The generated test models load in transformers.js exactly as hub models do (local folder in the
 * hub's layout), and the scripted model transcribes to its script in every dtype the app uses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, pipeline } from '@huggingface/transformers';
import {
  MODEL_SPECS, SCRIPTED_CUES, SCRIPTED_TEXT, TEST_MODELS,
  generateTestModels, modelDir, modelFiles, type TestModelName,
} from '../fixtures/models/generate.ts';
import { chunksToCues } from '../../src/lib/transcription/chunk-cues.ts';

interface AsrChunk {
  timestamp: [number, number | null];
  text: string;
}
interface AsrOutput {
  text: string;
  chunks?: AsrChunk[];
}

let outRoot = '';
let cacheDir = '';
const GENERATED: TestModelName[] = ['micro', 'scripted'];

/** 8 s of a 440 Hz tone at 16 kHz; the scripted model ignores the audio, random ones just need input. */
function tone(seconds = 8, rate = 16_000): Float32Array {
  const out = new Float32Array(seconds * rate);
  for (let i = 0; i < out.length; i++) out[i] = 0.1 * Math.sin((2 * Math.PI * 440 * i) / rate);
  return out;
}

/** fp32: Node's default; q8: the app on WASM; the per-file pair: the app on WebGPU. */
type AsrDtype = 'fp32' | 'q8' | { encoder_model: 'fp32'; decoder_model_merged: 'q4' };
const DTYPES: readonly AsrDtype[] = ['fp32', 'q8', { encoder_model: 'fp32', decoder_model_merged: 'q4' }];
const label = (d: AsrDtype): string => (typeof d === 'string' ? d : 'fp32 encoder + q4 decoder');

async function transcribe(name: TestModelName, dtype: AsrDtype, maxNewTokens: number): Promise<AsrOutput> {
  const asr = await pipeline('automatic-speech-recognition', TEST_MODELS[name], { dtype });
  try {
    // max_new_tokens makes each 30 s window decode once (no "seek" loop over random output);
    // language + task give the 3-token prompt the scripted weights are laid out for.
    const opts = { return_timestamps: true, max_new_tokens: maxNewTokens, language: 'en', task: 'transcribe' } as const;
    const out = await asr(tone(), opts);
    return (Array.isArray(out) ? out[0] : out) as AsrOutput;
  } finally {
    await asr.dispose();
  }
}

beforeAll(async () => {
  outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'zimu-test-models-'));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zimu-test-cache-'));
  await generateTestModels(outRoot, GENERATED);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = outRoot + path.sep;
  // A fresh cache folder rather than useFSCache = false: in Node, ONNX sessions need a file path.
  env.cacheDir = cacheDir;
}, 30_000);

afterAll(() => {
  for (const dir of [outRoot, cacheDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('generated test models', () => {
  it('are written in the hub layout, with a file pair per dtype', () => {
    for (const name of GENERATED) {
      const dir = modelDir(outRoot, name);
      expect(dir).toBe(path.join(outRoot, ...TEST_MODELS[name].split('/')));
      const onnx = fs.readdirSync(path.join(dir, 'onnx')).sort();
      expect(onnx).toEqual([
        'decoder_model_merged.onnx', 'decoder_model_merged_q4.onnx', 'decoder_model_merged_quantized.onnx',
        'encoder_model.onnx', 'encoder_model_q4.onnx', 'encoder_model_quantized.onnx',
      ]);
      expect(MODEL_SPECS[name].dtypes).toEqual(['fp32', 'q8', 'q4']);
      for (const f of modelFiles(name)) expect(fs.statSync(path.join(dir, f)).size, f).toBeGreaterThan(100);
      const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
      expect(config).toMatchObject({ model_type: 'whisper', d_model: 64, vocab_size: 51865, max_length: 448 });
    }
    // no temporary folders left behind
    expect(fs.readdirSync(path.join(outRoot, 'zimu-test')).sort()).toEqual(['whisper-micro', 'whisper-micro-scripted']);
  });

  it('skips models that are already complete', async () => {
    // Skipping means no file is written again: every file keeps its modification time.
    const times = () =>
      Object.fromEntries(
        fs.readdirSync(outRoot, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => { const file = path.join(entry.parentPath, entry.name); return [file, fs.statSync(file).mtimeMs]; }),
      );
    const before = times();
    expect(Object.keys(before).length).toBeGreaterThan(10);
    await generateTestModels(outRoot, GENERATED);
    expect(times()).toEqual(before);
  });

  it('regenerates a model whose marker does not match the generator', async () => {
    const dir = modelDir(outRoot, 'micro');
    const marker = path.join(dir, '.complete');
    const print = fs.readFileSync(marker, 'utf8');
    fs.writeFileSync(marker, 'stale\n');
    fs.rmSync(path.join(dir, 'onnx', 'encoder_model_q4.onnx'));
    await generateTestModels(outRoot, ['micro']);
    expect(fs.readFileSync(marker, 'utf8')).toBe(print);
    expect(fs.existsSync(path.join(dir, 'onnx', 'encoder_model_q4.onnx'))).toBe(true);
  });

  for (const dtype of DTYPES) {
    it(`scripted model transcribes its script exactly (${label(dtype)})`, async () => {
      const out = await transcribe('scripted', dtype, 64);
      expect(out.text).toBe(SCRIPTED_TEXT);
      const cues = (out.chunks ?? []).map((c) => ({ start: c.timestamp[0], end: c.timestamp[1], text: c.text.trim() }));
      expect(cues).toEqual(SCRIPTED_CUES);
    }, 20_000);

  }
  // Random weights: output differs across backends and dtypes, so only the structure is checked.
  for (const dtype of DTYPES.slice(0, 2)) {
    it(`random micro model returns a transcription object (${label(dtype)})`, async () => {
      const out = await transcribe('micro', dtype, 32);
      expect(typeof out.text).toBe('string');
      const chunks = out.chunks ?? [];
      expect(Array.isArray(out.chunks)).toBe(true);
      // Each chunk is { text, timestamp: [start, end | null] } with times inside the 30 s window.
      // Random weights put times in any order and past the 8 s of audio (transformers.js does not
      // order them, #1684), which is what the app's chunksToCues exists for: through it, the same
      // chunks become ordered, non-overlapping cues inside the audio, with no text lost.
      for (const chunk of chunks) {
        expect(Object.keys(chunk).sort()).toEqual(['text', 'timestamp']);
        expect(typeof chunk.text).toBe('string');
        expect(chunk.timestamp).toHaveLength(2);
        const [start, end] = chunk.timestamp;
        expect(start).toBeGreaterThanOrEqual(0);
        expect(start).toBeLessThanOrEqual(30);
        if (end !== null) expect(end).toBeLessThanOrEqual(30);
      }
      const cues = chunksToCues(chunks, 0, 8);
      let previousEnd = 0;
      for (const cue of cues) {
        expect(cue.start).toBeGreaterThanOrEqual(previousEnd);
        expect(cue.end).toBeGreaterThan(cue.start);
        expect(cue.end).toBeLessThanOrEqual(8);
        previousEnd = cue.end;
      }
      const letters = (texts: readonly string[]) => texts.join('').replace(/\s+/g, '');
      expect(letters(cues.map((c) => c.text))).toBe(letters(chunks.map((c) => c.text)));
      expect(chunks.map((c) => c.text).join('')).toBe(out.text);
    }, 20_000);
  }
});
