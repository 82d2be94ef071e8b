/// <reference lib="webworker" />
import { AppErrorException } from '../errors.ts';
import { collectLog, type FFmpegCore } from '../media/ffmpeg-core.ts';
import { waitForRoom } from '../media/flow-control.ts';
import type { HandlerContext } from '../workers/host.ts';
import type { ExportEvent, StreamedOutput } from './export-protocol.ts';
import { MuxProgress, unsupportedCodec } from './ffmpeg-log.ts';
import { OutputChunker } from './output-chunker.ts';

/** The device ffmpeg writes its output to: what it writes goes to the page as it is written. */
export const OUTPUT_DEVICE = '/export-output';
const EIO = 5;
const EINVAL = 28;

type Context = HandlerContext<ExportEvent>;

/** How one ffmpeg command that wrote to the page ended. */
export interface OutputRun {
  readonly code: number;
  readonly bytes: number;
  readonly chunks: number;
  /** Media seconds written (the last `time=`). */
  readonly seconds: number;
  /** Video frames written (the last `frame=`). */
  readonly frames: number;
  /** The codec the container refused, when that is why it stopped. */
  readonly unsupported: string | undefined;
  readonly logTail: string;
}

/**
 * Runs ffmpeg with `args` (whose output is {@link OUTPUT_DEVICE}), sending the output to the
 * page in chunks as it is written and `progress` events from the log's `time=`. The command
 * blocks inside its writes while the page's disk is behind, so memory stays flat for any
 * length; a cancel is read from shared memory even then, and ends the command (`cancelled`).
 *
 * @example
 * const end = runToOutput(core, ['-i', input, '-c', 'copy', '-f', 'mp4', OUTPUT_DEVICE], request, context);
 */
export function runToOutput(core: FFmpegCore, args: readonly string[], request: StreamedOutput, context: Context): OutputRun {
  const progress = new MuxProgress();
  let unsupported: string | undefined;
  const log = collectLog(core, (line) => {
    unsupported ??= unsupportedCodec(line);
    if (progress.read(line)) context.emit({ type: 'progress', seconds: progress.seconds, duration: progress.duration });
  });
  let chunks = 0;
  const chunker = new OutputChunker(request.chunkBytes, (position, bytes) => {
    // Block here (inside ffmpeg's write) while the page's disk is behind.
    waitForRoom(request.released, chunks, request.aheadLimit, context.cancelled);
    if (context.cancelled()) throw new core.FS.ErrnoError(EIO);
    chunks++;
    context.emit({ type: 'chunk', position, bytes }, [bytes.buffer]);
  });
  registerOutput(core, chunker, context);
  core.setTimeout(-1); // the disk's pace sets the length, and a cancel or terminate ends it
  let code: number;
  try {
    code = core.exec(...args);
  } finally {
    core.reset();
    log.stop();
  }
  throwIfCancelled(context);
  if (code === 0) chunker.flush();
  throwIfCancelled(context);
  return { code, bytes: chunker.size, chunks, seconds: progress.seconds, frames: progress.frames, unsupported, logTail: log.tail() };
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

/** ffmpeg's failure as a typed error: the refused codec where that was it, else the log's tail. */
export function outputError(run: OutputRun): AppErrorException {
  if (run.unsupported !== undefined) return new AppErrorException({ code: 'export-unsupported-codec', detail: run.unsupported });
  return new AppErrorException({ code: 'export-failed', detail: run.logTail || `ffmpeg exit code ${run.code}` });
}

/** A cancelled request has no result; the host answers `cancelled` whatever is thrown. */
export function throwIfCancelled(context: Context): void {
  if (context.cancelled()) throw new AppErrorException({ code: 'cancelled' });
}
