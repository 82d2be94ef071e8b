import * as ort from 'onnxruntime-web/webgpu';
// Silero VAD v5's real weights, as shipped inside @ricky0123/vad-web, served from this origin.
import sileroUrl from '@ricky0123/vad-web/dist/silero_vad_v5.onnx?url';
import { createSileroVad, type SileroVad } from './vad/silero.ts';

let vad: Promise<SileroVad> | undefined;

/** The worker's VAD, created on first use (on the WASM backend: a tiny recurrent model). */
function getVad(): Promise<SileroVad> {
  vad ??= ort.InferenceSession.create(new URL(sileroUrl, self.location.href).href, { executionProviders: ['wasm'] })
    .then((session) => createSileroVad(ort, session))
    .catch((error: unknown) => {
      vad = undefined;
      throw error;
    });
  return vad;
}

/**
 * Speech probability per 512-sample frame. Pieces of one stream must come in order; `first`
 * resets the recurrent state for a new stream.
 */
export async function detectSpeech(pcm: Float32Array, first: boolean, cancelled: () => boolean): Promise<Float32Array> {
  const runner = await getVad();
  if (first) runner.reset();
  return runner.speechProbabilities(pcm, { cancelled });
}
