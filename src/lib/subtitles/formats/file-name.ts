import type { ExportVariant } from './export-document.ts';
import { languageTag } from './language-tags.ts';
import { formatById, type SubtitleFormatId } from './registry.ts';

// Forbidden in Windows file names (macOS forbids `:` and `/`, Linux `/`), and control characters.
const ILLEGAL = /[<>:"/\\|?*\p{Cc}]/gu;
// Device names Windows reserves, alone or before a dot (`CON.srt` cannot be created).
const RESERVED = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(?=\.|$)/i;
// Most file systems allow 255 bytes (ext4, APFS) or 255 UTF-16 units (NTFS); UTF-8 bytes are
// the tighter limit for CJK names.
const MAX_BYTES = 255;
const MAX_LANGUAGE_CHARS = 40;
const FALLBACK = 'subtitles';

/**
 * The file name for an export: the source's name without its extension, a variant suffix,
 * and the format's extension. Translations are named as players expect, the language tag
 * last (`talk.zh-CN.srt`), so they pick the track up by name; bilingual files add
 * `.bilingual` before it; without a language, `.translated` / `.bilingual` alone. Characters
 * that Windows or macOS forbid are removed, Windows device names get a `_`, and the name is
 * never empty or longer than 255 UTF-8 bytes.
 *
 * @example
 * exportFileName('讲座 第1课.mp4', 'translated', 'srt', 'Simplified Chinese'); // '讲座 第1课.zh-CN.srt'
 * exportFileName('讲座 第1课.mp4', 'bilingual', 'ass', 'zh-CN'); // '讲座 第1课.bilingual.zh-CN.ass'
 * exportFileName('talk.mp4', 'original', 'vtt'); // 'talk.vtt'
 * exportFileName('a:b?.mov', 'translated', 'srt'); // 'ab.translated.srt'
 */
export function exportFileName(sourceName: string, variant: ExportVariant, format: SubtitleFormatId, translationLanguage?: string): string {
  const tail = `${variantSuffix(variant, translationLanguage)}.${formatById(format).extension}`;
  const base = cleanName(fitBytes(cleanName(baseOf(sourceName)), MAX_BYTES - byteLength(tail)));
  return `${base || FALLBACK}${tail}`.replace(RESERVED, '$1_');
}

function variantSuffix(variant: ExportVariant, translationLanguage: string | undefined): string {
  if (variant === 'original') return '';
  const language = languageTag(translationLanguage) ?? cleanName(translationLanguage ?? '').slice(0, MAX_LANGUAGE_CHARS);
  const label = language === '' ? '' : `.${language}`;
  if (variant === 'bilingual') return `.bilingual${label}`;
  return label === '' ? '.translated' : label;
}

/** The last path segment without its extension; a name that is all extension stays whole. */
function baseOf(sourceName: string): string {
  const name = sourceName.split(/[/\\]/).at(-1) ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

// Leading dots would hide the file on macOS and Linux; Windows drops trailing dots and spaces.
function cleanName(name: string): string {
  // Whitespace first, so a tab or line break becomes a space rather than vanishing.
  return name.replace(/\s+/g, ' ').replace(ILLEGAL, '').replace(/^[ .]+|[ .]+$/g, '');
}

/** Cuts whole code points off the end until the UTF-8 form fits. */
function fitBytes(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const char of text) {
    bytes += byteLength(char);
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
