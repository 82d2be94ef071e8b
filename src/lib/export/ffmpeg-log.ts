/**
 * Reading ffmpeg's log while a mux runs: the first input's duration, how far the output has
 * got (`time=` in the stats line, printed about twice a second), and why a mux failed. Pure.
 */

const DURATION = /^\s*Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/;
const TIME = /\btime=\s*(-?)(\d+):(\d\d):(\d\d(?:\.\d+)?)/;
const FRAME = /^frame=\s*(\d+)\b/;
const NO_TAG = /Could not find tag for codec (\w+) in stream #\d+, codec not currently supported in container/;

/**
 * The duration in seconds from an input's `Duration:` line; undefined for other lines and for
 * `Duration: N/A`.
 *
 * @example
 * logDuration('  Duration: 00:03:00.02, start: 0.000000, bitrate: 64 kb/s'); // 180.02
 */
export function logDuration(line: string): number | undefined {
  const match = DURATION.exec(line);
  return match ? seconds(match[1], match[2], match[3]) : undefined;
}

/**
 * How many seconds of output a stats line reports; undefined for other lines. A negative time
 * (before the first packet) counts as 0.
 *
 * @example
 * logTime('frame=  900 fps=0.0 q=-1.0 Lsize=    1424kB time=00:03:00.01 bitrate=  64.8kbits/s'); // 180.01
 */
export function logTime(line: string): number | undefined {
  const match = TIME.exec(line);
  if (!match) return undefined;
  return match[1] === '-' ? 0 : seconds(match[2], match[3], match[4]);
}

/**
 * The codec the container cannot hold, when that is why ffmpeg stopped (PCM audio in MP4,
 * say); undefined otherwise.
 *
 * @example
 * unsupportedCodec('[mp4 @ 0x1] Could not find tag for codec pcm_s16le in stream #1, codec not currently supported in container'); // 'pcm_s16le'
 */
export function unsupportedCodec(log: string): string | undefined {
  return NO_TAG.exec(log)?.[1];
}

/**
 * Tracks a mux's progress from its log lines: the first `Duration:` (the video's; the subtitle
 * inputs come after it) and the latest `time=`.
 *
 * @example
 * const progress = new MuxProgress();
 * progress.read('  Duration: 00:01:00.00, …'); progress.read('… time=00:00:30.00 …'); // true
 * progress.fraction; // 0.5
 */
export class MuxProgress {
  duration: number | undefined;
  seconds = 0;
  /** Video frames written (the stats line's `frame=`; 0 for a copy without video). */
  frames = 0;

  /** Reads one log line; true when it moved the progress. */
  read(line: string): boolean {
    const frames = FRAME.exec(line.trimStart())?.[1];
    if (frames !== undefined) this.frames = Math.max(this.frames, Number(frames));
    if (this.duration === undefined) {
      const duration = logDuration(line);
      if (duration !== undefined) {
        this.duration = duration;
        return false;
      }
    }
    const time = logTime(line);
    if (time === undefined || time <= this.seconds) return false;
    this.seconds = time;
    return true;
  }

  /** 0..1 of the duration; undefined while the duration is unknown. */
  get fraction(): number | undefined {
    if (this.duration === undefined || this.duration <= 0) return undefined;
    return Math.min(1, this.seconds / this.duration);
  }
}

function seconds(hours = '0', minutes = '0', rest = '0'): number {
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(rest);
}
