/**
 * SenseVoice benchmark page: the app's recogniseSenseVoice on ONNX Runtime Web loaded as the app
 * loads it (onnxruntime-web/webgpu, the self-hosted WASM set up by configureOnnxRuntime, a session
 * from the bytes of model.int8.onnx as engine-sensevoice.ts creates it), over PCM chunks fetched
 * from the dev server, with the thread count and device the URL asks for; timings on `window`.
 *   /bench/asr-sensevoice.html?model=zimu-test/sensevoice-small-shape-random&host=http://127.0.0.1:4377&device=wasm&threads=2&pcm=/bench/out/speech-70s.f32&seconds=20
 */
import * as ort from 'onnxruntime-web/webgpu';
import { configureOnnxRuntime } from '../src/lib/transcription/onnx-runtime.ts';
import { readOnnxMetadata, senseVoiceMetaFrom } from '../src/lib/transcription/sensevoice/metadata.ts';
import { recogniseSenseVoice, type SenseVoiceRunner } from '../src/lib/transcription/sensevoice/recognise.ts';
import { parseTokens } from '../src/lib/transcription/sensevoice/tokens.ts';
import { SENSEVOICE_CHUNK_SECONDS, type SenseVoiceBenchResult } from './asr-sensevoice-options.ts';

const params = new URLSearchParams(location.search);
void run().then((result) => Reflect.set(window, 'benchResult', result));

function runner(session: ort.InferenceSession): SenseVoiceRunner {
  return {
    async run({ features, frames, language, textNorm }) {
      const out = await session.run({
        x: new ort.Tensor('float32', features, [1, frames, features.length / frames]),
        x_length: new ort.Tensor('int32', Int32Array.of(frames), [1]),
        language: new ort.Tensor('int32', Int32Array.of(language), [1]),
        text_norm: new ort.Tensor('int32', Int32Array.of(textNorm), [1]),
      });
      const logits = out.logits;
      if (!logits || !(logits.data instanceof Float32Array)) throw new Error('no float logits');
      const [, outFrames = 0, vocab = 0] = logits.dims;
      return { logits: logits.data, frames: outFrames, vocab };
    },
  };
}

async function run(): Promise<SenseVoiceBenchResult> {
  try {
    configureOnnxRuntime();
    ort.env.wasm.numThreads = Number(params.get('threads') ?? 1);
    const base = `${params.get('host') ?? ''}/${params.get('model') ?? ''}/resolve/main`;
    const all = new Float32Array(await (await fetch(params.get('pcm') ?? '')).arrayBuffer());
    const pcm = all.subarray(0, Number(params.get('seconds') ?? 20) * 16000);
    const device = params.get('device') === 'webgpu' ? 'webgpu' : 'wasm';
    const t0 = performance.now();
    const [graph, tokens] = await Promise.all([fetch(`${base}/model.int8.onnx`), fetch(`${base}/tokens.txt`)]);
    const bytes = new Uint8Array(await graph.arrayBuffer());
    const meta = senseVoiceMetaFrom(readOnnxMetadata(bytes));
    const table = parseTokens(await tokens.text());
    const session = await ort.InferenceSession.create(bytes, { executionProviders: [device], graphOptimizationLevel: 'all' });
    const t1 = performance.now();
    const r = runner(session);
    const options = { language: 'auto', itn: true } as const;
    await recogniseSenseVoice(r, meta, table, pcm.subarray(0, 16000), options); // warm-up: 1 s
    const t2 = performance.now();
    let chars = 0;
    const step = SENSEVOICE_CHUNK_SECONDS * 16000;
    for (let at = 0; at < pcm.length; at += step) chars += (await recogniseSenseVoice(r, meta, table, pcm.subarray(at, at + step), options)).text.length;
    const t3 = performance.now();
    await session.release();
    return { loadMs: t1 - t0, warmMs: t2 - t1, runMs: t3 - t2, chars };
  } catch (error) {
    return { loadMs: NaN, warmMs: NaN, runMs: NaN, chars: 0, error: String(error) };
  }
}
