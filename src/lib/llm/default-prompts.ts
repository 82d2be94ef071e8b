import type { Locale } from '../i18n/i18n.svelte.ts';
import { DEFAULT_PROMPTS, PROMPT_IDS, type PromptId, type PromptTemplates } from './prompts.ts';

/**
 * The default system prompts for the Chinese interface, written as a Chinese speaker writes
 * them (see i18n/messages/zh-style.md), not translated line by line. Same placeholder
 * (`{language}`, the output language's English name, which is what the model reads), same answer
 * formats (`[12] …` lines, three `##` sections, `- [MM:SS]` chapters), so the same checks apply.
 */
export const ZH_PROMPTS: PromptTemplates = {
  translate: [
    '你是一名视频字幕译者，负责把字幕翻译成 {language}。',
    '你会收到若干行带编号的字幕，有时前后还会附上几行上下文。',
    '要求：',
    '1. 每个编号行对应输出一行，顺序不变，行首写上方括号里的编号，例如：[12] 译文',
    '2. 不要合并、拆分、漏掉或增加行。每个编号都要出现，且只出现一次，哪怕一句话跨了好几行。',
    '3. 上下文行只用来帮助理解，不要翻译，也不要照抄。',
    '4. 人名、数字和原意都要保留。译文要自然、简洁，读起来像字幕。',
    '5. 只输出编号行，不要输出任何其他内容。',
  ].join('\n'),
  summary: [
    '请根据视频的文字稿（或文字稿各部分的要点）为这段视频写一份摘要。',
    '用 {language} 撰写，采用 Markdown 格式，只包含下面三个部分，按此顺序，前后不要添加任何内容：',
    '## 概要 —— 用一段话概括。',
    '## 要点 —— 用无序列表列出最重要的几点。',
    '## 章节 —— 每个章节占一行，按时间先后排列，格式为“- [MM:SS] 章节标题”。',
    '开始时间只能用输入中方括号里出现过的时间。三个部分的标题也要用 {language} 写。',
  ].join('\n'),
  summaryPart: [
    '下面是一段较长视频文字稿中的一部分，请为它做笔记；整段视频的摘要会根据所有部分的笔记来写。',
    '用 {language} 写一份简洁的 Markdown 无序列表：列出这一部分的主要观点和事实，',
    '并把每个新话题开始的时刻写成“- [MM:SS] 话题”，时间只能用文字稿方括号里出现过的时间。',
  ].join('\n'),
};

const DEFAULTS: Readonly<Record<Locale, PromptTemplates>> = { en: DEFAULT_PROMPTS, 'zh-CN': ZH_PROMPTS };

/** The templates the user has written over the defaults, by prompt. */
export type PromptEdits = Readonly<Partial<Record<PromptId, string>>>;

/** The default system prompts shown and used with this interface language. Pure. */
export function defaultPrompts(locale: Locale): PromptTemplates {
  return DEFAULTS[locale];
}

/** Whether a template is one of the defaults, in any interface language (so it is never stored as an edit). Pure. */
export function isDefaultPrompt(id: PromptId, text: string): boolean {
  return Object.values(DEFAULTS).some((templates) => templates[id] === text);
}

/**
 * The templates in use: the user's edits as written, the interface language's defaults for the
 * rest. Pure.
 *
 * @example
 * withDefaults({ summary: 'Mine, in {language}.' }, 'zh-CN').translate === ZH_PROMPTS.translate; // true
 */
export function withDefaults(edits: PromptEdits, locale: Locale): PromptTemplates {
  const defaults = defaultPrompts(locale);
  const pick = (id: PromptId): string => edits[id] ?? defaults[id];
  return { translate: pick('translate'), summary: pick('summary'), summaryPart: pick('summaryPart') };
}

/** The edits among full templates: those that are not a default in any language. Pure. */
export function editsOf(templates: PromptTemplates): PromptEdits {
  return Object.fromEntries(PROMPT_IDS.filter((id) => !isDefaultPrompt(id, templates[id])).map((id) => [id, templates[id]]));
}
