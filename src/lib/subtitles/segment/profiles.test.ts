import { describe, expect, it } from 'vitest';
import { displayWidth, PROFILES, profileForLanguage } from './profiles.ts';

describe('profileForLanguage', () => {
  it('maps Chinese by script and region, Cantonese to Traditional', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh_cn', 'chinese', 'yue-Hans']) {
      expect(profileForLanguage(tag).id, tag).toBe('netflix-zh-hans');
    }
    for (const tag of ['zh-TW', 'zh-HK', 'zh-Hant', 'zh-Hant-TW', 'yue', 'yue-HK', 'cantonese']) {
      expect(profileForLanguage(tag).id, tag).toBe('netflix-zh-hant');
    }
  });

  it('gives Japanese and Korean the CJK profile and everything else Netflix English', () => {
    expect(profileForLanguage('ja').id).toBe('cjk');
    expect(profileForLanguage('ko-KR').id).toBe('cjk');
    expect(profileForLanguage('en').id).toBe('netflix-en');
    expect(profileForLanguage('de').id).toBe('netflix-en');
    expect(profileForLanguage('').id).toBe('netflix-en');
    expect(profileForLanguage(undefined).id).toBe('netflix-en');
  });

  it('holds the Netflix numbers', () => {
    expect(PROFILES['netflix-en']).toMatchObject({ maxCharsPerLine: 42, maxLines: 2, maxCharsPerSecond: 20, maxSeconds: 7 });
    expect(PROFILES['netflix-zh-hans']).toMatchObject({ maxCharsPerLine: 16, maxLines: 2, maxCharsPerSecond: 9 });
    expect(PROFILES['netflix-en'].minSeconds).toBeCloseTo(5 / 6, 2);
    expect(PROFILES['netflix-en'].minGapSeconds).toBeCloseTo(2 / 24, 2);
    for (const [id, profile] of Object.entries(PROFILES)) expect(profile.id).toBe(id);
  });
});

describe('displayWidth', () => {
  const zh = PROFILES['netflix-zh-hans'];
  const en = PROFILES['netflix-en'];

  it('counts half-width characters as half in CJK profiles', () => {
    expect(displayWidth('你好', zh)).toBe(2);
    expect(displayWidth('用 Python', zh)).toBe(4.5);
    expect(displayWidth('3.14，', zh)).toBe(3);
    expect(displayWidth('ｱｲｳ', zh)).toBe(1.5);
  });

  it('counts every character as one in English', () => {
    expect(displayWidth('Hello, world', en)).toBe(12);
    expect(displayWidth('你好', en)).toBe(2);
  });

  it('counts code points, not UTF-16 units, and ignores line breaks', () => {
    expect(displayWidth('𠮷野家', zh)).toBe(3);
    expect(displayWidth('ab\ncd', en)).toBe(4);
    expect(displayWidth('', en)).toBe(0);
  });
});
