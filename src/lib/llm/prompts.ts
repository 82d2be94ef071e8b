import type { Cue } from '../subtitles/cue.ts';
import type { ChatMessage } from './chat.ts';

/** The editable system prompts. `{language}` is replaced by the output language. */
export type PromptId = 'translate' | 'summary' | 'summaryPart';
export type PromptTemplates = Readonly<Record<PromptId, string>>;
export const PROMPT_IDS: readonly PromptId[] = ['translate', 'summary', 'summaryPart'];

export const DEFAULT_PROMPTS: PromptTemplates = {
  translate: [
    'You translate video subtitles into {language}.',
    'You receive numbered subtitle lines, and sometimes a few lines of context before and after them.',
    'Rules:',
    '1. Answer with exactly one line per numbered line, in the same order, starting with its number in square brackets, like: [12] translated text',
    '2. Never merge, split, skip or add lines. Every number appears exactly once, even when a sentence runs across several lines.',
    '3. Context lines are only there to help you understand; do not translate or repeat them.',
    '4. Keep names, numbers and meaning. Write natural, concise subtitles.',
    '5. Output only the numbered lines, nothing else.',
  ].join('\n'),
  summary: [
    'You summarise videos from their transcripts (or from notes on parts of a transcript).',
    'Write in {language}, in Markdown, with exactly these three sections, in this order, and nothing before or after them:',
    '## TL;DR — one paragraph.',
    '## Key points — a bulleted list of the most important points.',
    '## Chapters — one line per chapter, in time order, written as "- [MM:SS] Chapter title".',
    'Use only start times that appear in square brackets in the input. Translate the section headings into {language}.',
  ].join('\n'),
  summaryPart: [
    'You take notes on one part of a longer video transcript; a summary of the whole video will be written from the notes of all parts.',
    'Write in {language}, as a concise Markdown bulleted list: the main points and facts of this part,',
    'and each moment where a new topic starts, as "- [MM:SS] topic", using only times that appear in square brackets in the transcript.',
  ].join('\n'),
};

/**
 * Prompts for small in-browser models (0.5–1.5B parameters): shorter, with the format spelt out
 * by example, since long rule lists cost them most of their 1.5k-token budget and they follow an
 * example better than a rule. The answer formats are the same, so the same checks apply.
 */
export const LOCAL_PROMPTS: PromptTemplates = {
  translate: [
    'Translate subtitles into {language}.',
    'Each input line starts with its number in square brackets. Write one line per input line, starting with the same number, like:',
    '[3] translated line',
    'Do not add, merge or skip lines. Do not translate the context lines. Write only the numbered lines.',
  ].join('\n'),
  summary: [
    'Summarise the video transcript in {language}, in Markdown, with these three sections and nothing else:',
    '## TL;DR',
    'one short paragraph',
    '## Key points',
    '- three to six bullet points',
    '## Chapters',
    '- [MM:SS] chapter title (times from the transcript only)',
    'Translate the headings into {language}.',
  ].join('\n'),
  summaryPart: [
    'Write short notes in {language} on this part of a video transcript: a bulleted list of its main points,',
    'and "- [MM:SS] topic" where a new topic starts, using times from the transcript only.',
  ].join('\n'),
};

/** Fills `{language}` in a template. Pure. */
export function fillTemplate(template: string, language: string): string {
  return template.replaceAll('{language}', language);
}

/**
 * `83.4` → `01:23`; `3723` → `1:02:03`: the times the summary prompt shows and chapters use.
 * Whole seconds, rounded down, so a chapter time never points past the line it names. Pure.
 */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * One line per cue, `[MM:SS] text`, line breaks inside a cue turned into spaces. Pure.
 *
 * @example
 * formatTranscript([{ start: 2.4, end: 5.8, text: 'These subtitles\nrun in your browser.' }]);
 * // '[00:02] These subtitles run in your browser.'
 */
export function formatTranscript(cues: readonly Cue[]): string {
  return cues.map((cue) => `[${formatClock(cue.start)}] ${oneLine(cue.text)}`).join('\n');
}

/** Messages for a summary of a whole transcript, or of the notes on its parts. Pure. */
export function summaryMessages(template: string, language: string, input: SummaryInput): ChatMessage[] {
  const user =
    input.kind === 'transcript'
      ? `Transcript:\n${input.text}`
      : `Notes on the ${input.notes.length} consecutive parts of the transcript, in order:\n\n${input.notes
          .map((note, i) => `### Part ${i + 1}\n${note.trim()}`)
          .join('\n\n')}`;
  return [
    { role: 'system', content: fillTemplate(template, language) },
    { role: 'user', content: user },
  ];
}

export type SummaryInput =
  | { readonly kind: 'transcript'; readonly text: string }
  | { readonly kind: 'notes'; readonly notes: readonly string[] };

/** Messages for notes on one part of a long transcript. Pure. */
export function partMessages(template: string, language: string, part: number, parts: number, text: string): ChatMessage[] {
  return [
    { role: 'system', content: fillTemplate(template, language) },
    { role: 'user', content: `Part ${part} of ${parts} of the transcript:\n${text}` },
  ];
}

/** Asks the model to go on with an answer that was cut off; `partial` is what arrived. Pure. */
export function continuationMessages(messages: readonly ChatMessage[], partial: string): ChatMessage[] {
  return [
    ...messages,
    { role: 'assistant', content: partial },
    { role: 'user', content: 'Your answer was cut off. Continue exactly where it stopped, without repeating anything.' },
  ];
}

/** Subtitle text as one prompt line. Pure. */
export function oneLine(text: string): string {
  return text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean).join(' ');
}
