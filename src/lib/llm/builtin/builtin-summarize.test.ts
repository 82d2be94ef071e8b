import { describe, expect, it } from 'vitest';
import { summaryHeadings, withoutLineTimes } from './builtin-summarize.ts';

describe('built-in summary helpers', () => {
  it('writes the section headings in the output language where known, else in English', () => {
    expect(summaryHeadings('zh')).toEqual({ tldr: '摘要', keyPoints: '要点' });
    expect(summaryHeadings('zh-Hant')).toEqual({ tldr: '摘要', keyPoints: '重點' });
    expect(summaryHeadings('zh-TW').keyPoints).toBe('重點');
    expect(summaryHeadings('en')).toEqual({ tldr: 'TL;DR', keyPoints: 'Key points' });
    expect(summaryHeadings('ja-JP').tldr).toBe('要約');
    expect(summaryHeadings('sv')).toEqual({ tldr: 'TL;DR', keyPoints: 'Key points' });
  });

  it('drops the time before each transcript line, and only there', () => {
    expect(withoutLineTimes('[00:01] Hi\n[1:02:03] Bye at [00:05]\n- [00:09] note')).toBe('Hi\nBye at [00:05]\n- [00:09] note');
  });
});
