/**
 * Decoder prompts in transformers.js 4.3 (Node): `decoder_input_ids` from buildDecoderPrompt
 * replace the pipeline's own language/task prompt, and an initial prompt (<|startofprev|> + text)
 * is clean with word timestamps but leaks into the text of segment timestamps (a canary: if a
 * transformers.js update stops the leak, that test fails and prompts can be used everywhere).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipeline, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import {
  INITIAL_PROMPT, INITIAL_PROMPT_TOKENS, SCRIPTED_CUES, SCRIPTED_TEXT, TEST_MODELS,
} from '../fixtures/models/generate.ts';
import { tone, useTestModelsInNode, type NodeTestModels } from '../fixtures/models/node-models.ts';
import { initialPromptTokens } from '../../src/lib/transcription/recognition/initial-prompt.ts';
import { buildDecoderPrompt } from '../../src/lib/transcription/recognition/prompt.ts';
import { specialIdsFromConfig } from '../../src/lib/transcription/recognition/special-ids.ts';

let models: NodeTestModels | undefined;
beforeAll(async () => {
  models = await useTestModelsInNode(['scripted', 'prompted']);
}, 30_000);
afterAll(() => models?.cleanup());

describe('decoder prompts in the ASR pipeline', () => {
  it('take the place of the language and task options (scripted model)', async () => {
    const asr = await pipeline('automatic-speech-recognition', TEST_MODELS.scripted, { dtype: 'fp32' });
    try {
      const ids = specialIdsFromConfig(asr.model.generation_config);
      const prompt = buildDecoderPrompt(ids, { language: 'en', task: 'transcribe', timestamps: true });
      const out = await asr(tone(), { return_timestamps: true, max_new_tokens: 64, decoder_input_ids: prompt });
      expect(out.text).toBe(SCRIPTED_TEXT);
      expect(out.chunks?.map((c) => ({ start: c.timestamp[0], end: c.timestamp[1], text: c.text.trim() }))).toEqual(SCRIPTED_CUES);
      // why decoder_input_ids: the pipeline's language option knows only the 99 original languages
      await expect(asr(tone(1), { language: 'yue', max_new_tokens: 1 })).rejects.toThrow(/not supported/);
    } finally {
      await asr.dispose();
    }
  }, 20_000);

  describe('with an initial prompt (prompted model)', () => {
    let asr: AutomaticSpeechRecognitionPipeline | undefined;
    let previousTokens: number[] = [];
    let prompt: number[] = [];
    beforeAll(async () => {
      asr = await pipeline('automatic-speech-recognition', TEST_MODELS.prompted, { dtype: 'fp32' });
      previousTokens = initialPromptTokens(asr.tokenizer, INITIAL_PROMPT);
      const ids = specialIdsFromConfig(asr.model.generation_config);
      prompt = buildDecoderPrompt(ids, { language: 'en', task: 'transcribe', timestamps: true, previousTokens });
    }, 20_000);
    afterAll(() => asr?.dispose());
    const loaded = (): AutomaticSpeechRecognitionPipeline => {
      if (!asr) throw new Error('model not loaded');
      return asr;
    };

    it('tokenizes the prompt as OpenAI does, with a leading space', () => {
      expect(previousTokens).toHaveLength(INITIAL_PROMPT_TOKENS);
      expect(loaded().tokenizer.decode(previousTokens)).toBe(` ${INITIAL_PROMPT}`);
      expect(prompt).toEqual([50361, ...previousTokens, 50258, 50259, 50359]);
      expect(initialPromptTokens(loaded().tokenizer, '  ')).toEqual([]);
    });

    it('gives exactly the script with word timestamps', async () => {
      const out = await loaded()(tone(), { return_timestamps: 'word', max_new_tokens: 64, decoder_input_ids: prompt });
      expect(out.text).toBe(SCRIPTED_TEXT);
      expect(out.chunks?.map((c) => c.text).join('')).toBe(SCRIPTED_TEXT);
    }, 20_000);

    it('leaks into the first segment with segment timestamps (transformers.js 4.3 _decode_asr)', async () => {
      const out = await loaded()(tone(), { return_timestamps: true, max_new_tokens: 64, decoder_input_ids: prompt });
      // generation is right (same segments and times); only the decoded text carries the prompt
      expect(out.chunks?.map((c) => c.timestamp)).toEqual(SCRIPTED_CUES.map((c) => [c.start, c.end]));
      expect(out.chunks?.[0]?.text.startsWith(` ${INITIAL_PROMPT}`)).toBe(true);
      expect(out.chunks?.[1]?.text.trim()).toBe(SCRIPTED_CUES[1]?.text);
      expect(out.text).not.toBe(SCRIPTED_TEXT);
    }, 20_000);
  });
});
