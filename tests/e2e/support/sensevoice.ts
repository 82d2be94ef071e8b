import { expect, type Page } from '@playwright/test';
import { SAMPLE_RATE } from '../../../src/lib/media/sample-rate.ts';
import type { Cue } from '../../../src/lib/subtitles/cue.ts';
import { normalizeCues } from '../../../src/lib/subtitles/normalize.ts';
import { fixCues, keepGapAfter } from '../../../src/lib/subtitles/segment/check.ts';
import { PROFILES } from '../../../src/lib/subtitles/segment/profiles.ts';
import { segmentCues } from '../../../src/lib/transcription/sensevoice-cues.ts';
import { scriptedSenseVoiceOutput } from '../../fixtures/models/sensevoice-models.ts';
import { MODEL_HOST, type ShownCue } from './app.ts';

export interface SenseVoiceChoice {
  readonly modelId: string;
  readonly device: 'auto' | 'webgpu' | 'wasm';
  readonly vad?: boolean;
}

/** Opens the app and chooses SenseVoice with a test model in the settings panel, as a user would. */
export async function openSenseVoice(page: Page, choice: SenseVoiceChoice): Promise<void> {
  await page.goto('/');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-host').fill(MODEL_HOST);
  await page.getByTestId('setting-host').dispatchEvent('change');
  await page.getByTestId('setting-engine-sensevoice').check();
  await page.getByTestId('sensevoice-model-id').fill(choice.modelId);
  await page.getByTestId('sensevoice-model-id').dispatchEvent('change');
  await page.getByTestId('setting-device').selectOption(choice.device);
  await page.getByTestId('setting-vad').setChecked(choice.vad ?? true);
  await page.getByTestId('settings-close').click();
}

/** One `recognise` request the page sent its transcriber: the window's start (s), length and speech segments (samples). */
export interface RecogniseRequest {
  readonly offset: number;
  readonly samples: number;
  readonly segments: readonly { readonly start: number; readonly end: number }[];
}

/**
 * Records, inside the page, every `recognise` request posted to a worker (the app's protocol,
 * src/lib/workers/protocol.ts, read from outside). Call before `page.goto`.
 */
export async function recordRecogniseRequests(page: Page): Promise<() => Promise<RecogniseRequest[]>> {
  await page.addInitScript(() => {
    const requests: unknown[] = [];
    Reflect.set(window, '__recognise', requests);
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) {
      const request: unknown = typeof message === 'object' && message !== null && Reflect.get(message, 'kind') === 'request' ? Reflect.get(message, 'request') : undefined;
      if (typeof request === 'object' && request !== null && Reflect.get(request, 'type') === 'recognise') {
        const pcm: unknown = Reflect.get(request, 'pcm');
        requests.push({ offset: Reflect.get(request, 'offset'), samples: pcm instanceof Float32Array ? pcm.length : -1, segments: Reflect.get(request, 'segments') });
      }
      post.call(this, message, Array.isArray(transfer) ? { transfer } : transfer);
    };
  });
  return () => page.evaluate(() => Reflect.get(window, '__recognise') as RecogniseRequest[]);
}

/** The app's minimum speech segment it hands to SenseVoice (engine-sensevoice.ts), 0.1 s. */
const MIN_SEGMENT_SAMPLES = SAMPLE_RATE / 10;

/**
 * What the scripted SenseVoice model gives for these requests, as the studio shows it: per speech
 * segment the script (its characters spread over the segment: `scriptedSenseVoiceOutput`), cut
 * into cues at the segment's times, then each window's cues cut to the Chinese readability
 * profile, spaced after the previous window's last cue, as the job does.
 */
export function expectedScriptedCues(requests: readonly RecogniseRequest[]): ShownCue[] {
  const profile = PROFILES['netflix-zh-hans'];
  const shown: Cue[] = [];
  for (const { offset, segments } of requests) {
    const cues = segments
      .filter((s) => s.end - s.start >= MIN_SEGMENT_SAMPLES)
      .flatMap((s) => {
        const said = scriptedSenseVoiceOutput(s.end - s.start, true);
        return segmentCues({ start: offset + s.start / SAMPLE_RATE, end: offset + s.end / SAMPLE_RATE, text: said.text, tokens: said.tokens });
      });
    shown.push(...keepGapAfter(shown.at(-1), fixCues(normalizeCues(cues), profile), profile));
  }
  return shown.map(({ start, end, text }) => ({ start, end, text }));
}

/** The run's device and whether the fallback notice shows. */
export async function expectDevice(page: Page, device: 'wasm' | 'webgpu'): Promise<void> {
  await expect(page.getByTestId('device')).toHaveAttribute('data-device', device);
}


/**
 * Speech segments (seconds) of a media file found outside the app: native ffmpeg's 16 kHz mono
 * decode, Silero VAD v5 on onnxruntime-node, the app's segment rule. The app decodes with
 * ffmpeg.wasm, so edges may differ by a VAD frame or two; the times are for comparison, not equality.
 */
export async function nativeSpeechSegments(file: string): Promise<{ start: number; end: number }[]> {
  const { execFileSync } = await import('node:child_process');
  const ort = await import('onnxruntime-node');
  const { createSileroVad } = await import('../../../src/lib/transcription/vad/silero.ts');
  const { speechSegments } = await import('../../../src/lib/transcription/vad/speech-segments.ts');
  const bytes = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 'f32le', '-'], { maxBuffer: 1 << 30 });
  const pcm = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const model = new URL('../../../node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx', import.meta.url);
  const session = await ort.InferenceSession.create(model.pathname, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const vad = createSileroVad(ort, session);
  const probabilities = await vad.speechProbabilities(pcm);
  return speechSegments(probabilities, { totalSamples: pcm.length }).map((s) => ({ start: s.start / SAMPLE_RATE, end: s.end / SAMPLE_RATE }));
}
