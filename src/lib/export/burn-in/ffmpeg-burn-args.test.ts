import { describe, expect, it } from 'vitest';
import { burnArgs, canCopyAudio } from './ffmpeg-burn-args.ts';

const SPEC = { input: '/in/media', ass: '/burn/s.ass', fontsDir: '/burn/fonts', copyAudio: true, output: '/out' };

describe('burnArgs', () => {
  it('draws with libass from the fonts folder, encodes with x264 veryfast, copies the audio into MP4', () => {
    const args = burnArgs(SPEC);
    expect(args.join(' ')).toContain('-vf ass=/burn/s.ass:fontsdir=/burn/fonts -c:v libx264 -preset veryfast -pix_fmt yuv420p');
    expect(args.join(' ')).toContain('-c:a copy -f mp4 -truncate 0 /out');
    expect(args).not.toContain('-t');
  });

  it('re-encodes audio MP4 cannot hold, and times a sample into nothing', () => {
    const args = burnArgs({ ...SPEC, copyAudio: false, output: '/dev/null', sampleSeconds: 1 });
    expect(args.join(' ')).toContain('-c:a aac');
    expect(args.join(' ')).toContain('-t 1 ');
    expect(args.slice(-3)).toEqual(['-f', 'null', '/dev/null']);
  });
});

describe('canCopyAudio', () => {
  it('copies what MP4 holds', () => {
    expect(canCopyAudio('aac')).toBe(true);
    expect(canCopyAudio('pcm-s16')).toBe(false);
    expect(canCopyAudio(null)).toBe(false);
  });
});
