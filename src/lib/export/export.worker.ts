/// <reference lib="webworker" />
import { AppErrorException } from '../errors.ts';
import { getFFmpegCore, mountFile, type FFmpegCore } from '../media/ffmpeg-core.ts';
import { serve, type HandlerContext } from '../workers/host.ts';
import { estimateFfmpegBurn, ffmpegBurn } from './burn-in/ffmpeg-burn.ts';
import type { ExportEvent, ExportRequest, ExportResults, MuxEnd } from './export-protocol.ts';
import { OUTPUT_DEVICE, outputError, runToOutput, throwIfCancelled } from './ffmpeg-output.ts';
import { muxArgs } from './mux-args.ts';

const INPUT_DIR = '/export-input';
const SUBTITLE_DIR = '/export-subtitles';

type Context = HandlerContext<ExportEvent>;
type MuxRequest = Extract<ExportRequest, { type: 'mux' }>;

/** One ffmpeg, one command at a time: a new request waits until the previous one has let go. */
let queue: Promise<unknown> = Promise.resolve();

function queued<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run);
  queue = next.catch(() => undefined);
  return next;
}

serve<ExportRequest, ExportResults, ExportEvent>(self, 'export-failed', {
  warm: async () => {
    await getFFmpegCore();
    return true;
  },
  mux: (request, context) => queued(() => mux(request, context)),
  'burn-estimate': (request, context) => queued(() => estimateFfmpegBurn(request, context)),
  burn: (request, context) => queued(() => ffmpegBurn(request, context)),
});

async function mux(request: MuxRequest, context: Context): Promise<MuxEnd> {
  if (request.file.size === 0) throw new AppErrorException({ code: 'empty-file' });
  throwIfCancelled(context);
  context.emit({ type: 'stage', stage: 'loading-engine' });
  const core = await getFFmpegCore();
  throwIfCancelled(context);
  context.emit({ type: 'stage', stage: 'muxing' });
  // The input is read through WORKERFS in slices (never copied); the subtitle files are small.
  const unmount = mountFile(core, INPUT_DIR, 'media', request.file);
  const paths = writeSubtitles(core, request);
  try {
    const args = muxArgs({
      input: `${INPUT_DIR}/media`,
      subtitles: request.tracks.map((track, index) => ({ ...track, path: paths[index] ?? '' })),
      container: request.container,
      output: OUTPUT_DEVICE,
    });
    const run = runToOutput(core, args, request, context);
    if (run.code !== 0) throw outputError(run);
    return { bytes: run.bytes, chunks: run.chunks, seconds: run.seconds };
  } finally {
    for (const path of paths) core.FS.unlink(path);
    unmount();
  }
}

function writeSubtitles(core: FFmpegCore, request: MuxRequest): string[] {
  if (!core.FS.analyzePath(SUBTITLE_DIR).exists) core.FS.mkdir(SUBTITLE_DIR);
  return request.tracks.map((track, index) => {
    const path = `${SUBTITLE_DIR}/${index}.${track.format}`;
    core.FS.writeFile(path, track.text);
    return path;
  });
}
