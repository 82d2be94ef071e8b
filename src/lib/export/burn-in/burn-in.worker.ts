/// <reference lib="webworker" />
import { AppErrorException } from '../../errors.ts';
import { serve, type HandlerContext } from '../../workers/host.ts';
import type { BurnEnd, BurnEstimate, BurnInEvent, BurnInRequest, BurnInResults } from './burn-in-protocol.ts';
import { burnVideo, discardTarget, planBurn, streamTarget } from './burn-video.ts';
import { waitForRoomAsync } from './flow-async.ts';
import { loadSubtitleFont } from './subtitle-font.ts';

type Context = HandlerContext<BurnInEvent>;
type EstimateRequest = Extract<BurnInRequest, { type: 'estimate' }>;
type BurnRequest = Extract<BurnInRequest, { type: 'burn' }>;
/** Progress events at most this often: a long film has hundreds of thousands of frames. */
const PROGRESS_MS = 200;

/**
 * The self-hosted font for the cues' text. Where it can't be had (offline before it was ever
 * cached), the system's fonts draw the text instead — as the page's preview does then too.
 */
async function loadFont(cues: BurnInRequest['cues']): Promise<void> {
  await loadSubtitleFont(self.fonts, cues.map((cue) => cue.text)).catch(() => undefined);
}

serve<BurnInRequest, BurnInResults, BurnInEvent>(self, 'burn-in-failed', {
  estimate: (request, context) => estimate(request, context),
  burn: (request, context) => burn(request, context),
});

async function estimate(request: EstimateRequest, context: Context): Promise<BurnEstimate> {
  await loadFont(request.cues);
  const { input, plan } = await planBurn(request.file);
  const sample = Math.min(request.sampleSeconds, plan.duration);
  const started = performance.now();
  await burnVideo(input, request, plan, { target: discardTarget(), cancelled: () => context.cancelled(), until: sample });
  const wall = Math.max(0.001, (performance.now() - started) / 1000);
  const speed = sample / wall;
  return { ...plan, speed, seconds: plan.duration / speed };
}

async function burn(request: BurnRequest, context: Context): Promise<BurnEnd> {
  if (request.file.size === 0) throw new AppErrorException({ code: 'empty-file' });
  await loadFont(request.cues);
  const { input, plan } = await planBurn(request.file);
  let chunks = 0;
  let bytes = 0;
  const target = streamTarget(request.chunkBytes, async (chunk) => {
    // Wait while the page's disk is behind, so memory stays flat for any length.
    await waitForRoomAsync(request.released, chunks, request.aheadLimit, () => context.cancelled());
    if (context.cancelled()) throw new AppErrorException({ code: 'cancelled' });
    // A copy: mediabunny's chunk may be a view into a buffer it keeps using.
    const copy = chunk.data.slice();
    chunks++;
    bytes = Math.max(bytes, chunk.position + copy.length);
    context.emit({ type: 'chunk', position: chunk.position, bytes: copy }, [copy.buffer]);
  });
  let reported = 0;
  const onProgress = (seconds: number) => {
    const now = performance.now();
    if (now - reported < PROGRESS_MS) return;
    reported = now;
    context.emit({ type: 'progress', seconds, duration: plan.duration });
  };
  const frames = await burnVideo(input, request, plan, { target, onProgress, cancelled: () => context.cancelled() });
  context.emit({ type: 'progress', seconds: plan.duration, duration: plan.duration });
  return { bytes, chunks, frames };
}
