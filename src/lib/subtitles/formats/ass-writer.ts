import { assTimes, escapeAssText, formatAssTime } from './ass-text.ts';
import { prepareCues, shownText, type ExportCue, type ExportDocument, type ExportVariant } from './export-document.ts';
import { cjkScript, cjkScriptOfText, languageTag, type CjkScript } from './language-tags.ts';

/** Which text of a bilingual cue sits on the top line. */
type TopSide = 'original' | 'translation';

interface Layout {
  readonly defaultFont: string;
  /** Only bilingual exports have a second style, for the bottom line's language. */
  readonly secondaryFont?: string;
  readonly top: TopSide;
}

const LATIN_FONT = 'Arial';
// At PlayResY 1080: the first line about 6% of the height, a bilingual second line smaller,
// as Chinese bilingual subtitles usually set them.
const DEFAULT_SIZE = 64;
const SECONDARY_SIZE = 44;
const STYLE_FORMAT = [
  'Name', 'Fontname', 'Fontsize', 'PrimaryColour', 'SecondaryColour', 'OutlineColour', 'BackColour',
  'Bold', 'Italic', 'Underline', 'StrikeOut', 'ScaleX', 'ScaleY', 'Spacing', 'Angle', 'BorderStyle',
  'Outline', 'Shadow', 'Alignment', 'MarginL', 'MarginR', 'MarginV', 'Encoding',
].join(', ');
// White text, black 3 px outline, 1 px half-transparent shadow, bottom centre (alignment 2).
const STYLE_LOOK = '&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,3,1,2,60,60,45,1';
const EVENT_FORMAT = 'Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text';

/**
 * Writes an export document as an ASS (v4.00+) script for 1920×1080, one Dialogue event per
 * cue. `Default` styles the first line; a bilingual export puts the second language in
 * `Secondary`, switched to inside the event with `{\rSecondary}` after a `\N`. A CJK
 * language gets a Noto Sans CJK font, any other Arial. Bilingual cues put the Chinese line on
 * top whichever side is Chinese (the usual Chinese-over-English layout); when neither or
 * both are Chinese, the translation is on top. Pure.
 *
 * @example
 * toAss({ variant: 'bilingual', language: 'en', translationLanguage: 'zh-CN',
 *   cues: [{ start: 1, end: 2.5, text: 'Hello', translation: '你好' }] });
 * // '[Script Info]\n…\nDialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,你好\\N{\\rSecondary}Hello\n'
 */
export function toAss(doc: ExportDocument): string {
  const cues = prepareCues(doc);
  const layout = chooseLayout(doc, cues);
  const times = assTimes(cues);
  const events = cues.map((cue, index) => {
    const { start = 0, end = 1 } = times[index] ?? {};
    const { style, text } = eventFor(cue, doc.variant, layout.top);
    return `Dialogue: 0,${formatAssTime(start)},${formatAssTime(end)},${style},,0,0,0,,${text}`;
  });
  const head = [...scriptInfo(doc.title), '', ...styles(layout), '', '[Events]', `Format: ${EVENT_FORMAT}`];
  return [...head, ...events, ''].join('\n');
}

function scriptInfo(title: string | undefined): string[] {
  const oneLine = title?.replace(/\s+/g, ' ').trim() ?? '';
  return [
    '[Script Info]',
    '; Written by Zimu',
    ...(oneLine === '' ? [] : [`Title: ${oneLine}`]),
    'ScriptType: v4.00+',
    // 0: smart wrapping, the top line wider; long lines still fit the 1920 px frame.
    'WrapStyle: 0',
    'ScaledBorderAndShadow: yes',
    'PlayResX: 1920',
    'PlayResY: 1080',
  ];
}

function styles(layout: Layout): string[] {
  const lines = ['[V4+ Styles]', `Format: ${STYLE_FORMAT}`, `Style: Default,${layout.defaultFont},${DEFAULT_SIZE},${STYLE_LOOK}`];
  if (layout.secondaryFont !== undefined) lines.push(`Style: Secondary,${layout.secondaryFont},${SECONDARY_SIZE},${STYLE_LOOK}`);
  return lines;
}

function eventFor(cue: ExportCue, variant: ExportVariant, top: TopSide): { style: string; text: string } {
  if (variant !== 'bilingual') return { style: 'Default', text: escapeAssText(shownText(cue, variant)) };
  const translation = cue.translation ?? '';
  const [upper, lower] = top === 'translation' ? [translation, cue.text] : [cue.text, translation];
  // A cue missing one side keeps its language's style, so a line never changes look.
  if (upper === '') return { style: 'Secondary', text: escapeAssText(lower) };
  if (lower === '') return { style: 'Default', text: escapeAssText(upper) };
  return { style: 'Default', text: `${escapeAssText(upper)}\\N{\\rSecondary}${escapeAssText(lower)}` };
}

function chooseLayout(doc: ExportDocument, cues: readonly ExportCue[]): Layout {
  const original = sideScript(doc.language, cues.map((c) => c.text));
  if (doc.variant === 'original') return { defaultFont: fontFor(original), top: 'original' };
  const translated = sideScript(doc.translationLanguage, cues.map((c) => c.translation ?? ''));
  if (doc.variant === 'translated') return { defaultFont: fontFor(translated), top: 'translation' };
  const chinese = (script: CjkScript | undefined): boolean => script === 'SC' || script === 'TC';
  const top = chinese(original) && !chinese(translated) ? 'original' : 'translation';
  const [upper, lower] = top === 'original' ? [original, translated] : [translated, original];
  return { defaultFont: fontFor(upper), secondaryFont: fontFor(lower), top };
}

/** A side's script from its language; from its text only when the language is not known. */
function sideScript(language: string | undefined, texts: readonly string[]): CjkScript | undefined {
  return languageTag(language) === undefined ? cjkScriptOfText(texts) : cjkScript(language);
}

function fontFor(script: CjkScript | undefined): string {
  return script === undefined ? LATIN_FONT : `Noto Sans CJK ${script}`;
}
