import type { Cue } from './cue.ts';
import { isBlank, splitLines } from './lines.ts';
import { normalizeCues } from './normalize.ts';
import { formatTimestamp, parseTimestamp } from './time.ts';

// `start --> end`, optionally followed by position coordinates (`X1:40 X2:600 Y1:20 Y2:50`).
// The timestamps themselves are checked by parseTimestamp.
const TIMING_LINE = /^\s*([\d:.,]+)\s*-->\s*([\d:.,]+)(?:\s.*)?$/;
const INDEX_LINE = /^\s*\d+\s*$/;

interface OpenCue {
  start: number;
  end: number;
  lines: string[];
}

/**
 * Writes cues as SubRip text: normalized, numbered from 1, `\n` line endings.
 *
 * @example
 * toSrt([{ start: 1, end: 2.5, text: 'Hello' }]);
 * // '1\n00:00:01,000 --> 00:00:02,500\nHello\n'
 */
export function toSrt(cues: readonly Cue[]): string {
  return normalizeCues(cues)
    .map((cue, index) => {
      const timing = `${formatTimestamp(cue.start, ',')} --> ${formatTimestamp(cue.end, ',')}`;
      return `${index + 1}\n${timing}\n${cue.text}\n`;
    })
    .join('\n');
}

/**
 * Reads SubRip text into cues, in file order, skipping blocks it cannot make sense of.
 *
 * Tolerates a BOM, CRLF or CR line endings, missing or non-numeric index lines, extra
 * blank lines, `.` instead of `,` in times and position coordinates after the times.
 * Text is kept as written (including tags like `<i>`); run normalizeCues to tidy it.
 *
 * @example
 * parseSrt('1\r\n00:00:01,000 --> 00:00:02,500\r\nHello\r\n');
 * // [{ start: 1, end: 2.5, text: 'Hello' }]
 */
export function parseSrt(text: string): Cue[] {
  const cues: Cue[] = [];
  let open: OpenCue | undefined;
  for (const line of splitLines(text)) {
    const timing = parseTimingLine(line);
    if (timing) {
      // No blank line before this timing line: the previous cue's last line is, if it
      // is a bare number, this cue's index rather than text.
      if (open && INDEX_LINE.test(open.lines.at(-1) ?? '')) open.lines.pop();
      if (open) cues.push(closeCue(open));
      open = { ...timing, lines: [] };
    } else if (open && isBlank(line)) {
      cues.push(closeCue(open));
      open = undefined;
    } else if (open) {
      open.lines.push(line);
    }
    // Lines outside a cue (index lines, blocks with broken timings) are skipped.
  }
  if (open) cues.push(closeCue(open));
  return cues;
}

function parseTimingLine(line: string): { start: number; end: number } | undefined {
  const match = TIMING_LINE.exec(line);
  if (!match) return undefined;
  const start = parseTimestamp(match[1] ?? '');
  const end = parseTimestamp(match[2] ?? '');
  return start === undefined || end === undefined ? undefined : { start, end };
}

function closeCue(open: OpenCue): Cue {
  return { start: open.start, end: open.end, text: open.lines.join('\n') };
}
