/// <reference lib="webworker" />
import { FFFSType, type FFmpeg, type LogEvent, type ProgressEvent } from '@ffmpeg/ffmpeg';
import { AppErrorException } from '../errors.ts';
import { serve, type HandlerContext } from '../workers/host.ts';
import { assertNever } from '../workers/protocol.ts';
import { extractArgs, probeArgs, WHISPER_SAMPLE_RATE } from './ffmpeg-args.ts';
import { discardFFmpeg, getFFmpeg } from './ffmpeg.ts';
import { parseProbeJson, type MediaInfo } from './media-info.ts';
import type { MediaEvent, MediaRequest } from './media-protocol.ts';

const INPUT_DIR = '/input';
const INPUT = `${INPUT_DIR}/media`;
const PROBE_OUT = '/probe.json';
const PCM_OUT = '/audio.f32';

/** One ffmpeg, one command at a time: a new request waits until the previous one has let go. */
let queue: Promise<void> = Promise.resolve();

serve<MediaRequest, MediaEvent>(self, (request, context) => {
  const run = queue.then(() => {
    switch (request.type) {
      case 'extract':
        return extract(request.file, request.audioTrack ?? 0, context);
      default:
        return assertNever(request.type);
    }
  });
  queue = run.catch(() => undefined);
  return run;
});

async function extract(file: File, audioTrack: number, { signal, emit }: HandlerContext<MediaEvent>): Promise<void> {
  if (file.size === 0) throw new AppErrorException({ code: 'empty-file' });
  if (signal.aborted) return;
  emit({ type: 'stage', stage: 'loading-engine' });
  const ffmpeg = await getFFmpeg();
  if (signal.aborted) return;
  // exec is synchronous inside ffmpeg's worker: terminating it is the only prompt way to stop.
  const onAbort = () => void discardFFmpeg();
  signal.addEventListener('abort', onAbort, { once: true });
  // WORKERFS reads the File lazily in slices: nothing is copied into WASM memory, and files
  // past 2 GB work. A fixed name avoids trouble with odd characters in the user's file name.
  await ffmpeg.createDir(INPUT_DIR).catch(() => undefined);
  await ffmpeg.mount(FFFSType.WORKERFS, { blobs: [{ name: 'media', data: file }] }, INPUT_DIR);
  try {
    emit({ type: 'stage', stage: 'probing' });
    const info = await probe(ffmpeg);
    emit({ type: 'probe', info });
    const track = info.audioStreams[audioTrack];
    if (!track) throw new AppErrorException({ code: 'no-audio-stream' });
    emit({ type: 'stage', stage: 'extracting' });
    const pcm = await decode(ffmpeg, track.audioIndex, info.duration, emit);
    emit({ type: 'audio', pcm, sampleRate: WHISPER_SAMPLE_RATE }, [pcm.buffer]);
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (!signal.aborted) await cleanUp(ffmpeg);
  }
}

async function probe(ffmpeg: FFmpeg): Promise<MediaInfo> {
  const log = collectLog(ffmpeg);
  // ffprobe in ffmpeg.wasm 0.12 returns -1 even when it succeeds: judge by what it wrote.
  await ffmpeg.ffprobe(probeArgs(INPUT, PROBE_OUT)).finally(log.stop);
  const json = await ffmpeg.readFile(PROBE_OUT, 'utf8').catch(() => undefined);
  await ffmpeg.deleteFile(PROBE_OUT).catch(() => undefined);
  const info = typeof json === 'string' ? safeParseProbe(json) : undefined;
  if (!info || (info.audioStreams.length === 0 && !info.hasVideo && info.duration === undefined)) {
    throw new AppErrorException({ code: 'not-media', detail: log.tail() });
  }
  return info;
}

function safeParseProbe(json: string): MediaInfo | undefined {
  try {
    return parseProbeJson(json);
  } catch {
    return undefined;
  }
}

async function decode(
  ffmpeg: FFmpeg,
  audioIndex: number,
  duration: number | undefined,
  emit: HandlerContext<MediaEvent>['emit'],
): Promise<Float32Array> {
  const log = collectLog(ffmpeg);
  // `time` is the position reached in the output, in microseconds.
  const onProgress = ({ time }: ProgressEvent) => {
    if (duration && time > 0) emit({ type: 'progress', fraction: Math.min(1, time / 1e6 / duration) });
  };
  ffmpeg.on('progress', onProgress);
  try {
    // Decoding runs far faster than real time; a limit of real time plus a minute only catches hangs.
    const timeoutMs = 60_000 + (duration ?? 3600) * 1000;
    const code = await ffmpeg.exec(extractArgs(INPUT, PCM_OUT, audioIndex), timeoutMs);
    if (code !== 0) {
      throw new AppErrorException({ code: 'extraction-failed', detail: log.tail() });
    }
    const bytes = await ffmpeg.readFile(PCM_OUT);
    if (typeof bytes === 'string') throw new AppErrorException({ code: 'extraction-failed' });
    emit({ type: 'progress', fraction: 1 });
    return toFloat32(bytes);
  } finally {
    log.stop();
    ffmpeg.off('progress', onProgress);
  }
}

/** Keeps ffmpeg's last log lines: the technical detail of an error message. */
function collectLog(ffmpeg: FFmpeg) {
  const lines: string[] = [];
  const onLog = ({ message }: LogEvent) => {
    lines.push(message);
    if (lines.length > 8) lines.shift();
  };
  ffmpeg.on('log', onLog);
  return { stop: () => ffmpeg.off('log', onLog), tail: () => lines.join('\n').slice(-600) };
}

/** Views the bytes as float32 without copying when aligned (they always are from readFile). */
function toFloat32(bytes: Uint8Array): Float32Array {
  const usable = bytes.byteLength - (bytes.byteLength % 4);
  if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, usable / 4);
  return new Float32Array(bytes.slice(0, usable).buffer);
}

async function cleanUp(ffmpeg: FFmpeg): Promise<void> {
  await ffmpeg.deleteFile(PCM_OUT).catch(() => undefined);
  await ffmpeg.unmount(INPUT_DIR).catch(() => undefined);
}
