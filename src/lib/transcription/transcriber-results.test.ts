import { describe, expect, it } from 'vitest';
import { transcriberResultChecks } from './transcriber-protocol.ts';

const checks = transcriberResultChecks;

describe('transcriber result checks', () => {
  it('accept each request type’s result as it crosses the thread', () => {
    expect(checks.prepare(structuredClone({ device: 'wasm', dtype: { encoder_model: 'q8', decoder_model_merged: 'q8' } }))).toBe(true);
    expect(checks['detect-speech'](structuredClone(new Float32Array(3)))).toBe(true);
    expect(checks['detect-language'](null)).toBe(true);
    expect(checks['detect-language']({ language: 'fr', probability: 0.9, ranking: [{ language: 'fr', probability: 0.9 }] })).toBe(true);
    const cues = [{ start: 0, end: 1.5, text: 'Hi', words: [{ start: 0, end: 0.5, text: 'Hi' }] }, { start: 2, end: 3, text: 'there' }];
    expect(checks.recognise(structuredClone({ cues, loops: 0 }))).toBe(true);
  });

  it('refuse a missing result and wrong shapes', () => {
    for (const check of Object.values(checks)) expect(check(undefined)).toBe(false);
    expect(checks.prepare({ device: 'cuda', dtype: { encoder_model: 'q8', decoder_model_merged: 'q8' } })).toBe(false);
    expect(checks['detect-speech']([0.1, 0.2])).toBe(false);
    expect(checks['detect-language']({ language: 'fr', probability: 0.9 })).toBe(false);
    expect(checks.recognise({ cues: [{ start: 0, end: Number.NaN, text: 'x' }], loops: 0 })).toBe(false);
    expect(checks.recognise({ cues: [] })).toBe(false);
  });
});
