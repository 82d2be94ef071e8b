import { describe, expect, it } from 'vitest';
import { isMediaInfo, parseProbeJson } from './media-info.ts';

describe('parseProbeJson', () => {
  it('lists audio streams with their details and indexes among audio streams', () => {
    const info = parseProbeJson(
      JSON.stringify({
        format: { duration: '180.000000', format_name: 'mov,mp4,m4a,3gp,3g2,mj2' },
        streams: [
          { index: 0, codec_type: 'video', codec_name: 'h264' },
          { index: 1, codec_type: 'audio', codec_name: 'aac', channels: 2, sample_rate: '48000', tags: { language: 'eng' } },
          { index: 2, codec_type: 'audio', codec_name: 'ac3', channels: 6, sample_rate: '48000', tags: { language: 'und', title: 'Commentary' } },
        ],
      }),
    );
    expect(info.duration).toBe(180);
    expect(info.hasVideo).toBe(true);
    expect(info.audioStreams).toEqual([
      { audioIndex: 0, codec: 'aac', channels: 2, sampleRate: 48000, language: 'eng', title: undefined },
      { audioIndex: 1, codec: 'ac3', channels: 6, sampleRate: 48000, language: undefined, title: 'Commentary' },
    ]);
  });

  it('does not count cover art as video, and survives missing fields', () => {
    const info = parseProbeJson(
      JSON.stringify({ streams: [{ codec_type: 'video', disposition: { attached_pic: 1 } }, { codec_type: 'audio' }] }),
    );
    expect(info.hasVideo).toBe(false);
    expect(info.duration).toBeUndefined();
    expect(info.formatName).toBe('unknown');
    expect(info.audioStreams[0]?.codec).toBe('unknown');
  });

  it('reports no audio streams for a silent video', () => {
    const info = parseProbeJson(JSON.stringify({ format: { duration: '3' }, streams: [{ codec_type: 'video' }] }));
    expect(info.audioStreams).toEqual([]);
  });
});

describe('isMediaInfo', () => {
  it('accepts what parseProbeJson makes, after a structured clone', () => {
    const info = parseProbeJson(JSON.stringify({ format: { duration: '3' }, streams: [{ codec_type: 'audio', codec_name: 'opus', channels: 2 }] }));
    expect(isMediaInfo(structuredClone(info))).toBe(true);
  });

  it('refuses nothing, and a stream list of the wrong shape', () => {
    expect(isMediaInfo(undefined)).toBe(false);
    expect(isMediaInfo({ duration: 3, formatName: 'mp4', hasVideo: false, audioStreams: [{ audioIndex: '0' }] })).toBe(false);
  });
});
