const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * `80_300_000` → `80.3 MB`. Decimal units, as the Hugging Face hub shows file sizes, so the
 * numbers match what users see there. Pure.
 */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
