import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../../errors.ts';
import { DT, Graph, writeModel } from '../../../../tests/fixtures/models/onnx-writer.ts';
import { readOnnxMetadata, senseVoiceMetaFrom } from './metadata.ts';

/** The metadata of sherpa-onnx's SenseVoiceSmall export (export-onnx.py), CMVN shortened to a pattern. */
function realLikeProps(window = 7): Record<string, string> {
  const dim = window * 80;
  return {
    lfr_window_size: String(window),
    lfr_window_shift: '6',
    normalize_samples: '0',
    neg_mean: Array.from({ length: dim }, (_, i) => (-8 - (i % 80) / 10).toFixed(4)).join(','),
    inv_stddev: Array.from({ length: dim }, (_, i) => (0.2 + (i % 80) / 1000).toFixed(4)).join(','),
    model_type: 'sense_voice_ctc',
    version: '2',
    model_author: 'iic',
    maintainer: 'k2-fsa',
    vocab_size: '25055',
    comment: 'iic/SenseVoiceSmall',
    lang_auto: '0',
    lang_zh: '3',
    lang_en: '4',
    lang_yue: '7',
    lang_ja: '11',
    lang_ko: '12',
    lang_nospeech: '13',
    with_itn: '14',
    without_itn: '15',
    url: 'https://huggingface.co/FunAudioLLM/SenseVoiceSmall',
  };
}

function writeTiny(metadata: Record<string, string>): Uint8Array {
  const g = new Graph('tiny');
  const x = g.input('x', DT.FLOAT, [1, 'T', 4]);
  g.init('w', DT.FLOAT, [4, 4], new Float32Array(16).fill(0.5)); // a weight before the metadata to skip
  g.opTo('MatMul', [x, 'w'], [g.output('logits', DT.FLOAT, [1, 'T', 4])]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zimu-meta-'));
  try {
    const file = path.join(dir, 'model.onnx');
    writeModel(file, g, { metadata });
    return new Uint8Array(fs.readFileSync(file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('readOnnxMetadata', () => {
  it('reads every metadata_props entry of an ONNX file, non-ASCII values included, skipping the graph', () => {
    const props = { ...realLikeProps(), comment: '语音 ✓' };
    expect(readOnnxMetadata(writeTiny(props))).toEqual(props);
  });
  it('gives nothing for a model without metadata, and throws on truncated bytes', () => {
    const bytes = writeTiny({});
    expect(readOnnxMetadata(bytes)).toEqual({});
    expect(() => readOnnxMetadata(writeTiny(realLikeProps()).subarray(0, 50))).toThrow(RangeError);
  });
});

describe('senseVoiceMetaFrom', () => {
  it('takes LFR, CMVN, vocabulary, language and text-norm ids from the export’s keys', () => {
    const meta = senseVoiceMetaFrom(realLikeProps());
    expect(meta).toMatchObject({ lfrWindow: 7, lfrShift: 6, vocabSize: 25055, blankId: 0, normalizeSamples: false, withItn: 14, withoutItn: 15 });
    expect(meta.languages).toEqual({ auto: 0, zh: 3, en: 4, yue: 7, ja: 11, ko: 12, nospeech: 13 });
    expect(meta.negMean).toHaveLength(560);
    expect(meta.negMean[1]).toBeCloseTo(-8.1, 5);
    expect(meta.invStddev[79]).toBeCloseTo(0.279, 5);
  });
  it('throws a typed model-load-failed error naming what makes a graph not SenseVoice', () => {
    const { with_itn: _, ...noItn } = realLikeProps();
    const cases: Record<string, string>[] = [{}, noItn, { ...realLikeProps(), neg_mean: '1,2,3' }, { ...realLikeProps(), lang_zh: 'zh' }];
    for (const props of cases) {
      try {
        senseVoiceMetaFrom(props);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(AppErrorException);
        if (e instanceof AppErrorException) expect(e.error.code).toBe('model-load-failed');
      }
    }
    expect(() => senseVoiceMetaFrom(noItn)).toThrow(/with_itn/);
  });
});
