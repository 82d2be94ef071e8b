import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.ts';

describe('formatBytes', () => {
  it('uses decimal units like the hub, one decimal below 100', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_500)).toBe('1.5 KB');
    expect(formatBytes(80_300_000)).toBe('80.3 MB');
    expect(formatBytes(241_000_000)).toBe('241 MB');
    expect(formatBytes(1_620_000_000)).toBe('1.6 GB');
    expect(formatBytes(3e15)).toBe('3000 TB');
  });
});
