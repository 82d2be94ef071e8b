import { describe, expect, it } from 'vitest';
import { trackTags } from './track-language.ts';

describe('trackTags', () => {
  it('names the language in the UI language, and drops a title that only names it again', () => {
    expect(trackTags('eng', 'English', 'zh-CN')).toEqual(['英语']);
    expect(trackTags('fra', 'Français', 'zh-CN')).toEqual(['法语']);
    expect(trackTags('eng', 'English', 'en')).toEqual(['English']);
    expect(trackTags('fra', 'Français', 'en')).toEqual(['French']);
    expect(trackTags('chi', '中文', 'zh-CN')).toEqual(['中文']);
  });

  it('keeps a title that says more than the language', () => {
    expect(trackTags('jpn', 'Commentary', 'zh-CN')).toEqual(['日语', 'Commentary']);
    expect(trackTags(undefined, 'Director', 'en')).toEqual(['Director']);
  });

  it('shows no tag for an unknown language, and the code for one the browser cannot name', () => {
    expect(trackTags('und', undefined, 'zh-CN')).toEqual([]);
    expect(trackTags('', '', 'en')).toEqual([]);
    expect(trackTags('qaa', 'English', 'en')).toEqual(['qaa', 'English']);
  });
});
