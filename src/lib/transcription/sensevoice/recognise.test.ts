import { describe, expect, it } from 'vitest';
import { senseVoiceMetadata } from '../../../../tests/fixtures/models/sensevoice-config.ts';
import { senseVoiceMetaFrom } from './metadata.ts';
import { QUERY_FRAMES, recogniseSenseVoice, senseVoiceFeatures, type SenseVoiceRunner } from './recognise.ts';
import { parseTokens } from './tokens.ts';

const TABLE = parseTokens(['<blank> 0', '<|zh|> 1', '<|NEUTRAL|> 2', '<|Speech|> 3', '<|withitn|> 4', '<|woitn|> 5', '字 6', '幕 7'].join('\n'));
const identity = { negMean: Array<number>(560).fill(0), invStddev: Array<number>(560).fill(1) };
const meta = senseVoiceMetaFrom({ ...senseVoiceMetadata(8, 'fake', identity), with_itn: '4', without_itn: '5' });

/** Tags on the query frames; then "字" on loud LFR frames and blank on quiet ones, from the features it is given. */
function fakeRunner(seen: { language?: number; textNorm?: number; frames?: number }): SenseVoiceRunner {
  return {
    async run({ features, frames, language, textNorm }) {
      Object.assign(seen, { language, textNorm, frames });
      const vocab = 8;
      const logits = new Float32Array((frames + QUERY_FRAMES) * vocab);
      [1, 2, 3, textNorm].forEach((id, t) => (logits[t * vocab + id] = 1));
      for (let t = 0; t < frames; t++) {
        const loud = features[t * 560 + 3 * 80 + 40]! > 0; // the centre frame, a mid mel bin
        logits[(t + QUERY_FRAMES) * vocab + (loud ? 6 : 0)] = 1;
      }
      return { logits, frames: frames + QUERY_FRAMES, vocab };
    },
  };
}

const tone = (seconds: number, amp: number): Float32Array => Float32Array.from({ length: seconds * 16000 }, (_, i) => amp * Math.sin((2 * Math.PI * 1500 * i) / 16000));

describe('recogniseSenseVoice', () => {
  it('feeds LFR+CMVN features, the language and text-norm ids, and times tokens after the 4 query frames', async () => {
    const pcm = new Float32Array(32000); // 1 s silence, then 1 s tone
    pcm.set(tone(1, 0.5), 16000);
    const seen: { language?: number; textNorm?: number; frames?: number } = {};
    const result = await recogniseSenseVoice(fakeRunner(seen), meta, TABLE, pcm, { language: 'zh', itn: false });
    expect(seen).toEqual({ language: 3, textNorm: 5, frames: senseVoiceFeatures(meta, pcm).frames });
    expect(result.text).toBe('字');
    expect(result.language).toBe('zh');
    expect(result.tokens).toHaveLength(1);
    // the first LFR frame whose centre reaches the tone at 1.0 s: 60 ms frames
    expect(result.tokens[0]!.time).toBeGreaterThan(0.9);
    expect(result.tokens[0]!.time).toBeLessThan(1.05);
  });

  it('returns nothing without running the model for audio shorter than one frame', async () => {
    const seen: { frames?: number } = {};
    expect(await recogniseSenseVoice(fakeRunner(seen), meta, TABLE, new Float32Array(100), { language: 'auto', itn: true })).toEqual({ text: '', tokens: [] });
    expect(seen.frames).toBeUndefined();
  });
});
