import { describe, expect, it } from 'vitest';
import { burnedFileName } from './burn-containers.ts';

describe('burnedFileName', () => {
  it('names the burned-in video after the source, never the source itself', () => {
    expect(burnedFileName('talk.mp4', 'mp4')).toBe('talk.burned.mp4');
    expect(burnedFileName('讲座 第1课.mov', 'webm')).toBe('讲座 第1课.burned.webm');
  });
});
