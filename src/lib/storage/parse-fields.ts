/** Small guards for reading untrusted stored data field by field, without casts. */

/** What `optional` gives for a value that is present but does not parse. */
export const INVALID = Symbol('invalid');

/** Absent (undefined) is fine; present must parse. */
export function optional<T>(raw: unknown, parse: (raw: unknown) => T | undefined): T | undefined | typeof INVALID {
  return raw === undefined ? undefined : (parse(raw) ?? INVALID);
}

/** Every element parsed, or undefined when one does not parse. */
export function everyOrNone<T>(raws: readonly unknown[], parse: (raw: unknown) => T | undefined): T[] | undefined {
  const parsed: T[] = [];
  for (const raw of raws) {
    const value = parse(raw);
    if (value === undefined) return undefined;
    parsed.push(value);
  }
  return parsed;
}

/** A getter for an object's fields; undefined for anything but a plain object. */
export function fieldsOf(raw: unknown): ((key: string) => unknown) | undefined {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (key) => Reflect.get(raw, key) : undefined;
}

/** A non-empty string. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** A finite number. */
export function isFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Seconds on a timeline: finite, not negative. */
export function isTime(value: unknown): value is number {
  return isFinite(value) && value >= 0;
}

/** A whole number, not negative. */
export function isCount(value: unknown): value is number {
  return Number.isInteger(value) && isTime(value);
}
