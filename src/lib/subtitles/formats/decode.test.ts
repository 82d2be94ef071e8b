import { describe, expect, it } from 'vitest';
import { decodeSubtitleText } from './decode.ts';

const TEXT = '1\n00:00:01,000 --> 00:00:02,000\n你好，世界\n';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i += 1) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

describe('decodeSubtitleText', () => {
  it('reads UTF-8 with and without a BOM, leaving the BOM out', () => {
    const utf8 = new TextEncoder().encode(TEXT);
    expect(decodeSubtitleText(utf8)).toBe(TEXT);
    expect(decodeSubtitleText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(TEXT);
  });

  it('reads UTF-16 in both byte orders when it has a BOM', () => {
    expect(decodeSubtitleText(utf16(TEXT, true))).toBe(TEXT);
    expect(decodeSubtitleText(utf16(TEXT, false))).toBe(TEXT);
  });

  it('reads GBK / GB18030 text, which is not valid UTF-8', () => {
    // 你好 in GBK
    expect(decodeSubtitleText(new Uint8Array([0x41, 0x20, 0xc4, 0xe3, 0xba, 0xc3]))).toBe('A 你好');
  });

  it('keeps damaged UTF-8 with a BOM as UTF-8, with replacement characters', () => {
    expect(decodeSubtitleText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff]))).toBe('A\uFFFD');
  });
});
