import { describe, expect, it } from 'vitest';
import { exportFileName } from './file-name.ts';

describe('exportFileName', () => {
  it('keeps the source name, CJK and spaces included, and adds the variant and extension', () => {
    expect(exportFileName('讲座 第1课.mp4', 'original', 'srt')).toBe('讲座 第1课.srt');
    expect(exportFileName('讲座 第1课.mp4', 'translated', 'srt', 'zh-CN')).toBe('讲座 第1课.zh-CN.srt');
    expect(exportFileName('讲座 第1课.mp4', 'bilingual', 'srt', 'zh-CN')).toBe('讲座 第1课.bilingual.zh-CN.srt');
    expect(exportFileName('talk.final.mkv', 'original', 'ass')).toBe('talk.final.ass');
    expect(exportFileName('talk.mkv', 'bilingual', 'json', 'en')).toBe('talk.bilingual.en.json');
  });

  it('writes language names the translation panel offers as tags, and other names as they are', () => {
    expect(exportFileName('talk.mp4', 'translated', 'vtt', 'Simplified Chinese')).toBe('talk.zh-CN.vtt');
    expect(exportFileName('talk.mp4', 'translated', 'vtt', '日本語')).toBe('talk.ja.vtt');
    expect(exportFileName('talk.mp4', 'translated', 'txt', 'Klingon')).toBe('talk.Klingon.txt');
    expect(exportFileName('talk.mp4', 'translated', 'txt', 'Old: "Norse"?')).toBe('talk.Old Norse.txt');
  });

  it('says translated or bilingual when the language is not known, as the export buttons always have', () => {
    expect(exportFileName('speech-3min.mp4', 'translated', 'srt')).toBe('speech-3min.translated.srt');
    expect(exportFileName('speech-3min.mp4', 'bilingual', 'srt', '  ')).toBe('speech-3min.bilingual.srt');
    expect(exportFileName('talk.mp4', 'original', 'srt', 'zh-CN')).toBe('talk.srt');
  });

  it('removes characters Windows or macOS forbid, and control characters', () => {
    expect(exportFileName('a<b>c:d"e|f?g*h.mp4', 'original', 'srt')).toBe('abcdefgh.srt');
    expect(exportFileName('tab\there\u0000\u001f\u007f.mp4', 'original', 'srt')).toBe('tab here.srt');
  });

  it('keeps only the last path segment', () => {
    expect(exportFileName('C:\\videos\\talk.mp4', 'original', 'srt')).toBe('talk.srt');
    expect(exportFileName('/home/me/talk.mp4', 'original', 'srt')).toBe('talk.srt');
  });

  it('trims spaces and dots that hide a file or that Windows drops', () => {
    expect(exportFileName('  ..hidden .mp4', 'original', 'srt')).toBe('hidden.srt');
    expect(exportFileName('trailing... .mp4', 'original', 'srt')).toBe('trailing.srt');
  });

  it('never gives an empty name', () => {
    for (const name of ['', '.mp4', '???.mp4', '  ', '...', '/']) {
      expect(exportFileName(name, 'original', 'srt'), JSON.stringify(name)).toMatch(/^(?:subtitles|mp4)\.srt$/);
    }
    expect(exportFileName('', 'translated', 'vtt', 'zh-CN')).toBe('subtitles.zh-CN.vtt');
  });

  it('keeps a name that is all extension whole', () => {
    expect(exportFileName('.mp4', 'original', 'srt')).toBe('mp4.srt');
  });

  it('adds _ to Windows device names', () => {
    expect(exportFileName('CON.mp4', 'original', 'srt')).toBe('CON_.srt');
    expect(exportFileName('lpt1.mov', 'translated', 'srt', 'en')).toBe('lpt1_.en.srt');
    expect(exportFileName('Console.mp4', 'original', 'srt')).toBe('Console.srt');
  });

  it('stays within 255 UTF-8 bytes without splitting a character', () => {
    const name = exportFileName(`${'字'.repeat(200)}.mp4`, 'bilingual', 'json', 'zh-CN');
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(name).toMatch(/^字+\.bilingual\.zh-CN\.json$/);
    const emoji = exportFileName(`${'🎬'.repeat(100)}.mp4`, 'original', 'srt');
    expect(new TextEncoder().encode(emoji).length).toBeLessThanOrEqual(255);
    expect(emoji).toMatch(/^(?:🎬)+\.srt$/u);
  });
});
