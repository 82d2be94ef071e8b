import { describe, expect, it } from 'vitest';
import { muxArgs } from './mux-args.ts';

const subtitles = [
  { path: '/subs/0.srt', language: 'eng', title: 'English', isDefault: false },
  { path: '/subs/1.srt', language: 'zho', title: '中文\n（中国）', isDefault: true },
];

describe('muxArgs', () => {
  it('copies video and audio, converts the tracks to mov_text and tags them for MP4', () => {
    expect(muxArgs({ input: '/in/media', subtitles, container: 'mp4', output: '/out' })).toEqual([
      '-hide_banner',
      '-i', '/in/media', '-i', '/subs/0.srt', '-i', '/subs/1.srt',
      '-map', '0:v?', '-map', '0:a?', '-map', '1:0', '-map', '2:0',
      '-c:v', 'copy', '-c:a', 'copy', '-c:s', 'mov_text',
      '-metadata:s:s:0', 'language=eng', '-metadata:s:s:0', 'title=English', '-metadata:s:s:0', 'handler_name=English', '-disposition:s:0', '0',
      '-metadata:s:s:1', 'language=zho', '-metadata:s:s:1', 'title=中文 （中国）', '-metadata:s:s:1', 'handler_name=中文 （中国）', '-disposition:s:1', 'default',
      '-f', 'mp4', '-truncate', '0', '/out',
    ]);
  });

  it('keeps the subtitle files as they are in Matroska, with no handler names', () => {
    const args = muxArgs({ input: '/in/media', subtitles: subtitles.slice(0, 1), container: 'mkv', output: '/out' });
    expect(args.slice(args.indexOf('-c:s'), args.indexOf('-c:s') + 2)).toEqual(['-c:s', 'copy']);
    expect(args).not.toContain('handler_name=English');
    expect(args.slice(-5)).toEqual(['-f', 'matroska', '-truncate', '0', '/out']);
  });

  it('copies the streams alone when there are no tracks', () => {
    expect(muxArgs({ input: '/in/media', subtitles: [], container: 'mp4', output: '/out' })).toEqual([
      '-hide_banner', '-i', '/in/media', '-map', '0:v?', '-map', '0:a?', '-c:v', 'copy', '-c:a', 'copy', '-c:s', 'mov_text', '-f', 'mp4', '-truncate', '0', '/out',
    ]);
  });
});
