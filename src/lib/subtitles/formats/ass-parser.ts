import { parse } from 'ass-compiler';
import type { Cue } from '../cue.ts';
import { splitLines } from '../lines.ts';
import { unescapeAssText } from './ass-text.ts';

/**
 * Reads ASS (v4.00+) or SSA (v4) text into cues, in file order, as plain text: override
 * blocks (`{\i1}`) and drawings dropped, `\N` and `\n` as line breaks, `\h` as a space.
 * Comment events are skipped, and so are events whose times cannot be read. Like `parseSrt`,
 * it does not normalize; run normalizeCues to sort and tidy.
 *
 * @example
 * parseAss('[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n'
 *   + 'Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,{\\i1}你好{\\i0}\\NHello');
 * // [{ start: 1, end: 2.5, text: '你好\nHello' }]
 */
export function parseAss(text: string): Cue[] {
  // ass-compiler splits lines on `\r?\n` and matches section headers at the very start of a
  // line, so a lone-CR file or a BOM before `[Script Info]` would hide sections from it.
  const { events } = parse(splitLines(text).join('\n'));
  const cues: Cue[] = [];
  for (const event of events.dialogue) {
    // Typed as numbers, but an event line with fewer fields than its Format (or a file
    // without an [Events] Format line) leaves them undefined or NaN.
    const { Start: start, End: end } = event;
    if (!Number.isFinite(start) || !Number.isFinite(end) || typeof event.Text?.combined !== 'string') continue;
    // `combined` is the text with every `{…}` block taken out; drawing fragments are empty.
    cues.push({ start, end, text: unescapeAssText(event.Text.combined) });
  }
  return cues;
}
