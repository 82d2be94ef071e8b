/**
 * Language detection against generated Whisper models in transformers.js (Node, onnxruntime-node):
 * the French model's first token after <|startoftranscript|> is <|fr|>, whatever the audio; the
 * random model gives some valid language with proper probabilities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipeline } from '@huggingface/transformers';
import { FRENCH_CUES, FRENCH_TEXT, TEST_MODELS, type TestModelName } from '../fixtures/models/generate.ts';
import { tone, useTestModelsInNode, type NodeTestModels } from '../fixtures/models/node-models.ts';
import { detectLanguage } from '../../src/lib/transcription/recognition/detect-language.ts';
import { buildDecoderPrompt } from '../../src/lib/transcription/recognition/prompt.ts';
import { specialIdsFromConfig } from '../../src/lib/transcription/recognition/special-ids.ts';
import { WHISPER_LANGUAGE_CODES } from '../../src/lib/transcription/recognition/whisper-languages.ts';

let models: NodeTestModels | undefined;
beforeAll(async () => {
  models = await useTestModelsInNode(['french', 'micro']);
}, 30_000);
afterAll(() => models?.cleanup());

const load = (name: TestModelName, dtype: 'fp32' | 'q8') => pipeline('automatic-speech-recognition', TEST_MODELS[name], { dtype });

describe('detectLanguage', () => {
  for (const dtype of ['fp32', 'q8'] as const) {
    it(`hears French on the French model, then decodes the French cue with that language (${dtype})`, async () => {
      const asr = await load('french', dtype);
      try {
        const detected = await detectLanguage(asr, tone());
        expect(detected?.language).toBe('fr');
        expect(detected?.probability).toBeGreaterThan(0.9);
        expect(detected?.ranking).toHaveLength(5);
        expect(detected?.ranking[0]).toEqual({ language: 'fr', probability: detected?.probability });

        const ids = specialIdsFromConfig(asr.model.generation_config);
        const prompt = buildDecoderPrompt(ids, { language: detected?.language ?? 'en', task: 'transcribe', timestamps: true });
        expect(prompt).toEqual([50258, 50265, 50359]);
        const out = await asr(tone(), { return_timestamps: true, max_new_tokens: 32, decoder_input_ids: prompt });
        expect(out.text).toBe(FRENCH_TEXT);
        expect(out.chunks?.map((c) => ({ start: c.timestamp[0], end: c.timestamp[1], text: c.text.trim() }))).toEqual(FRENCH_CUES);
        // the pipeline's own language option builds the same prompt
        expect((await asr(tone(), { return_timestamps: true, max_new_tokens: 32, language: 'fr', task: 'transcribe' })).text).toBe(FRENCH_TEXT);
      } finally {
        await asr.dispose();
      }
    }, 20_000);

    it(`gives a valid language and probabilities summing to 1 on the random model (${dtype})`, async () => {
      const asr = await load('micro', dtype);
      try {
        const detected = await detectLanguage(asr, tone(3), { top: 200 });
        expect(WHISPER_LANGUAGE_CODES).toContain(detected?.language);
        expect(detected?.ranking).toHaveLength(99);
        expect(new Set(detected?.ranking.map((g) => g.language))).toEqual(new Set(WHISPER_LANGUAGE_CODES));
        expect(detected?.ranking.reduce((sum, g) => sum + g.probability, 0)).toBeCloseTo(1, 5);
        for (const guess of detected?.ranking ?? []) expect(guess.probability).toBeGreaterThanOrEqual(0);
      } finally {
        await asr.dispose();
      }
    }, 20_000);
  }

  it("hears French at the app's WebGPU precision too (fp32 encoder + q4 decoder, run on the CPU here)", async () => {
    const dtype = { encoder_model: 'fp32', decoder_model_merged: 'q4' } as const;
    const asr = await pipeline('automatic-speech-recognition', TEST_MODELS.french, { dtype });
    try {
      const detected = await detectLanguage(asr, tone());
      expect(detected?.language).toBe('fr');
      expect(detected?.probability).toBeGreaterThan(0.9);
    } finally {
      await asr.dispose();
    }
  }, 20_000);

  it('does not apply to English-only models', async () => {
    const asr = await load('micro', 'fp32');
    try {
      // The config object is the model's own; make it look like a *.en export's.
      Object.assign(asr.model.generation_config ?? {}, { is_multilingual: false });
      expect(await detectLanguage(asr, tone(1))).toBeUndefined();
    } finally {
      await asr.dispose();
    }
  }, 20_000);

  it('looks only at the first 30 s', async () => {
    const asr = await load('french', 'fp32');
    try {
      expect((await detectLanguage(asr, tone(45)))?.language).toBe('fr');
    } finally {
      await asr.dispose();
    }
  }, 20_000);
});
