import type { Cue } from '../cue.ts';
import { normalizeCues } from '../normalize.ts';
import { SubtitleParseError } from '../parse-error.ts';
import { parseSrt } from '../srt.ts';
import { parseVtt } from '../vtt.ts';
import { parseAss } from './ass-parser.ts';
import { parseCuesJson } from './cues-json.ts';
import type { ExportCue } from './export-document.ts';

/** The subtitle formats Zimu reads. */
export type SubtitleFileFormat = 'srt' | 'vtt' | 'ass' | 'json';

const WEBVTT_HEADER = /^WEBVTT(?:[ \t]|$)/;
// ASS and SSA scripts open with a section header (`[Script Info]`, by the spec), after at
// most blank lines and `;` comments. Only the opening counts: a subtitle may well say "[Events]".
const ASS_OPENING = /^(?:[ \t]*(?:;[^\n]*)?\n)*[ \t]*\[(?:Script Info|V4\+? Styles|Events)\][ \t]*(?:\n|$)/i;
// A line that starts with `start -->`, as SRT and WebVTT cue timings do. JSON cannot hold
// one (its strings cannot span lines), so this test may run before the JSON one.
const TIMING_LINE = /^[ \t]*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->/m;

// The formatting tags SubRip players honour, and ASS override blocks, which many SRT writers
// (and ffmpeg's reader) treat as markup too. Anything else in angle brackets (`<3`) is text.
const SRT_MARKUP = /<\/?(?:b|i|u|s|font)(?:\s[^>]*)?>|\{\\[^}]*\}/gi;

const READERS: Readonly<Record<SubtitleFileFormat, (text: string) => Cue[]>> = {
  srt: (text) => parseSrt(text).map((cue) => ({ ...cue, text: cue.text.replace(SRT_MARKUP, '') })),
  // A headerless WebVTT file (only ever chosen for a `.vtt` name) is read as WebVTT, as
  // players do, rather than refused: its entities and tags still need WebVTT's reading.
  vtt: (text) => parseVtt(hasWebVttHeader(text) ? text : `WEBVTT\n\n${withoutBom(text)}`),
  ass: parseAss,
  // The import gives plain cues; translations are for parseCuesJson's callers.
  json: (text) => parseCuesJson(text).cues.map(withoutTranslation),
};

function withoutTranslation({ start, end, text, words }: ExportCue): Cue {
  return words ? { start, end, text, words } : { start, end, text };
}

/**
 * Reads a subtitle file (SRT, WebVTT, ASS/SSA, or Zimu's cues JSON) into normalized cues.
 * The content decides the format; the name is only a hint, for a WebVTT file without its
 * `WEBVTT` line. SubRip tags, ASS override tags and WebVTT markup are dropped, line breaks
 * kept; a cues JSON file gives its original text (`parseCuesJson` reads the translations).
 *
 * @throws {SubtitleParseError} `empty-file`, `not-subtitles`, `unsupported-json`,
 *   `unsupported-json-version`, or `no-cues` when a subtitle file holds no readable cue.
 * @example
 * parseSubtitleFile('talk.ass', assText); // [{ start: 1, end: 2.5, text: '你好\nHello' }, …]
 * parseSubtitleFile('notes.txt', 'just some notes'); // throws SubtitleParseError 'not-subtitles'
 */
export function parseSubtitleFile(fileName: string, text: string): Cue[] {
  const format = detectSubtitleFormat(fileName, text);
  const cues = normalizeCues(READERS[format](text));
  if (cues.length === 0) throw new SubtitleParseError('no-cues', `This ${format} file holds no readable subtitle.`);
  return cues;
}

/**
 * Which subtitle format a file's text is in, from its content; the name breaks a tie only
 * between SRT and a WebVTT file without its header.
 *
 * @throws {SubtitleParseError} `empty-file` for blank text, `not-subtitles` when no format fits.
 * @example
 * detectSubtitleFormat('clip.srt', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi'); // 'vtt'
 * detectSubtitleFormat('clip.vtt', '00:01.000 --> 00:02.000\nHi'); // 'vtt'
 * detectSubtitleFormat('clip.txt', '1\n00:00:01,000 --> 00:00:02,000\nHi'); // 'srt'
 */
export function detectSubtitleFormat(fileName: string, text: string): SubtitleFileFormat {
  const body = withoutBom(text);
  if (body.trim() === '') throw new SubtitleParseError('empty-file', 'The file is empty.');
  // Text files never hold NUL; decoded video, audio and images nearly always do.
  if (body.includes('\0')) throw new SubtitleParseError('not-subtitles', 'Not a subtitle file: it holds binary data.');
  if (hasWebVttHeader(body)) return 'vtt';
  if (ASS_OPENING.test(body.replace(/\r\n?/g, '\n'))) return 'ass';
  if (TIMING_LINE.test(body)) return /\.vtt$/i.test(fileName.trim()) ? 'vtt' : 'srt';
  if (/^\s*[[{]/.test(body)) return 'json';
  throw new SubtitleParseError('not-subtitles', 'Not a subtitle file: no SRT, WebVTT, ASS or Zimu JSON content found.');
}

function hasWebVttHeader(text: string): boolean {
  return WEBVTT_HEADER.test(withoutBom(text).split(/\r\n|\r|\n/, 1)[0] ?? '');
}

function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
