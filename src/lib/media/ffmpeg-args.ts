/** Sample rate Whisper expects. */
import { SAMPLE_RATE } from './sample-rate.ts';

/** ffprobe arguments that write the container's streams as JSON to `outputPath`. */
export function probeArgs(inputPath: string, outputPath: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', inputPath, '-o', outputPath];
}

/**
 * ffmpeg arguments that decode one audio stream to 16 kHz mono float32 PCM in one continuous
 * pass (seeking per window leaves seams: decoder and resampler restart in a different state).
 * `-rematrix_maxval 1.0` keeps the stereo→mono mix at (L+R)/2 instead of 0.707·(L+R), which clips.
 * `-truncate 0` because the output is a device, which cannot be truncated.
 */
export function extractArgs(inputPath: string, outputPath: string, audioIndex: number): string[] {
  return [
    '-hide_banner',
    '-i', inputPath,
    '-map', `0:a:${audioIndex}`,
    '-vn', '-sn', '-dn',
    '-ac', '1',
    '-ar', String(SAMPLE_RATE),
    '-rematrix_maxval', '1.0',
    '-f', 'f32le',
    '-truncate', '0',
    outputPath,
  ];
}
