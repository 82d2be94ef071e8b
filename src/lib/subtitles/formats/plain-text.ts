import { prepareCues, shownText, type ExportDocument } from './export-document.ts';

/**
 * Writes an export document as plain text: each cue's text (bilingual: the original, then
 * the translation) as one paragraph, paragraphs separated by a blank line, no times. Pure.
 *
 * @example
 * toPlainText({ variant: 'bilingual', cues: [{ start: 0, end: 1, text: 'Hi', translation: '你好' }, { start: 1, end: 2, text: 'Bye' }] });
 * // 'Hi\n你好\n\nBye\n'
 */
export function toPlainText(doc: ExportDocument): string {
  return prepareCues(doc)
    .map((cue) => `${shownText(cue, doc.variant)}\n`)
    .join('\n');
}
