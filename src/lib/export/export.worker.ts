/// <reference lib="webworker" />
import { AppErrorException } from '../errors.ts';
import { collectLog, getFFmpegCore, mountFile, type FFmpegCore } from '../media/ffmpeg-core.ts';
import { waitForRoom } from '../media/flow-control.ts';
import { serve, type HandlerContext } from '../workers/host.ts';
import type { ExportEvent, ExportRequest, ExportResults, MuxEnd } from './export-protocol.ts';
import { MuxProgress, unsupportedCodec } from './ffmpeg-log.ts';
import { muxArgs } from './mux-args.ts';
import { OutputChunker } from './output-chunker.ts';

const INPUT_DIR = '/export-input';
const SUBTITLE_DIR = '/export-subtitles';
const OUTPUT_DEVICE = '/export-output';
const EIO = 5;
const EINVAL = 28;

type Context = HandlerContext<ExportEvent>;
type MuxRequest = Extract<ExportRequest, { type: 'mux' }>;

/** One ffmpeg, one command at a time: a new request waits until the previous one has let go. */
let queue: Promise<unknown> = Promise.resolve();

serve<ExportRequest, ExportResults, ExportEvent>(self, 'export-failed', {
  warm: async () => {
    await getFFmpegCore();
    return true;
  },
  mux: (request, context) => {
    const run = queue.then(() => mux(request, context));
    queue = run.catch(() => undefined);
    return run;
  },
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
    return run(core, request, paths, context);
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

function run(core: FFmpegCore, request: MuxRequest, paths: readonly string[], context: Context): MuxEnd {
  const progress = new MuxProgress();
  let unsupported: string | undefined;
  const log = collectLog(core, (line) => {
    unsupported ??= unsupportedCodec(line);
    if (progress.read(line)) context.emit({ type: 'progress', seconds: progress.seconds, duration: progress.duration });
  });
  let chunks = 0;
  const chunker = new OutputChunker(request.chunkBytes, (position, bytes) => {
    // Block here (inside ffmpeg's write) while the page's disk is behind: memory stays flat
    // however large the output, and a cancel is read from shared memory even while blocked.
    waitForRoom(request.released, chunks, request.aheadLimit, context.cancelled);
    if (context.cancelled()) throw new core.FS.ErrnoError(EIO);
    chunks++;
    context.emit({ type: 'chunk', position, bytes }, [bytes.buffer]);
  });
  registerOutput(core, chunker, context);
  core.setTimeout(-1); // the disk's pace sets the length, and a cancel or terminate ends it
  const args = muxArgs({
    input: `${INPUT_DIR}/media`,
    subtitles: request.tracks.map((track, index) => ({ ...track, path: paths[index] ?? '' })),
    container: request.container,
    output: OUTPUT_DEVICE,
  });
  let code: number;
  try {
    code = core.exec(...args);
  } finally {
    core.reset();
    log.stop();
  }
  throwIfCancelled(context);
  if (code !== 0) throw muxError(code, unsupported, log.tail());
  chunker.flush();
  throwIfCancelled(context);
  return { bytes: chunker.size, chunks, seconds: progress.seconds };
}

/**
 * The output path is a device, so what ffmpeg writes goes to the page as it is written instead
 * of piling up in MEMFS. It can seek: the MP4 and Matroska muxers go back to fill in headers.
 */
function registerOutput(core: FFmpegCore, chunker: OutputChunker, context: Context): void {
  const device = core.FS.makedev(64, 8);
  core.FS.registerDevice(device, {
    open: () => undefined,
    close: () => undefined,
    write: (_stream, buffer, offset, length, position) => {
      // Cancel reaches us here even though this worker's event loop is blocked in exec.
      if (context.cancelled()) throw new core.FS.ErrnoError(EIO);
      chunker.write(position, buffer.subarray(offset, offset + length));
      return length;
    },
    llseek: (stream, offset, whence) => {
      const base = whence === 1 ? stream.position : whence === 2 ? chunker.size : 0;
      const position = base + offset;
      if (position < 0) throw new core.FS.ErrnoError(EINVAL);
      return position;
    },
  });
  if (!core.FS.analyzePath(OUTPUT_DEVICE).exists) core.FS.mkdev(OUTPUT_DEVICE, device);
}

function muxError(code: number, unsupported: string | undefined, logTail: string): AppErrorException {
  if (unsupported !== undefined) return new AppErrorException({ code: 'export-unsupported-codec', detail: unsupported });
  return new AppErrorException({ code: 'export-failed', detail: logTail || `ffmpeg exit code ${code}` });
}

/** A cancelled request has no result; the host answers `cancelled` whatever is thrown. */
function throwIfCancelled(context: Context): void {
  if (context.cancelled()) throw new AppErrorException({ code: 'cancelled' });
}
