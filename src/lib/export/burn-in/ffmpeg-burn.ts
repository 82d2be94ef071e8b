/// <reference lib="webworker" />
import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';
import { AppErrorException } from '../../errors.ts';
import { collectLog, getFFmpegCore, mountFile, type FFmpegCore } from '../../media/ffmpeg-core.ts';
import type { HandlerContext } from '../../workers/host.ts';
import type { ExportEvent, ExportRequest } from '../export-protocol.ts';
import { logTime } from '../ffmpeg-log.ts';
import { OUTPUT_DEVICE, outputError, runToOutput, throwIfCancelled } from '../ffmpeg-output.ts';
import { loadAssFonts } from './ass-font-files.ts';
import { burnArgs, canCopyAudio } from './ffmpeg-burn-args.ts';
import { measurePace, type PacePoint } from './ffmpeg-pace.ts';
import { toBurnAss } from './burn-ass.ts';
import type { BurnEnd, BurnEstimate, BurnPlan } from './burn-in-protocol.ts';

type Context = HandlerContext<ExportEvent>;
type EstimateRequest = Extract<ExportRequest, { type: 'burn-estimate' }>;
type BurnRequest = Extract<ExportRequest, { type: 'burn' }>;

const INPUT_DIR = '/burn-input';
const WORK_DIR = '/burn';
const FONTS_DIR = `${WORK_DIR}/fonts`;
const ASS_PATH = `${WORK_DIR}/subtitles.ass`;

/** What the fallback needs to know of the input: the plan, and whether its audio can be copied. */
interface Probe {
  readonly plan: BurnPlan;
  readonly copyAudio: boolean;
}

async function probe(file: File): Promise<Probe> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new AppErrorException({ code: 'burn-in-no-video' });
    const audio = await input.getAudioTracks();
    const plan: BurnPlan = {
      path: 'ffmpeg', codec: 'x264', container: 'mp4', width: track.displayWidth, height: track.displayHeight, duration: await input.computeDuration(),
    };
    return { plan, copyAudio: audio.every((t) => canCopyAudio(t.codec)) };
  } finally {
    input.dispose();
  }
}

/**
 * Writes the fonts and the ASS script into ffmpeg's memory and mounts the input (read through
 * WORKERFS, never copied). Returns the clean-up.
 */
async function prepare(core: FFmpegCore, request: EstimateRequest | BurnRequest, plan: BurnPlan, context: Context): Promise<() => void> {
  context.emit({ type: 'stage', stage: 'loading-font' });
  const fonts = await loadAssFonts(self.fonts, request.cues.map((cue) => cue.text));
  throwIfCancelled(context);
  const ass = toBurnAss({ cues: request.cues, frame: plan, style: request.style, measure: fonts.measure, groupOf: fonts.plan.groupOf });
  for (const dir of [WORK_DIR, FONTS_DIR]) if (!core.FS.analyzePath(dir).exists) core.FS.mkdir(dir);
  const written = fonts.files.map((file) => `${FONTS_DIR}/${file.name}`);
  fonts.files.forEach((file, index) => core.FS.writeFile(written[index] ?? '', file.bytes));
  core.FS.writeFile(ASS_PATH, ass);
  const unmount = mountFile(core, INPUT_DIR, 'media', request.file);
  return () => {
    for (const path of [...written, ASS_PATH]) core.FS.unlink(path);
    unmount();
  };
}

async function start(request: EstimateRequest | BurnRequest, context: Context): Promise<{ core: FFmpegCore; probed: Probe; cleanUp: () => void }> {
  if (request.file.size === 0) throw new AppErrorException({ code: 'empty-file' });
  context.emit({ type: 'stage', stage: 'loading-engine' });
  const [core, probed] = await Promise.all([getFFmpegCore(), probe(request.file)]);
  throwIfCancelled(context);
  const cleanUp = await prepare(core, request, probed.plan, context);
  return { core, probed, cleanUp };
}

/**
 * Times the first `sampleSeconds` of the fallback burn-in (libass and x264 into nothing) to say
 * how long the whole file will take on this device.
 */
export async function estimateFfmpegBurn(request: EstimateRequest, context: Context): Promise<BurnEstimate> {
  const { core, probed, cleanUp } = await start(request, context);
  const sample = Math.min(request.sampleSeconds, probed.plan.duration);
  const args = burnArgs({ input: `${INPUT_DIR}/media`, ass: ASS_PATH, fontsDir: FONTS_DIR, copyAudio: probed.copyAudio, output: '/dev/null', sampleSeconds: sample });
  const points: PacePoint[] = [];
  const log = collectLog(core, (line) => {
    const media = logTime(line);
    if (media !== undefined && media > 0) points.push({ wallMs: performance.now(), media });
  });
  try {
    const started = performance.now();
    core.setTimeout(-1);
    const code = core.exec(...args);
    const ended = performance.now();
    core.reset();
    throwIfCancelled(context);
    if (code !== 0) throw new AppErrorException({ code: 'burn-in-failed', detail: log.tail() || `ffmpeg exit code ${code}` });
    const { speed, startup } = measurePace(points, started, ended, sample);
    return { ...probed.plan, speed, seconds: startup + probed.plan.duration / speed };
  } finally {
    log.stop();
    cleanUp();
  }
}

/** Burns the cues in with libass and x264 `veryfast`, streaming the MP4 to the page as it is written. */
export async function ffmpegBurn(request: BurnRequest, context: Context): Promise<BurnEnd> {
  const { core, probed, cleanUp } = await start(request, context);
  context.emit({ type: 'stage', stage: 'burning' });
  const args = burnArgs({ input: `${INPUT_DIR}/media`, ass: ASS_PATH, fontsDir: FONTS_DIR, copyAudio: probed.copyAudio, output: OUTPUT_DEVICE });
  try {
    const run = runToOutput(core, args, request, context);
    if (run.code !== 0) throw outputError(run);
    return { bytes: run.bytes, chunks: run.chunks, frames: run.frames };
  } finally {
    cleanUp();
  }
}
