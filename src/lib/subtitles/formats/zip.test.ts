import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { uniqueNames, zipTexts } from './zip.ts';

describe('zipTexts', () => {
  it('puts every text in under a unique name, readable back as UTF-8', () => {
    const zipped = zipTexts([
      { name: 'lecture.srt', text: '1\n00:00:00,000 --> 00:00:01,000\n你好\n' },
      { name: 'lecture.srt', text: 'second' },
      { name: 'a/b.srt', text: 'slash' },
    ]);
    const files = unzipSync(zipped);
    expect(Object.keys(files)).toEqual(['lecture.srt', 'lecture (2).srt', 'a_b.srt']);
    expect(strFromU8(files['lecture.srt'] ?? new Uint8Array())).toContain('你好');
    expect(strFromU8(files['lecture (2).srt'] ?? new Uint8Array())).toBe('second');
  });

  it('keeps names unique regardless of case', () => {
    expect(uniqueNames(['A.srt', 'a.srt', 'a.srt', ''])).toEqual(['A.srt', 'a (2).srt', 'a (3).srt', 'subtitles']);
  });
});
