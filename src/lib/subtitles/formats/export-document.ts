import type { Cue } from '../cue.ts';
import { normalizeCues } from '../normalize.ts';

/** Which text an export shows: the transcript, its translation, or both in one cue. */
export type ExportVariant = 'original' | 'translated' | 'bilingual';

/** A cue with its translation, when it has one. */
export interface ExportCue extends Cue {
  readonly translation?: string;
}

/** Everything an export format writes from. */
export interface ExportDocument {
  readonly cues: readonly ExportCue[];
  readonly variant: ExportVariant;
  readonly title?: string;
  /** The spoken language: a BCP-47 tag (`en`) or a name (`English`). */
  readonly language?: string;
  /** The translation's language, as the translation panel names it (`Simplified Chinese`, `zh-CN`). */
  readonly translationLanguage?: string;
}

/**
 * The cues an export writes, tidied as `normalizeCues` tidies them (sorted, no overlaps, whole
 * milliseconds, clean text) and with the translation kept only when the variant shows it. A cue
 * with nothing to show in the variant is dropped before times are trimmed. Pure.
 *
 * @example
 * prepareCues({ variant: 'translated', cues: [{ start: 1, end: 0, text: 'gone' }, { start: 0, end: 1, text: ' Hi ', translation: '你好' }] });
 * // [{ start: 0, end: 1, text: 'Hi', translation: '你好' }]
 */
export function prepareCues(doc: ExportDocument): ExportCue[] {
  const texts = doc.cues.map((cue) => ({
    text: tidyText(cue.text),
    translation: doc.variant === 'original' ? '' : tidyText(cue.translation ?? ''),
  }));
  // normalizeCues owns the time rules every format must share, but returns plain cues; the
  // index, carried as the text, leads each survivor back to its texts.
  const keyed: Cue[] = [];
  doc.cues.forEach((cue, index) => {
    if (texts[index]?.text === '' && texts[index]?.translation === '') return;
    const key = { start: cue.start, end: cue.end, text: String(index) };
    keyed.push(cue.words ? { ...key, words: cue.words } : key);
  });
  return normalizeCues(keyed).map((cue) => {
    const { text = '', translation = '' } = texts[Number(cue.text)] ?? {};
    const withText = { ...cue, text };
    return translation === '' ? withText : { ...withText, translation };
  });
}

/**
 * The text a cue shows in a variant: a cue not translated keeps its original text, so no
 * cue disappears from a translated export; bilingual is the original line(s), then the
 * translation. Pure.
 *
 * @example
 * shownText({ start: 0, end: 1, text: 'Hi', translation: '你好' }, 'bilingual'); // 'Hi\n你好'
 */
export function shownText(cue: Pick<ExportCue, 'text' | 'translation'>, variant: ExportVariant): string {
  const translation = cue.translation ?? '';
  if (variant === 'original' || translation === '') return cue.text;
  if (variant === 'translated' || cue.text === '') return translation;
  return `${cue.text}\n${translation}`;
}

/**
 * The document's cues with the variant's text, for the plain-cue writers (SRT, WebVTT). Word
 * times are left out: they time the original words, not a translation. Pure.
 *
 * @example
 * shownCues({ variant: 'translated', cues: [{ start: 0, end: 1, text: 'Hi', translation: '你好' }] });
 * // [{ start: 0, end: 1, text: '你好' }]
 */
export function shownCues(doc: ExportDocument): Cue[] {
  return prepareCues(doc).map((cue) => ({ start: cue.start, end: cue.end, text: shownText(cue, doc.variant) }));
}

// normalize.ts keeps its text tidier private; a one-cue list borrows it, so exports tidy
// translations by exactly the rules the transcript follows.
function tidyText(text: string): string {
  return normalizeCues([{ start: 0, end: 1, text }])[0]?.text ?? '';
}
