/**
 * Whisper's repetition loop, for real: the looping model says " the" 60 times in one segment
 * (fp32 and q8, Node). The loop must be recognised and cut down, in segments and in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipeline } from '@huggingface/transformers';
import { LOOPING_CUES, LOOPING_TEXT, TEST_MODELS } from '../fixtures/models/generate.ts';
import { tone, useTestModelsInNode, type NodeTestModels } from '../fixtures/models/node-models.ts';
import type { Cue } from '../../src/lib/subtitles/cue.ts';
import { cleanRepetitions, isRepetitionLoop } from '../../src/lib/transcription/recognition/repetition.ts';

let models: NodeTestModels | undefined;
beforeAll(async () => {
  models = await useTestModelsInNode(['looping']);
}, 30_000);
afterAll(() => models?.cleanup());

const options = { max_new_tokens: 96, language: 'en', task: 'transcribe' } as const;

describe('the looping model', () => {
  for (const dtype of ['fp32', 'q8'] as const) {
    it(`loops, and the loop is flagged and trimmed to one copy (${dtype})`, async () => {
      const asr = await pipeline('automatic-speech-recognition', TEST_MODELS.looping, { dtype });
      try {
        const out = await asr(tone(), { ...options, return_timestamps: true });
        expect(out.text).toBe(LOOPING_TEXT);
        const cues: Cue[] = (out.chunks ?? []).map((c) => ({ start: c.timestamp[0], end: c.timestamp[1], text: c.text.trim() }));
        expect(cues).toEqual(LOOPING_CUES);
        expect(isRepetitionLoop(out.text)).toBe(true);
        expect(cleanRepetitions(cues)).toEqual({ cues: [{ start: 0, end: 6, text: 'the' }], trimmed: 1, dropped: 0 });
      } finally {
        await asr.dispose();
      }
    }, 20_000);
  }

  it('keeps one word of the loop with word timestamps', async () => {
    const asr = await pipeline('automatic-speech-recognition', TEST_MODELS.looping, { dtype: 'fp32' });
    try {
      const out = await asr(tone(), { ...options, return_timestamps: 'word' });
      const words = (out.chunks ?? []).map((c) => ({ start: c.timestamp[0], end: c.timestamp[1], text: c.text }));
      expect(words).toHaveLength(60);
      const last = words.at(-1);
      const cue: Cue = { start: words[0]?.start ?? 0, end: last?.end ?? 0, text: out.text.trim(), words };
      const { cues } = cleanRepetitions([cue]);
      expect(cues).toEqual([{ start: cue.start, end: Math.max(cue.start, words[0]?.end ?? 0), text: 'the', words: [words[0]] }]);
    } finally {
      await asr.dispose();
    }
  }, 20_000);
});
