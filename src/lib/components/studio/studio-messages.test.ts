import { describe, expect, it } from 'vitest';
import { format } from '../../i18n/i18n.svelte.ts';
import { studioEn } from '../../i18n/messages/studio.en.ts';
import { studioZhCN } from '../../i18n/messages/studio.zh-CN.ts';
import { PROFILES, checkCue } from '../../subtitles/segment/index.ts';
import { editErrorKey, issueMessages, trimNumber } from './studio-messages.ts';

describe('studio messages', () => {
  it('says what a readability issue measured, against its limit', () => {
    // The segment module's issues are what the list shows.
    const issues = checkCue({ start: 0, end: 1, text: 'This line is far too long to be read in a single second' }, PROFILES['netflix-en']);
    expect(issues.map((issue) => issueMessages(issue).reason.key)).toEqual(['studio.issue.line-too-long', 'studio.issue.too-fast']);
    const { reason, short } = issueMessages({ kind: 'too-fast', value: 24.31, limit: 20 });
    expect(format(studioEn[reason.key], reason.params)).toBe('Reading speed 24.3 characters per second (limit 20)');
    expect(format(studioZhCN[reason.key], reason.params)).toBe('阅读速度每秒 24.3 个字符（上限 20）');
    expect(studioEn[short.key]).toBe('Too fast');
    const line = issueMessages({ kind: 'line-too-long', line: 2, value: 48, limit: 42 }).reason;
    expect(format(studioEn[line.key], line.params)).toBe('Line 2 is 48 characters wide (limit 42)');
  });

  it('has a message for every issue the checker reports, and a fallback', () => {
    const kinds = ['line-too-long', 'too-many-lines', 'too-fast', 'too-short', 'too-long', 'gap-too-small'];
    for (const kind of kinds) expect(issueMessages({ kind, value: 1, limit: 1 }).reason.key).toBe(`studio.issue.${kind}`);
    const other = issueMessages({ kind: 'odd', value: 1.23456, limit: 2 }).reason;
    expect(format(studioEn[other.key], other.params)).toBe('odd: 1.23 (limit 2)');
  });

  it('translates refused edits', () => {
    expect(studioEn[editErrorKey('overlaps-neighbour')]).toBe('That would overlap the subtitle next to it.');
    expect(studioZhCN[editErrorKey('overlaps-neighbour')]).toBe('这样会和相邻的字幕重叠。');
  });

  it('trims numbers', () => {
    expect(trimNumber(0.8333, 3)).toBe('0.833');
    expect(trimNumber(2, 2)).toBe('2');
    expect(trimNumber(-0.05, 3)).toBe('-0.05');
  });

  it('writes Chinese punctuation in Chinese strings', () => {
    for (const text of Object.values(studioZhCN)) {
      expect(text).not.toMatch(/(?<!\.)…|[\u4e00-\u9fff][,:;!?(]/u);
    }
  });
});
