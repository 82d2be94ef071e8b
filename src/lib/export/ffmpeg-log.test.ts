import { describe, expect, it } from 'vitest';
import { logDuration, logTime, MuxProgress, unsupportedCodec } from './ffmpeg-log.ts';

describe('ffmpeg log lines', () => {
  it('reads an input duration, and nothing from N/A or other lines', () => {
    expect(logDuration('  Duration: 00:03:00.02, start: 0.000000, bitrate: 64 kb/s')).toBeCloseTo(180.02, 9);
    expect(logDuration('  Duration: 12:00:00.5, start: 0')).toBe(43200.5);
    expect(logDuration('  Duration: N/A, bitrate: N/A')).toBeUndefined();
    expect(logDuration('frame=1 time=00:00:01.00')).toBeUndefined();
  });

  it('reads the time of a stats line, a negative one as 0', () => {
    expect(logTime('frame=  900 fps=0.0 q=-1.0 Lsize=    1424kB time=00:03:00.01 bitrate=  64.8kbits/s speed=1.22e+03x')).toBeCloseTo(180.01, 9);
    expect(logTime('size=       0kB time=-00:00:00.02 bitrate=N/A')).toBe(0);
    expect(logTime('size=N/A time=N/A bitrate=N/A')).toBeUndefined();
    expect(logTime('  Duration: 00:03:00.02')).toBeUndefined();
  });

  it('names the codec a container cannot hold', () => {
    expect(unsupportedCodec('[mp4 @ 0x5621100e6d00] Could not find tag for codec pcm_s16le in stream #1, codec not currently supported in container')).toBe('pcm_s16le');
    expect(unsupportedCodec('Could not write header for output file #0 (incorrect codec parameters ?): Invalid argument')).toBeUndefined();
  });
});

describe('MuxProgress', () => {
  it('measures the output time against the first input duration', () => {
    const progress = new MuxProgress();
    expect(progress.fraction).toBeUndefined();
    expect(progress.read('  Duration: 00:01:00.00, start: 0.000000, bitrate: 64 kb/s')).toBe(false);
    expect(progress.read('  Duration: 00:00:05.00, start: 0.000000')).toBe(false); // a subtitle input's
    expect(progress.read('frame=1 size=0kB time=00:00:30.00 bitrate=N/A')).toBe(true);
    expect(progress.fraction).toBe(0.5);
    expect(progress.read('frame=1 size=0kB time=00:00:30.00 bitrate=N/A')).toBe(false);
    expect(progress.read('frame=1 size=0kB time=00:01:00.05 bitrate=N/A')).toBe(true);
    expect(progress.fraction).toBe(1);
  });

  it('counts the video frames written from the stats line', () => {
    const progress = new MuxProgress();
    progress.read('frame=   48 fps=9.1 q=28.0 size=     256kB time=00:00:01.92 bitrate=1092.3kbits/s speed=0.36x');
    progress.read('frame=  250 fps=9.3 q=-1.0 Lsize=    1337kB time=00:00:09.92 bitrate=1104.1kbits/s speed=0.37x');
    expect(progress.frames).toBe(250);
  });
});
