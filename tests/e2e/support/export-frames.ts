import { execFileSync } from 'node:child_process';

/** One decoded frame as packed RGB, from native ffmpeg. */
export interface RgbFrame {
  readonly width: number;
  readonly height: number;
  readonly rgb: Buffer;
}

/** The video's frame count (decoded, not read from the header) and duration, from native ffprobe. */
export function frameCountAndDuration(file: string): { frames: number; duration: number } {
  const out = execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames:format=duration', '-of', 'json', file], { encoding: 'utf8' });
  const parsed: unknown = JSON.parse(out);
  const streams: unknown = parsed && typeof parsed === 'object' ? Reflect.get(parsed, 'streams') : undefined;
  const format: unknown = parsed && typeof parsed === 'object' ? Reflect.get(parsed, 'format') : undefined;
  const stream: unknown = Array.isArray(streams) ? streams[0] : undefined;
  return {
    frames: Number(stream && typeof stream === 'object' ? Reflect.get(stream, 'nb_read_frames') : NaN),
    duration: Number(format && typeof format === 'object' ? Reflect.get(format, 'duration') : NaN),
  };
}

/** The frame shown at `seconds` (accurate seek), decoded by native ffmpeg into RGB. */
export function frameAt(file: string, seconds: number, width: number, height: number): RgbFrame {
  const rgb = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-ss', seconds.toFixed(3), '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 64 * 1024 * 1024 });
  if (rgb.length !== width * height * 3) throw new Error(`frame at ${seconds} s: ${rgb.length} bytes, expected ${width * height * 3}`);
  return { width, height, rgb };
}

/** A band of rows, as shares of the height: [from, to). */
export interface Band {
  readonly from: number;
  readonly to: number;
}

/** Mean absolute difference per channel (0–255) between two frames inside `band`. */
export function meanDifference(a: RgbFrame, b: RgbFrame, band: Band): number {
  const first = Math.floor(a.height * band.from);
  const last = Math.ceil(a.height * band.to);
  let sum = 0;
  let count = 0;
  for (let row = first; row < last; row++) {
    for (let i = row * a.width * 3; i < (row + 1) * a.width * 3; i++) {
      sum += Math.abs((a.rgb[i] ?? 0) - (b.rgb[i] ?? 0));
      count++;
    }
  }
  return count ? sum / count : 0;
}

/** Share of pixels inside `band` that differ by more than `threshold` in some channel. */
export function changedShare(a: RgbFrame, b: RgbFrame, band: Band, threshold = 60): number {
  const first = Math.floor(a.height * band.from);
  const last = Math.ceil(a.height * band.to);
  let changed = 0;
  let count = 0;
  for (let row = first; row < last; row++) {
    for (let p = row * a.width; p < (row + 1) * a.width; p++) {
      const i = p * 3;
      const d = Math.max(Math.abs((a.rgb[i] ?? 0) - (b.rgb[i] ?? 0)), Math.abs((a.rgb[i + 1] ?? 0) - (b.rgb[i + 1] ?? 0)), Math.abs((a.rgb[i + 2] ?? 0) - (b.rgb[i + 2] ?? 0)));
      if (d > threshold) changed++;
      count++;
    }
  }
  return count ? changed / count : 0;
}
