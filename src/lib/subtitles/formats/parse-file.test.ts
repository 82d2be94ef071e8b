import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../cue.ts';
import { SubtitleParseError, type SubtitleParseErrorCode } from '../parse-error.ts';
import { decodeSubtitleText } from './decode.ts';
import { detectSubtitleFormat, parseSubtitleFile } from './parse-file.ts';

const fixture = (name: string): string => decodeSubtitleText(readFileSync(new URL(`../../../../tests/fixtures/subtitles/${name}`, import.meta.url)));
const cue = (start: number, end: number, text: string): Cue => ({ start, end, text });

function parseError(fileName: string, text: string): SubtitleParseErrorCode | undefined {
  try {
    parseSubtitleFile(fileName, text);
  } catch (error) {
    if (error instanceof SubtitleParseError) return error.code;
    throw error;
  }
  return undefined;
}

// The same lecture in SRT and WebVTT; markup, entities and cue settings gone.
const LECTURE = [
  cue(1.2, 3.48, 'Welcome to the first lecture.'),
  cue(3.48, 6.9, "Today: cells & what they're made of."),
  cue(7.5, 10.25, '欢迎来到第一课。\n我们今天讲细胞。'),
  cue(11, 12, 'Questions -> at the end.'),
];

describe('parseSubtitleFile with the fixtures', () => {
  it('reads the SRT file (BOM, CRLF, <i> tags)', () => {
    expect(parseSubtitleFile('lecture.srt', fixture('lecture.srt'))).toEqual(LECTURE);
  });

  it('reads the WebVTT file (header text, NOTE, STYLE, ids, settings, tags, entities)', () => {
    expect(parseSubtitleFile('lecture.vtt', fixture('lecture.vtt'))).toEqual(LECTURE);
  });

  it('reads the ASS file: Dialogue events sorted by time, no Comment, no tags, no drawing', () => {
    expect(parseSubtitleFile('lecture.ass', fixture('lecture.ass'))).toEqual([
      cue(1.2, 3.48, '欢迎来到第一课。\nWelcome to the first lecture.'),
      cue(3.48, 6.9, '细胞是什么？\nWhat is a cell?'),
      cue(7.5, 10.25, '我们今天讲细胞。\nToday we talk about cells.'),
      cue(11, 12, '第一课 · Lecture 1'),
    ]);
  });

  it('reads the SSA (v4) file', () => {
    expect(parseSubtitleFile('old.ssa', fixture('old.ssa'))).toEqual([cue(1, 2.5, 'Hello, world!'), cue(3, 4, 'Second\nline')]);
  });

  it('refuses the file that is not subtitles', () => {
    expect(parseError('not-subtitles.txt', fixture('not-subtitles.txt'))).toBe('not-subtitles');
    expect(parseError('not-subtitles.srt', fixture('not-subtitles.txt'))).toBe('not-subtitles');
  });
});

describe('detectSubtitleFormat', () => {
  it('goes by the content, whatever the name says', () => {
    expect(detectSubtitleFormat('lecture.srt', fixture('lecture.vtt'))).toBe('vtt');
    expect(detectSubtitleFormat('lecture.vtt', fixture('lecture.ass'))).toBe('ass');
    expect(detectSubtitleFormat('lecture.txt', fixture('lecture.srt'))).toBe('srt');
    expect(detectSubtitleFormat('lecture', fixture('old.ssa'))).toBe('ass');
    expect(detectSubtitleFormat('cues.srt', '{"format":"zimu-cues"}')).toBe('json');
    expect(detectSubtitleFormat('a.txt', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi')).toBe('vtt');
    expect(detectSubtitleFormat('a.txt', '\r\n; made by hand\r\n\r\n[events]\r\n')).toBe('ass');
  });

  it('does not take a subtitle that says "[Events]" for an ASS script', () => {
    expect(detectSubtitleFormat('a.srt', '1\n00:00:01,000 --> 00:00:02,000\n[Events]\n')).toBe('srt');
  });

  it('uses the name only to read a WebVTT file that lacks its header', () => {
    const headerless = '00:01.000 --> 00:02.000\nTom &amp; Jerry\n';
    expect(detectSubtitleFormat('clip.VTT', headerless)).toBe('vtt');
    expect(detectSubtitleFormat('clip.srt', headerless)).toBe('srt');
    expect(parseSubtitleFile('clip.vtt', `\uFEFF${headerless}`)).toEqual([cue(1, 2, 'Tom & Jerry')]);
  });
});

describe('parseSubtitleFile errors', () => {
  it('says empty-file for empty and blank text', () => {
    expect(parseError('a.srt', '')).toBe('empty-file');
    expect(parseError('a.srt', '\uFEFF \r\n\t')).toBe('empty-file');
  });

  it('says not-subtitles for binary data and for prose', () => {
    const video = decodeSubtitleText(readFileSync(new URL('../../../../tests/fixtures/media/clip-10s.mp4', import.meta.url)));
    expect(parseError('clip-10s.srt', video)).toBe('not-subtitles');
    expect(parseError('notes.txt', 'Remember: the meeting is at 10:30.\nBring -> slides.')).toBe('not-subtitles');
    expect(parseError('notes.json', '{ not json')).toBe('not-subtitles');
  });

  it('says unsupported-json for JSON of another shape, and unsupported-json-version for a newer file', () => {
    expect(parseError('data.json', '{"cues":[{"start":0,"end":1,"text":"x"}]}')).toBe('unsupported-json');
    expect(parseError('data.json', '[1, 2, 3]')).toBe('unsupported-json');
    expect(parseError('data.json', '{"format":"zimu-cues","version":9,"cues":[]}')).toBe('unsupported-json-version');
  });

  it('says no-cues for a subtitle file without one readable cue', () => {
    expect(parseError('a.srt', '1\n00:00:05,000 --> 00:00:01,000\nbackwards\n')).toBe('no-cues');
    expect(parseError('a.srt', '1\n00:00:01,000 --> 00:00:02,000\n\n')).toBe('no-cues');
    expect(parseError('a.vtt', 'WEBVTT\n\nNOTE nothing here\n')).toBe('no-cues');
    expect(parseError('a.ass', '[Script Info]\nTitle: x\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n')).toBe('no-cues');
    expect(parseError('a.json', '{"format":"zimu-cues","version":1,"cues":[]}')).toBe('no-cues');
  });

  it('keeps parseVtt’s own code for a file it is handed without a header', () => {
    // parseSubtitleFile never sends such a file to parseVtt, but the code stays valid.
    expect(new SubtitleParseError('missing-webvtt-header', '').code).toBe('missing-webvtt-header');
  });
});

describe('parseSubtitleFile markup', () => {
  it('drops SubRip formatting tags and ASS blocks in SRT, but keeps other angle brackets', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color="#ff0000">Red</font> <B>bold</B> <3 a<b\n';
    expect(parseSubtitleFile('a.srt', srt)).toEqual([cue(1, 2, 'Red bold <3 a<b')]);
  });
});
