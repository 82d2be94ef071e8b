/**
 * The generated SenseVoice models run in onnxruntime-node through the app's recogniseSenseVoice:
 * the export's inputs, outputs (T + 4 frames) and metadata, and the scripted model's exact text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recogniseSenseVoice, senseVoiceFeatures } from '../../src/lib/transcription/sensevoice/recognise.ts';
import {
  SENSEVOICE_SCRIPT, SENSEVOICE_SCRIPT_PLAIN, generateSenseVoiceModels, scriptedSenseVoiceOutput, senseVoiceFiles, senseVoiceModelDir,
} from '../fixtures/models/sensevoice-models.ts';
import { decodePcm, loadNodeSenseVoice } from '../fixtures/models/sensevoice-node.ts';

const CLIP = path.resolve(import.meta.dirname, '../fixtures/media/clip-10s.mp4');
let outRoot = '';
let speech: Float32Array;

beforeAll(async () => {
  outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'zimu-sv-models-'));
  await generateSenseVoiceModels(outRoot);
  speech = decodePcm(CLIP, 0.5, 3); // "Hello from Zimu."
});
afterAll(() => fs.rmSync(outRoot, { recursive: true, force: true }));

describe('generated SenseVoice models', () => {
  it('are laid out as sherpa-onnx’s export: model.int8.onnx, model.onnx, tokens.txt', () => {
    for (const name of ['senseVoiceMicro', 'senseVoiceScripted'] as const) {
      expect(fs.readdirSync(senseVoiceModelDir(outRoot, name)).filter((f) => !f.startsWith('.')).sort()).toEqual(senseVoiceFiles(name).sort());
    }
  });

  for (const file of ['model.int8.onnx', 'model.onnx']) {
    it(`random ${file}: export inputs, T + 4 logits frames, the four tags first`, async () => {
      const model = await loadNodeSenseVoice(senseVoiceModelDir(outRoot, 'senseVoiceMicro'), file);
      expect([...model.session.inputNames].sort()).toEqual(['language', 'text_norm', 'x', 'x_length']);
      expect(model.session.outputNames).toEqual(['logits']);
      const input = senseVoiceFeatures(model.meta, speech);
      const out = await model.runner.run({ ...input, language: model.meta.languages.en, textNorm: model.meta.withoutItn });
      expect(out.frames).toBe(input.frames + 4);
      expect(out.vocab).toBe(model.meta.vocabSize);
      const result = await recogniseSenseVoice(model.runner, model.meta, model.table, speech, { language: 'en', itn: false });
      expect(result.language).toBe('en');
      expect(result.tokens.length).toBeGreaterThan(0);
    });
  }

  for (const file of ['model.int8.onnx', 'model.onnx']) {
    it(`scripted ${file}: says the script over speech, spread over the segment, with or without punctuation`, async () => {
      const model = await loadNodeSenseVoice(senseVoiceModelDir(outRoot, 'senseVoiceScripted'), file);
      const withItn = await recogniseSenseVoice(model.runner, model.meta, model.table, speech, { language: 'auto', itn: true });
      const expected = scriptedSenseVoiceOutput(speech.length, true);
      expect(withItn.text).toBe(SENSEVOICE_SCRIPT);
      expect(withItn.language).toBe('zh');
      expect(withItn.tokens).toEqual(expected.tokens);
      expect(withItn.tokens.at(-1)!.time).toBeGreaterThan(2.5);
      const plain = await recogniseSenseVoice(model.runner, model.meta, model.table, speech, { language: 'ja', itn: false });
      expect(plain.text).toBe(SENSEVOICE_SCRIPT_PLAIN);
      expect(plain.language).toBe('ja');
    });
  }

  it('scripted: silence says nothing and tags <|nospeech|>', async () => {
    const model = await loadNodeSenseVoice(senseVoiceModelDir(outRoot, 'senseVoiceScripted'));
    const result = await recogniseSenseVoice(model.runner, model.meta, model.table, new Float32Array(32000), { language: 'auto', itn: true });
    expect(result).toEqual({ text: '', language: 'nospeech', tokens: [] });
  });
});
