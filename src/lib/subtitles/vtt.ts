import type { Cue } from './cue.ts';
import { isBlank, splitLines } from './lines.ts';
import { normalizeCues } from './normalize.ts';
import { SubtitleParseError } from './parse-error.ts';
import { formatTimestamp, parseTimestamp } from './time.ts';

// `WEBVTT` alone, or followed by a space or tab and anything (a title, say).
const HEADER = /^WEBVTT(?:[ \t].*)?$/;
// Blocks that are not cues: comments, style sheets and region definitions.
const NON_CUE_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
// `start --> end` then optional cue settings (`align:start position:10%`), which we drop.
const TIMING_LINE = /^\s*(\S+)\s*-->\s*(\S+)(?:\s.*)?$/;
const ENTITY = /&(?:#(\d+)|#[xX]([\da-fA-F]+)|([a-zA-Z]+));/g;
const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00A0'],
  ['lrm', '\u200E'],
  ['rlm', '\u200F'],
]);

interface OpenCue {
  start: number;
  end: number;
  lines: string[];
}

/**
 * Writes cues as WebVTT text: normalized, `HH:MM:SS.mmm` times, `&`, `<` and `>` escaped.
 *
 * @example
 * toVtt([{ start: 1, end: 2.5, text: 'Tom & Jerry' }]);
 * // 'WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nTom &amp; Jerry\n'
 */
export function toVtt(cues: readonly Cue[]): string {
  const blocks = normalizeCues(cues).map((cue) => {
    const timing = `${formatTimestamp(cue.start, '.')} --> ${formatTimestamp(cue.end, '.')}`;
    return `${timing}\n${escapeText(cue.text)}\n`;
  });
  return ['WEBVTT\n', ...blocks].join('\n');
}

/**
 * Reads WebVTT text into cues, in file order, as plain text without tags or entities.
 *
 * Skips NOTE, STYLE and REGION blocks, cue identifiers and cue settings, accepts hour-less
 * times, and skips cues whose timing cannot be read.
 *
 * @throws {SubtitleParseError} `missing-webvtt-header` when the text does not start with `WEBVTT`.
 * @example
 * parseVtt('WEBVTT\n\nintro\n00:01.000 --> 00:02.500 align:start\n<v Ann>Hi &amp; bye\n');
 * // [{ start: 1, end: 2.5, text: 'Hi & bye' }]
 */
export function parseVtt(text: string): Cue[] {
  const [header = '', ...lines] = splitLines(text);
  if (!HEADER.test(header)) {
    throw new SubtitleParseError(
      'missing-webvtt-header',
      'Not a WebVTT file: the first line must be "WEBVTT", optionally followed by a space and text.',
    );
  }
  return splitBlocks(lines).flatMap(parseBlock);
}

function splitBlocks(lines: readonly string[]): string[][] {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (isBlank(line)) blocks.push([]);
    else blocks.at(-1)?.push(line);
  }
  return blocks.filter((block) => block.length > 0);
}

/**
 * One blank-line-separated block: a cue is its first `-->` line plus the lines after it.
 * Lines before it are an identifier (or, right after the header, header metadata such as
 * `Kind: captions`). As in the WebVTT parser, a later `-->` line ends the cue and starts
 * another one; a `-->` line that does not parse discards the lines up to the next one.
 */
function parseBlock(block: readonly string[]): Cue[] {
  if (NON_CUE_BLOCK.test(block[0] ?? '')) return [];
  const cues: Cue[] = [];
  let open: OpenCue | undefined;
  for (const line of block) {
    if (line.includes('-->')) {
      if (open) cues.push(closeCue(open));
      open = parseTimingLine(line);
    } else {
      // Identifier lines (before any timing) and text of unreadable cues are skipped.
      open?.lines.push(line);
    }
  }
  if (open) cues.push(closeCue(open));
  return cues;
}

function parseTimingLine(line: string): OpenCue | undefined {
  const match = TIMING_LINE.exec(line);
  if (!match) return undefined;
  const start = parseTimestamp(match[1] ?? '');
  const end = parseTimestamp(match[2] ?? '');
  return start === undefined || end === undefined ? undefined : { start, end, lines: [] };
}

function closeCue(open: OpenCue): Cue {
  return { start: open.start, end: open.end, text: open.lines.map(toPlainText).join('\n') };
}

// `>` is escaped too so that no text line can contain `-->` and be read as a timing line.
function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Strips cue tags (`<v Ann>`, `<c.loud>`, `<i>`, `<00:00:01.000>`) and decodes entities. */
function toPlainText(line: string): string {
  const withoutTags = line
    // Ruby annotations (`<rt>ふりがな</rt>`) would otherwise run into the base text.
    .replace(/<rt(?:[\s.][^>]*)?>.*?(?:<\/rt>|(?=<\/ruby>)|$)/g, '')
    .replace(/<[^>]*>/g, '');
  // One pass, so `&amp;lt;` decodes to the text `&lt;`, not to `<`.
  return withoutTags.replace(ENTITY, decodeEntity);
}

function decodeEntity(entity: string, decimal?: string, hex?: string, name?: string): string {
  const codePoint = decimal ? Number.parseInt(decimal, 10) : hex ? Number.parseInt(hex, 16) : undefined;
  if (codePoint !== undefined) {
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  }
  return (name === undefined ? undefined : NAMED_ENTITIES.get(name)) ?? entity;
}
