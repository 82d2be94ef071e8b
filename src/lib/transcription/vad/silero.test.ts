import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSileroVad, SILERO_FRAME_SAMPLES, type SileroVad } from './silero.ts';
import { speechSegments } from './speech-segments.ts';

const RATE = 16_000;
const MODEL = fileURLToPath(new URL('../../../../node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx', import.meta.url));
const CLIP = fileURLToPath(new URL('../../../../tests/fixtures/media/clip-10s.mp4', import.meta.url));
const SILENCE = 10 * RATE;
/** The default speech padding, 250 ms. */
const PAD = 4000;

/** 16 kHz mono float PCM via native ffmpeg: the test is about the VAD, not about our decoder. */
function decode(file: string): Float32Array {
  const bytes = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(RATE), '-f', 'f32le', '-']);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

describe('Silero VAD v5 with the real weights', () => {
  let vad: SileroVad;
  let clip: Float32Array;
  let audio: Float32Array;

  beforeAll(async () => {
    // One thread: for a model this small, thread hand-off costs more than it saves.
    const session = await ort.InferenceSession.create(MODEL, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    vad = createSileroVad(ort, session);
    clip = decode(CLIP);
    // speech clip + 10 s of digital silence + the clip again
    audio = new Float32Array(clip.length * 2 + SILENCE);
    audio.set(clip, 0);
    audio.set(clip, clip.length + SILENCE);
  });

  it('marks the speech in both copies and nothing in the silence between', async () => {
    vad.reset();
    const probabilities = await vad.speechProbabilities(audio);
    expect(probabilities).toHaveLength(Math.ceil(audio.length / SILERO_FRAME_SAMPLES));

    const silenceStart = clip.length;
    const silenceEnd = clip.length + SILENCE;
    const firstSilentFrame = Math.ceil(silenceStart / SILERO_FRAME_SAMPLES);
    const lastSilentFrame = Math.floor(silenceEnd / SILERO_FRAME_SAMPLES);
    expect(Math.max(...probabilities.subarray(firstSilentFrame, lastSilentFrame))).toBeLessThan(0.1);

    const segments = speechSegments(probabilities, { totalSamples: audio.length });
    for (const { start, end } of segments) {
      const inFirstCopy = end <= silenceStart + PAD;
      const inSecondCopy = start >= silenceEnd - PAD;
      expect(inFirstCopy || inSecondCopy, `segment ${start / RATE}–${end / RATE} s`).toBe(true);
    }
    // The clip speaks from about 0.6 s to 6.9 s.
    const near = (seconds: number, offset: number) => (at: number) => Math.abs(at - offset - seconds * RATE) < RATE;
    expect(segments.some((segment) => near(0.6, 0)(segment.start))).toBe(true);
    expect(segments.some((segment) => near(6.9, 0)(segment.end))).toBe(true);
    expect(segments.some((segment) => near(0.6, silenceEnd)(segment.start))).toBe(true);
    expect(segments.some((segment) => near(6.9, silenceEnd)(segment.end))).toBe(true);
  });

  it('carries its state across calls, so windows fed in order match one call', async () => {
    vad.reset();
    const whole = await vad.speechProbabilities(clip);
    vad.reset();
    const split = 100 * SILERO_FRAME_SAMPLES;
    const first = await vad.speechProbabilities(clip.subarray(0, split));
    const second = await vad.speechProbabilities(clip.subarray(split));
    expect(Float32Array.from([...first, ...second])).toEqual(whole);
  });

  it('reports progress up to 1', async () => {
    vad.reset();
    const fractions: number[] = [];
    await vad.speechProbabilities(clip, { onProgress: (fraction) => fractions.push(fraction) });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('stops with an AbortError when aborted or cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(vad.speechProbabilities(clip, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    let checks = 0;
    const cancelled = () => ++checks > 2;
    await expect(vad.speechProbabilities(audio, { cancelled })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
