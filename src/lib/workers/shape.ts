/**
 * Small shape checks for values that crossed a thread (structured clone keeps data, not types),
 * to build each worker's result checks from. Pure.
 *
 * @example
 * const isPoint = (v: unknown): v is Point => isRecord(v) && isFiniteNumber(v.x) && isFiniteNumber(v.y);
 */

/** A plain object whose fields can be read (and checked) one by one. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array whose every element passes `isItem`. */
export function isArrayOf<T>(value: unknown, isItem: (item: unknown) => item is T): value is readonly T[] {
  return Array.isArray(value) && value.every((item: unknown) => isItem(item));
}

/** A number that is neither NaN nor infinite. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A string or undefined (an optional text field). */
export function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

/** A Float32Array (structured clone keeps typed arrays' class). */
export function isFloat32Array(value: unknown): value is Float32Array {
  return value instanceof Float32Array;
}
