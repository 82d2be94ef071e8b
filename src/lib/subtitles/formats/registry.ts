import { toSrt } from '../srt.ts';
import { toVtt } from '../vtt.ts';
import { toAss } from './ass-writer.ts';
import { toCuesJson } from './cues-json.ts';
import { shownCues, type ExportDocument } from './export-document.ts';
import { toPlainText } from './plain-text.ts';

/** The export formats, by the name every export button and file name uses. */
export type SubtitleFormatId = 'srt' | 'vtt' | 'ass' | 'txt' | 'json';

/** One export format: how to write a document, and what to call and label the file. */
export interface SubtitleFormat {
  readonly id: SubtitleFormatId;
  /** The file name extension, without the dot. */
  readonly extension: string;
  /** The download's MIME type. */
  readonly mime: string;
  /** Writes the document as this format's text. Pure. */
  write(doc: ExportDocument): string;
}

/**
 * Every export format, in the order export buttons show them.
 *
 * @example
 * for (const format of FORMATS) downloadFile(exportFileName(file.name, 'original', format.id), [format.write(doc)], format.mime);
 */
export const FORMATS: readonly SubtitleFormat[] = [
  { id: 'srt', extension: 'srt', mime: 'application/x-subrip', write: (doc) => toSrt(shownCues(doc)) },
  { id: 'vtt', extension: 'vtt', mime: 'text/vtt', write: (doc) => toVtt(shownCues(doc)) },
  // No registered type exists for ASS; Matroska and most tools use this one.
  { id: 'ass', extension: 'ass', mime: 'text/x-ssa', write: toAss },
  { id: 'txt', extension: 'txt', mime: 'text/plain', write: toPlainText },
  { id: 'json', extension: 'json', mime: 'application/json', write: toCuesJson },
];

/**
 * The export format with this id.
 *
 * @example
 * formatById('ass').write({ variant: 'original', cues }); // '[Script Info]\n…'
 */
export function formatById(id: SubtitleFormatId): SubtitleFormat {
  const format = FORMATS.find((f) => f.id === id);
  // Unreachable while FORMATS lists every id; the registry test checks that it does.
  if (!format) throw new Error(`No export format "${id}"`);
  return format;
}
