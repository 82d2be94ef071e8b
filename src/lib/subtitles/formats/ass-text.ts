const WORD_JOINER = '\u2060';
const CS_PER_SECOND = 100;
const CS_PER_MINUTE = 60 * CS_PER_SECOND;
const CS_PER_HOUR = 60 * CS_PER_MINUTE;

/**
 * Makes plain text safe as an ASS Dialogue text: line breaks become `\N`, and nothing in it
 * can be read as markup. Braces become fullwidth `｛｝`: VSFilter and libass hide anything in
 * `{…}` as an override block, and no escape works in every renderer (libass reads `\{`,
 * VSFilter shows the backslash and still hides the block). A backslash before `N`, `n` or
 * `h` would be a line break or a hard space, so a word joiner (U+2060, invisible) goes
 * between them; `parseAss` takes it out again. Pure.
 *
 * @example
 * escapeAssText('{\\an8} C:\\new\nline'); // '｛\\an8｝ C:\\\u2060new\\Nline'
 */
export function escapeAssText(text: string): string {
  return text
    .replaceAll('{', '｛')
    .replaceAll('}', '｝')
    .replace(/\\(?=[Nnh])/g, `\\${WORD_JOINER}`)
    .replace(/\r\n|\r|\n/g, '\\N');
}

/**
 * Turns ASS Dialogue text without override blocks into plain text: `\N` and `\n` become line
 * breaks, `\h` a space, and the word joiner `escapeAssText` put after a backslash goes. Pure.
 *
 * @example
 * unescapeAssText('你好\\NHello\\hthere'); // '你好\nHello there'
 */
export function unescapeAssText(text: string): string {
  // One pass, so the `\N` in an escaped `\⁠N` stays text.
  return text.replace(/\\([Nnh\u2060])/g, (_, code: string) => {
    if (code === 'h') return ' ';
    return code === WORD_JOINER ? '\\' : '\n';
  });
}

/**
 * Formats centiseconds as an ASS time, `H:MM:SS.cc` (hours unpadded and unbounded). Pure.
 *
 * @example
 * formatAssTime(372350); // '1:02:03.50'
 */
export function formatAssTime(centiseconds: number): string {
  const hours = Math.floor(centiseconds / CS_PER_HOUR);
  const minutes = Math.floor((centiseconds % CS_PER_HOUR) / CS_PER_MINUTE);
  const seconds = Math.floor((centiseconds % CS_PER_MINUTE) / CS_PER_SECOND);
  const cs = centiseconds % CS_PER_SECOND;
  return `${hours}:${pad(minutes)}:${pad(seconds)}.${pad(cs)}`;
}

/**
 * Cue times (seconds, sorted, not overlapping) in whole centiseconds, the precision of ASS:
 * each time rounded to the nearest; a cue that rounding leaves empty ends 1 cs after its
 * start, and a later cue starts no earlier than that end, so none overlaps. Pure.
 *
 * @example
 * assTimes([{ start: 1.004, end: 1.006 }, { start: 1.006, end: 2 }]);
 * // [{ start: 100, end: 101 }, { start: 101, end: 200 }]
 */
export function assTimes(cues: readonly { readonly start: number; readonly end: number }[]): { start: number; end: number }[] {
  let floor = 0;
  return cues.map((cue) => {
    const start = Math.max(floor, toCentiseconds(cue.start));
    const end = Math.max(start + 1, toCentiseconds(cue.end));
    floor = end;
    return { start, end };
  });
}

// Via whole milliseconds, so 1.235 s (1.23499… as a double) rounds up to 124 cs as written.
function toCentiseconds(seconds: number): number {
  return Math.round(Math.round(seconds * 1000) / 10);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
