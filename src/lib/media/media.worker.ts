/// <reference lib="webworker" />
import { AppErrorException } from '../errors.ts';
import { serve, type HandlerContext } from '../workers/host.ts';
import { extractArgs, probeArgs } from './ffmpeg-args.ts';
import { collectLog, getFFmpegCore, mountFile, type FFmpegCore } from './ffmpeg-core.ts';
import { waitForRoom } from './flow-control.ts';
import { parseProbeJson, type MediaInfo } from './media-info.ts';
import type { ExtractEnd, MediaEvent, MediaRequest, MediaResults } from './media-protocol.ts';
import { PcmChunker } from './pcm-chunker.ts';
import { PeakMeter } from './peaks.ts';

const INPUT_DIR = '/input';
const INPUT = `${INPUT_DIR}/media`;
const PROBE_OUT = '/probe.json';
const PCM_DEVICE = '/pcm';
const EIO = 5;
/** Probing reads headers only; a minute means it hangs. */
const PROBE_TIMEOUT_MS = 60_000;

type Context = HandlerContext<MediaEvent>;

/** One ffmpeg, one command at a time: a new request waits until the previous one has let go. */
let queue: Promise<unknown> = Promise.resolve();

serve<MediaRequest, MediaResults, MediaEvent>(self, 'extraction-failed', {
  warm: async () => {
    await getFFmpegCore();
    return true;
  },
  probe: (request, context) =>
    exclusive(request.file, context, (core) => {
      context.emit({ type: 'stage', stage: 'probing' });
      return probe(core);
    }),
  extract: (request, context) =>
    exclusive(request.file, context, (core) => {
      context.emit({ type: 'stage', stage: 'extracting' });
      return extract(core, request, context);
    }),
});

/** Runs `work` on the loaded ffmpeg with `file` mounted, after any command before it. */
function exclusive<T>(file: File, context: Context, work: (core: FFmpegCore) => T): Promise<T> {
  const run = queue.then(() => withFile(file, context, work));
  queue = run.catch(() => undefined);
  return run;
}

async function withFile<T>(file: File, context: Context, work: (core: FFmpegCore) => T): Promise<T> {
  if (file.size === 0) throw new AppErrorException({ code: 'empty-file' });
  throwIfCancelled(context);
  context.emit({ type: 'stage', stage: 'loading-engine' });
  const core = await getFFmpegCore();
  throwIfCancelled(context);
  const unmount = mountFile(core, INPUT_DIR, 'media', file);
  try {
    return work(core);
  } finally {
    unmount();
  }
}

/** A cancelled request has no result; the host answers `cancelled` whatever is thrown. */
function throwIfCancelled(context: Context): void {
  if (context.cancelled()) throw new AppErrorException({ code: 'cancelled' });
}

function probe(core: FFmpegCore): MediaInfo {
  const log = collectLog(core);
  core.setTimeout(PROBE_TIMEOUT_MS);
  // A previous probe that threw may have left its output: never read another file's streams.
  if (core.FS.analyzePath(PROBE_OUT).exists) core.FS.unlink(PROBE_OUT);
  // ffprobe in ffmpeg.wasm 0.12 returns -1 even when it succeeds: judge by what it wrote.
  core.ffprobe(...probeArgs(INPUT, PROBE_OUT));
  core.reset();
  const json = core.FS.analyzePath(PROBE_OUT).exists ? core.FS.readFile(PROBE_OUT, { encoding: 'utf8' }) : undefined;
  if (json !== undefined) core.FS.unlink(PROBE_OUT);
  const info = json === undefined ? undefined : safeParseProbe(json);
  if (!info || (info.audioStreams.length === 0 && !info.hasVideo && info.duration === undefined)) {
    throw new AppErrorException({ code: 'not-media', detail: log.tail() });
  }
  if (info.audioStreams.length === 0) throw new AppErrorException({ code: 'no-audio-stream' });
  return info;
}

function extract(core: FFmpegCore, request: Extract<MediaRequest, { type: 'extract' }>, context: Context): ExtractEnd {
  const log = collectLog(core);
  let produced = 0;
  // Peaks come from each chunk as it is made: no second decode, and no PCM kept for them.
  const meter = new PeakMeter();
  const chunker = new PcmChunker(request.chunkSamples, (pcm, startSample) => {
    // Block here (inside ffmpeg's write) while the page is too far behind: memory stays flat.
    waitForRoom(request.released, produced, request.aheadLimit, context.cancelled);
    produced++;
    const startPeak = meter.peaks;
    const peaks = meter.push(pcm);
    context.emit({ type: 'chunk', pcm, startSample, peaks, startPeak }, [pcm.buffer, peaks.buffer]);
  });
  const device = core.FS.makedev(64, 7);
  core.FS.registerDevice(device, {
    open: () => undefined,
    close: () => undefined,
    write: (_stream, buffer, offset, length) => {
      // Cancel reaches us here even though this worker's event loop is blocked in exec.
      if (context.cancelled()) throw new core.FS.ErrnoError(EIO);
      chunker.push(buffer.subarray(offset, offset + length));
      return length;
    },
  });
  if (!core.FS.analyzePath(PCM_DEVICE).exists) core.FS.mkdev(PCM_DEVICE, device);
  core.setTimeout(-1); // the page's pace sets the length, and a cancel or terminate ends it
  const code = core.exec(...extractArgs(INPUT, PCM_DEVICE, request.audioTrack));
  core.reset();
  log.stop();
  throwIfCancelled(context);
  chunker.flush();
  const startPeak = meter.peaks;
  return streamEnd(code, chunker.samples, log.tail(), { peaks: meter.flush(), startPeak });
}

function streamEnd(code: number, samples: number, logTail: string, tail: Pick<ExtractEnd, 'peaks' | 'startPeak'>): ExtractEnd {
  if (code === 0) return { samples, ...tail };
  // "Decoder (codec xyz) not found": this build of ffmpeg can't decode it; name the codec.
  const missing = /Decoder \(codec ([\w-]+)\) not found|Unknown decoder '([\w-]+)'/.exec(logTail);
  if (samples === 0 && missing) throw new AppErrorException({ code: 'unsupported-codec', detail: missing[1] ?? missing[2] ?? 'unknown' });
  if (samples === 0) throw new AppErrorException({ code: 'extraction-failed', detail: logTail });
  return { samples, damage: logTail || `ffmpeg exit code ${code}`, ...tail };
}

function safeParseProbe(json: string): MediaInfo | undefined {
  try {
    return parseProbeJson(json);
  } catch {
    return undefined;
  }
}
