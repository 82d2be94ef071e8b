/**
 * The app's SenseVoice front end and decoder against sherpa-onnx's (native, sherpa-onnx-node), on
 * the same audio and the same generated models.
 *
 * Features: sherpa-onnx exposes no fbank API, so a probe model (sensevoice-probe.ts) holding our
 * LFR-stacked fbank as a constant reports, through the text sherpa-onnx decodes from it, the
 * largest difference between that and the input sherpa-onnx computed: it must be ≤ 1e-4.
 * Text: ours (onnxruntime-node) and sherpa-onnx's (its own onnxruntime build) must be identical
 * on the random fp32 model and the scripted model. A random int8 model's text flips under input
 * differences far below 1e-5 (DynamicQuantizeLinear rounding over random logits with near-ties),
 * and even on exactly the same encoder input (features baked into the graph) sherpa-onnx 1.13.8's
 * onnxruntime 1.28 and onnxruntime-node 1.30 round its int8 path differently: there the text must
 * agree on ≥ 80% of its characters (91.6% measured on x86-64; see the test's log line).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFbank } from '../../src/lib/transcription/sensevoice/fbank.ts';
import { stackLfr } from '../../src/lib/transcription/sensevoice/lfr-cmvn.ts';
import { recogniseSenseVoice, senseVoiceFeatures, type SenseVoiceLanguage } from '../../src/lib/transcription/sensevoice/recognise.ts';
import { writeModel } from '../fixtures/models/onnx-writer.ts';
import { senseVoiceMetadata } from '../fixtures/models/sensevoice-config.ts';
import { generateSenseVoiceModels, senseVoiceModelDir } from '../fixtures/models/sensevoice-models.ts';
import { decodePcm, loadNodeSenseVoice } from '../fixtures/models/sensevoice-node.ts';
import { PROBE_VOCABULARY, buildFeatureProbe, probeBound, probeMetadata } from '../fixtures/models/sensevoice-probe.ts';
import { MICRO_VOCABULARY } from '../fixtures/models/sensevoice-scripted.ts';
import { SENSEVOICE_MICRO, buildRandomSenseVoice } from '../fixtures/models/sensevoice.ts';
import { sherpaSenseVoice } from '../fixtures/models/sensevoice-sherpa.ts';

const MEDIA = path.resolve(import.meta.dirname, '../fixtures/media');
let outRoot = '';
const audio: Record<string, Float32Array> = {};

beforeAll(async () => {
  outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'zimu-sv-sherpa-'));
  await generateSenseVoiceModels(outRoot);
  audio['9 s sample'] = decodePcm(path.join(MEDIA, 'clip-10s.mp4'));
  audio['3-minute speech, 20–32 s'] = decodePcm(path.join(MEDIA, 'speech-3min.mp4'), 20, 12);
  audio['3-minute speech, 165–180 s (speech, then silence)'] = decodePcm(path.join(MEDIA, 'speech-3min.mp4'), 165, 15);
  let seed = 1;
  audio['white noise'] = Float32Array.from({ length: 48000 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 0.4);
});
afterAll(() => fs.rmSync(outRoot, { recursive: true, force: true }));

function editDistance(a: readonly string[], b: readonly string[]): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Writes a model folder (`model.onnx`, tokens.txt) and returns its path. */
function folder(name: string, write: (file: string) => void, tokens: string): string {
  const dir = path.join(outRoot, name);
  fs.mkdirSync(dir, { recursive: true });
  write(path.join(dir, 'model.onnx'));
  fs.writeFileSync(path.join(dir, 'tokens.txt'), tokens);
  return dir;
}

/** D = max |sherpa-onnx's stacked fbank − ours|, bracketed by the probe's thresholds. */
function probe(pcm: Float32Array, shift = 0): { above: number; atMost: number; lang: string } {
  const fbank = computeFbank(pcm);
  const lfr = stackLfr(fbank.features, fbank.frames);
  const reference = lfr.features.slice();
  reference[Math.floor(reference.length / 2)]! += shift;
  const dir = folder('probe', (file) => writeModel(file, buildFeatureProbe(reference, lfr.frames), { metadata: probeMetadata(), opsets: { '': 17 } }), PROBE_VOCABULARY.tokensTxt);
  const result = sherpaSenseVoice(dir, 'model.onnx').recognise(pcm);
  return { ...probeBound(result.text), lang: result.lang };
}

describe('SenseVoice front end and decoder against sherpa-onnx', () => {
  it('fbank + LFR: within 1e-4 of sherpa-onnx’s on speech, silence and noise', () => {
    for (const [name, pcm] of Object.entries(audio)) {
      const d = probe(pcm);
      expect(d.lang, name).toBe('<|zh|>'); // the probe ran on an input of our length
      expect(d.atMost, `${name}: max difference in (${d.above}, ${d.atMost}]`).toBeLessThanOrEqual(1e-4);
    }
  });

  it('the probe sees a 2e-4 error in one value', () => {
    const d = probe(audio['9 s sample']!, 2e-4);
    expect(d.above).toBeGreaterThanOrEqual(1e-4);
  });

  const cases: readonly { language: SenseVoiceLanguage; itn: boolean }[] = [
    { language: 'auto', itn: true },
    { language: 'en', itn: false },
  ];
  for (const [name, file] of [['random micro model, fp32', 'model.onnx'], ['scripted model, int8', 'model.int8.onnx']] as const) {
    it(`identical text and token times: ${name}`, async () => {
      const dir = senseVoiceModelDir(outRoot, name.startsWith('random') ? 'senseVoiceMicro' : 'senseVoiceScripted');
      const ours = await loadNodeSenseVoice(dir, file);
      for (const options of cases) {
        const theirs = sherpaSenseVoice(dir, file, options);
        for (const [label, pcm] of Object.entries(audio)) {
          const expected = theirs.recognise(pcm);
          const got = await recogniseSenseVoice(ours.runner, ours.meta, ours.table, pcm, options);
          expect(got.text, `${label} ${JSON.stringify(options)}`).toBe(expected.text.trim());
          expect(`<|${got.language}|>`).toBe(expected.lang);
          expect(got.tokens.map((t) => t.time)).toEqual(expected.timestamps.map((t) => expect.closeTo(t, 5)));
        }
      }
    });
  }

  it('int8: sherpa-onnx’s runtime (onnxruntime 1.28) and ours agree on at least 80% of the text on the same encoder input', async () => {
    const pcm = audio['9 s sample']!;
    const meta = (await loadNodeSenseVoice(senseVoiceModelDir(outRoot, 'senseVoiceMicro'))).meta;
    const baked = senseVoiceFeatures(meta, pcm).features;
    const dir = folder(
      'baked-int8',
      (file) => writeModel(file, buildRandomSenseVoice(SENSEVOICE_MICRO, MICRO_VOCABULARY, 1, 'int8', baked), { metadata: senseVoiceMetadata(MICRO_VOCABULARY.size, 'baked'), opsets: { '': 17 } }),
      MICRO_VOCABULARY.tokensTxt,
    );
    const ours = await loadNodeSenseVoice(dir, 'model.onnx');
    const got = (await recogniseSenseVoice(ours.runner, ours.meta, ours.table, pcm, { language: 'auto', itn: true })).text;
    const expected = sherpaSenseVoice(dir, 'model.onnx').recognise(pcm).text.trim();
    expect(got.length).toBeGreaterThan(50);
    const similarity = 1 - editDistance([...got], [...expected]) / Math.max(got.length, expected.length);
    console.log(`int8 random model, same encoder input: ${(similarity * 100).toFixed(1)}% of characters agree (${got === expected ? 'identical' : 'rounding differs between the two onnxruntime versions'})`);
    expect(similarity).toBeGreaterThanOrEqual(0.8);
  });
});
