const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;

// Hours: any number of digits (SRT writers use 1 or 2, long recordings need 3+).
// Hours are optional because WebVTT allows `MM:SS.mmm`. Minutes and seconds are two
// digits below 60; milliseconds are exactly three digits, as both formats require.
const TIMESTAMP = /^(?:(\d+):)?([0-5]\d):([0-5]\d)[,.](\d{3})$/;

/**
 * Formats seconds as `HH:MM:SS,mmm` (SRT) or `HH:MM:SS.mmm` (WebVTT).
 *
 * @example
 * formatTimestamp(3723.5, ','); // '01:02:03,500'
 * formatTimestamp(0.9995, '.'); // '00:00:01.000'
 */
export function formatTimestamp(seconds: number, separator: ',' | '.'): string {
  // Round once, then split with integer maths: rounding each field on its own is how
  // writers end up printing `00:00:00,1000` for 0.9995.
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * MS_PER_SECOND) : 0;
  const hours = Math.floor(total / MS_PER_HOUR);
  const minutes = Math.floor((total % MS_PER_HOUR) / MS_PER_MINUTE);
  const secs = Math.floor((total % MS_PER_MINUTE) / MS_PER_SECOND);
  const millis = total % MS_PER_SECOND;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(secs, 2)}${separator}${pad(millis, 3)}`;
}

/**
 * Parses `HH:MM:SS,mmm`, `HH:MM:SS.mmm` or `MM:SS.mmm` into seconds; undefined when malformed.
 *
 * @example
 * parseTimestamp('01:02:03,500'); // 3723.5
 * parseTimestamp('02:03.500'); // 123.5
 * parseTimestamp('00:61:00,000'); // undefined
 */
export function parseTimestamp(text: string): number | undefined {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', secs = '0', millis = '0'] = match;
  const total =
    Number(hours) * MS_PER_HOUR +
    Number(minutes) * MS_PER_MINUTE +
    Number(secs) * MS_PER_SECOND +
    Number(millis);
  // Divide the integer millisecond count once so the result is the double nearest to
  // the written time, the same value normalizeCues rounds to.
  return total / MS_PER_SECOND;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
