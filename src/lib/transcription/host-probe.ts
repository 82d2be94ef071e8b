import { modelFileUrl, type Fetch } from './catalog.ts';

/** How a model host answered a quick check. */
export type HostAnswer = 'ok' | 'unreachable';

/**
 * Asks the model host for one small file of the model (HEAD `config.json`), waiting at most
 * `timeoutMs`: a host that is blocked (huggingface.co in mainland China) often drops packets,
 * so a load would wait minutes before failing; this answers in seconds. Any HTTP answer, even
 * 404, means the host is reachable. Pure apart from `fetchFn`.
 *
 * @example
 * await probeHost('https://huggingface.co', 'onnx-community/whisper-base', fetch, 4000); // 'ok'
 */
export async function probeHost(host: string, modelId: string, fetchFn: Fetch, timeoutMs: number, signal?: AbortSignal): Promise<HostAnswer> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    await fetchFn(modelFileUrl(host, modelId, 'config.json'), { method: 'HEAD', signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    return 'ok';
  } catch {
    return 'unreachable';
  }
}
