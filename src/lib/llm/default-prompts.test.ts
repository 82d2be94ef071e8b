import { describe, expect, it } from 'vitest';
import { defaultPrompts, editsOf, isDefaultPrompt, withDefaults, ZH_PROMPTS } from './default-prompts.ts';
import { DEFAULT_PROMPTS, fillTemplate, PROMPT_IDS } from './prompts.ts';

const placeholders = (text: string) => [...text.matchAll(/\{[^{}]*\}/g)].map((m) => m[0]).sort();
/** What the app checks in answers: the formats each prompt spells out. */
const FORMATS: Record<(typeof PROMPT_IDS)[number], readonly string[]> = {
  translate: ['[12] '],
  summary: ['## ', '- [MM:SS] '],
  summaryPart: ['- [MM:SS] '],
};

describe('default prompts by interface language', () => {
  it('gives the Chinese interface Chinese defaults with the same placeholders and answer formats as the English ones', () => {
    expect(defaultPrompts('en')).toBe(DEFAULT_PROMPTS);
    expect(defaultPrompts('zh-CN')).toBe(ZH_PROMPTS);
    for (const id of PROMPT_IDS) {
      expect(placeholders(ZH_PROMPTS[id]), id).toEqual(placeholders(DEFAULT_PROMPTS[id]));
      for (const format of FORMATS[id]) expect(ZH_PROMPTS[id], `${id} spells out ${format}`).toContain(format);
      expect(fillTemplate(ZH_PROMPTS[id], 'Japanese')).toContain('Japanese');
    }
  });

  it('writes the Chinese defaults in Chinese, with Chinese punctuation (zh-style.md)', () => {
    const han = /\p{Script=Han}/u;
    for (const id of PROMPT_IDS) {
      const text = ZH_PROMPTS[id];
      const latinWords = text.replace(/\{[^{}]*\}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
      expect(latinWords.filter((word) => word !== 'Markdown' && word !== 'MM' && word !== 'SS'), id).toEqual([]);
      expect(text).toMatch(han);
      expect(text, `${id}: ASCII comma or colon after Chinese`).not.toMatch(/\p{Script=Han}[,:;]/u);
      expect(text, `${id}: ASCII parentheses around Chinese`).not.toMatch(/\p{Script=Han}\(|\)\p{Script=Han}/u);
      expect(text, `${id}: a lone …`).not.toMatch(/(?<!…)…(?!…)/u);
    }
  });

  it('keeps an edited prompt as written in either language, and the defaults of both languages count as defaults', () => {
    const edits = { summary: 'Mine, in {language}.' };
    expect(withDefaults(edits, 'zh-CN')).toEqual({ ...ZH_PROMPTS, summary: 'Mine, in {language}.' });
    expect(withDefaults(edits, 'en')).toEqual({ ...DEFAULT_PROMPTS, summary: 'Mine, in {language}.' });
    expect(isDefaultPrompt('translate', ZH_PROMPTS.translate)).toBe(true);
    expect(isDefaultPrompt('translate', DEFAULT_PROMPTS.translate)).toBe(true);
    expect(isDefaultPrompt('translate', ZH_PROMPTS.summary)).toBe(false);
    expect(editsOf({ ...ZH_PROMPTS, summaryPart: '我的笔记提示（{language}）' })).toEqual({ summaryPart: '我的笔记提示（{language}）' });
    expect(editsOf(DEFAULT_PROMPTS)).toEqual({});
  });
});
