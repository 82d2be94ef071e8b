import { WorkerClient } from '../workers/client.ts';
import type { TranscribeOptions, TranscriberEvent, TranscriberRequest } from './transcriber-protocol.ts';

let client: WorkerClient<TranscriberRequest, TranscriberEvent> | undefined;

function transcriberClient(): WorkerClient<TranscriberRequest, TranscriberEvent> {
  // Generation stops at the next token on cancel; the grace covers one slow decoder step or
  // an encoder pass before the worker (and its loaded model) is thrown away.
  client ??= new WorkerClient(
    () => new Worker(new URL('./transcriber.worker.ts', import.meta.url), { type: 'module' }),
    { cancelGraceMs: 1500 },
  );
  return client;
}

/**
 * Recognises 16 kHz mono PCM in the transcriber worker; cues arrive through `onEvent` window
 * by window. The PCM buffer is transferred: the caller must not use it afterwards.
 *
 * @example
 * await transcribe(pcm, options, { signal, onEvent: (e) => e.type === 'cues' && show(e.cues) });
 */
export function transcribe(
  pcm: Float32Array,
  options: TranscribeOptions,
  run: { signal?: AbortSignal; onEvent: (event: TranscriberEvent) => void },
): Promise<void> {
  const request: TranscriberRequest = { type: 'transcribe', pcm, options };
  return transcriberClient().run(request, { ...run, transfer: [pcm.buffer] });
}
