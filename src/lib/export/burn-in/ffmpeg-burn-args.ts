/** What one fallback burn-in (or its timed sample) reads and writes, as paths in ffmpeg's file system. */
export interface BurnArgsSpec {
  readonly input: string;
  readonly ass: string;
  /** The folder holding the font files; libass has no fontconfig here, so it reads them from there. */
  readonly fontsDir: string;
  /** Copy the audio as it is (else AAC): see {@link canCopyAudio}. */
  readonly copyAudio: boolean;
  readonly output: string;
  /** Only this much media, into nothing (`-f null`): the estimate's timing run. */
  readonly sampleSeconds?: number;
}

/** Audio codecs (mediabunny's names) MP4 holds as they are; anything else is re-encoded to AAC. */
const MP4_AUDIO = new Set(['aac', 'mp3', 'ac3', 'eac3', 'opus', 'flac', 'alac']);

/**
 * Whether an audio track in this codec (mediabunny's name; null when unknown) can be copied into
 * the MP4 unchanged. Pure.
 *
 * @example
 * canCopyAudio('aac'); // true
 * canCopyAudio('pcm-s16'); // false
 */
export function canCopyAudio(codec: string | null): boolean {
  return codec !== null && MP4_AUDIO.has(codec);
}

/**
 * ffmpeg arguments for the fallback burn-in: the first video stream through libass's `ass`
 * filter (fonts from `fontsDir`), x264 `veryfast` in 4:2:0, every frame kept with its own time
 * (`-fps_mode passthrough`: none dropped or doubled), the audio copied where MP4 holds it; the
 * MP4 written to a device, which cannot be truncated. Pure.
 *
 * @example
 * burnArgs({ input: '/in/media', ass: '/burn/s.ass', fontsDir: '/burn/fonts', copyAudio: true, output: '/out' });
 * // ['-hide_banner', '-i', '/in/media', '-map', '0:v:0', '-map', '0:a?', '-vf', 'ass=/burn/s.ass:fontsdir=/burn/fonts', …]
 */
export function burnArgs(spec: BurnArgsSpec): string[] {
  const sample = spec.sampleSeconds !== undefined;
  return [
    '-hide_banner',
    '-i', spec.input,
    ...(sample ? ['-t', String(spec.sampleSeconds)] : []),
    '-map', '0:v:0',
    '-map', '0:a?',
    '-vf', `ass=${spec.ass}:fontsdir=${spec.fontsDir}`,
    '-c:v', 'libx264',
    '-preset', 'veryfast',
    '-pix_fmt', 'yuv420p',
    '-fps_mode', 'passthrough',
    ...(spec.copyAudio ? ['-c:a', 'copy'] : ['-c:a', 'aac', '-b:a', '160k']),
    ...(sample ? ['-f', 'null'] : ['-f', 'mp4', '-truncate', '0']),
    spec.output,
  ];
}
