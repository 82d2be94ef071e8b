import * as ort from 'onnxruntime-web/webgpu';
import { SAMPLE_RATE } from '../media/sample-rate.ts';
import { AppErrorException } from '../errors.ts';
import { withTimeout } from '../async.ts';
import type { EngineWindow, LoadCallbacks, SpeechEngine } from './engine.ts';
import { SENSEVOICE_DTYPE, SENSEVOICE_LANGUAGES, SENSEVOICE_MODEL_FILE, SENSEVOICE_TOKENS_FILE, senseVoiceLanguage } from './engine-catalog.ts';
import { fetchModelFile } from './model-files.ts';
import type { Device } from './models.ts';
import { rankLanguages, type LanguageDetection } from './recognition/language-ranking.ts';
import { segmentsToCues, type RecognisedSegment } from './sensevoice-cues.ts';
import { readOnnxMetadata, senseVoiceMetaFrom, type SenseVoiceMeta } from './sensevoice/metadata.ts';
import { recogniseSenseVoice, type SenseVoiceRunner } from './sensevoice/recognise.ts';
import { parseTokens } from './sensevoice/tokens.ts';
import type { DecodeOptions, EngineOptions, WindowResult } from './transcriber-protocol.ts';

export { SENSEVOICE_DTYPE };

/** Speech shorter than this holds no word (and gives the front end too few frames to stack). */
const MIN_SEGMENT_SAMPLES = SAMPLE_RATE / 10;
/** SenseVoice hears a window at most: longer audio than Whisper's 30 s is never handed to it. */
const MAX_DETECT_SAMPLES = 30 * SAMPLE_RATE;

/** A loaded model: its session and what the front end and decoder need from its files. */
interface SenseVoiceModel {
  readonly session: ort.InferenceSession;
  readonly meta: SenseVoiceMeta;
  readonly table: readonly string[];
}

/** A WebGPU session for SenseVoice-Small builds in seconds; one that takes longer is not coming. */
const WEBGPU_SESSION_TIMEOUT_MS = 90_000;

/**
 * SenseVoice-Small on ONNX Runtime Web (the same self-hosted runtime transformers.js uses, set up
 * by onnx-runtime.ts: WASM with threads, or WebGPU). The session is built from the bytes of
 * `model.int8.onnx`, whose metadata also gives the front end's LFR and CMVN values.
 */
export async function createSenseVoiceEngine(options: EngineOptions, device: Device, onDownload: LoadCallbacks['onDownload']): Promise<SpeechEngine> {
  const { host, modelId } = options.source;
  const [graph, tokens] = await Promise.all([
    fetchModelFile(host, modelId, SENSEVOICE_MODEL_FILE, onDownload),
    fetchModelFile(host, modelId, SENSEVOICE_TOKENS_FILE, onDownload),
  ]);
  const meta = senseVoiceMetaFrom(readOnnxMetadata(graph));
  const table = parseTokens(new TextDecoder().decode(tokens));
  const creating = ort.InferenceSession.create(graph, { executionProviders: [device], graphOptimizationLevel: 'all' });
  // Where the adapter is found but refuses a device, ONNX Runtime Web's WebGPU session creation
  // never settles (seen in Chromium with `requestDevice` rejecting): the bytes are here already, so
  // a WebGPU session that takes this long is given up and the engine falls back to WASM.
  const session = await (device === 'webgpu' ? withTimeout(creating, WEBGPU_SESSION_TIMEOUT_MS, () => new Error('WebGPU session creation did not finish')) : creating);
  const model: SenseVoiceModel = { session, meta, table };
  return {
    kind: 'sensevoice',
    device,
    dtype: SENSEVOICE_DTYPE,
    warmUp: async () => void (await recogniseSenseVoice(sessionRunner(session), meta, table, new Float32Array(SAMPLE_RATE), { language: 'auto', itn: true })),
    detectLanguage: (pcm) => detectLanguage(model, pcm),
    recognise: (window, decode, cancelled) => recogniseWindow(model, window, decode, cancelled),
    dispose: () => session.release(),
  };
}

/** The session as the recogniser's runner: the sherpa-onnx export's inputs `x`, `x_length`, `language`, `text_norm`. */
function sessionRunner(session: ort.InferenceSession, onLogits?: (logits: Float32Array, vocab: number) => void): SenseVoiceRunner {
  return {
    async run({ features, frames, language, textNorm }) {
      const feeds = {
        x: new ort.Tensor('float32', features, [1, frames, features.length / frames]),
        x_length: new ort.Tensor('int32', Int32Array.of(frames), [1]),
        language: new ort.Tensor('int32', Int32Array.of(language), [1]),
        text_norm: new ort.Tensor('int32', Int32Array.of(textNorm), [1]),
      };
      const output = await session.run(feeds);
      const logits = output.logits;
      if (!logits || !(logits.data instanceof Float32Array) || logits.dims.length !== 3) {
        throw new AppErrorException({ code: 'transcription-failed', detail: 'SenseVoice gave no float logits' });
      }
      const [, outFrames = 0, vocab = 0] = logits.dims;
      onLogits?.(logits.data, vocab);
      return { logits: logits.data, frames: outFrames, vocab };
    },
  };
}

/** One cue per speech segment of the window (split where long), each segment recognised on its own. */
async function recogniseWindow(model: SenseVoiceModel, window: EngineWindow, decode: DecodeOptions, cancelled: () => boolean): Promise<WindowResult> {
  const runner = sessionRunner(model.session);
  const language = senseVoiceLanguage(decode.language);
  const recognised: RecognisedSegment[] = [];
  for (const { start, end } of window.segments) {
    if (cancelled()) break;
    if (end - start < MIN_SEGMENT_SAMPLES) continue;
    const result = await recogniseSenseVoice(runner, model.meta, model.table, window.pcm.subarray(start, end), { language, itn: true });
    recognised.push({ start: window.offset + start / SAMPLE_RATE, end: window.offset + end / SAMPLE_RATE, text: result.text, tokens: result.tokens });
  }
  // SenseVoice's CTC output can't loop the way Whisper's decoder does: nothing to clean.
  return { cues: segmentsToCues(recognised), loops: 0 };
}

/**
 * The spoken language as SenseVoice hears it: its first output frame answers the language query,
 * so a softmax over the five language tokens' logits there ranks them (as Whisper's detection
 * ranks its language tokens).
 */
async function detectLanguage(model: SenseVoiceModel, pcm: Float32Array): Promise<LanguageDetection | undefined> {
  let first: Float32Array | undefined;
  const runner = sessionRunner(model.session, (logits, vocab) => (first = logits.slice(0, vocab)));
  const result = await recogniseSenseVoice(runner, model.meta, model.table, pcm.subarray(0, MAX_DETECT_SAMPLES), { language: 'auto', itn: true });
  const ids = new Map<string, number>();
  for (const code of SENSEVOICE_LANGUAGES) {
    const id = model.table.indexOf(`<|${code}|>`);
    if (id >= 0) ids.set(code, id);
  }
  if (first && ids.size > 0) return rankLanguages(first, ids);
  return result.language ? { language: result.language, probability: 1, ranking: [{ language: result.language, probability: 1 }] } : undefined;
}
