import { formatTimestamp } from '../../subtitles/time.ts';

// [[h:]m:]s[.fraction], with `,` or `.` before the fraction: what people type into a time box.
const TIME = /^(?:(?:(\d+):)?(\d{1,2}):)?(\d+)(?:[.,](\d+))?$/;

/**
 * Reads a typed-in time: `00:01:02.345`, `1:02.3`, `62.345` or `01:02:03,5` (SRT's comma), in
 * seconds rounded to milliseconds; undefined when it is not a time. Minutes and seconds after a
 * colon must be below 60; a lone number of seconds may be any size.
 *
 * @example
 * parseTimeInput('1:02.3'); // 62.3
 * parseTimeInput('00:61:00.000'); // undefined
 */
export function parseTimeInput(text: string): number | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes, seconds = '0', fraction = '0'] = match;
  if (minutes !== undefined && (Number(minutes) > 59 || Number(seconds) > 59)) return undefined;
  // Whole milliseconds, then one division: the double nearest the written time (as parseTimestamp).
  const millis = Math.round(Number(`0.${fraction}`) * 1000);
  const total = (Number(hours) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds)) * 1000 + millis;
  return total / 1000;
}

/** A time as the editor shows and edits it: `00:01:02.345`. */
export function formatTimeInput(seconds: number): string {
  return formatTimestamp(seconds, '.');
}
