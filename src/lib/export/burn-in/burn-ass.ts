import { assTimes, escapeAssText, formatAssTime } from '../../subtitles/formats/ass-text.ts';
import type { BurnCue } from './cue-at.ts';
import { layoutSubtitle, SUBTITLE_FONT_NAME, SUBTITLE_FONT_WEIGHT, type FrameSize, type MeasureText, type SubtitleStyle } from './subtitle-layout.ts';

/**
 * libass sizes a font so that its OS/2 win ascent + descent fill the size (VSFilter's rule), not
 * its em as canvas does: Noto Sans SC's are 1160 + 288 per 1000 units, read from the font files.
 */
const ASS_SIZE_PER_EM = 1.448;
/** Noto Sans SC's win descent, in ems: how far the bottom of libass's line box is below the baseline. */
const ASS_DESCENT_PER_EM = 0.288;
/** The canvas renderer's shadow: 60 % black, offset by this share of the font size (subtitle-draw.ts). */
const SHADOW_ALPHA = '66';
const SHADOW_PER_EM = 0.05;

const STYLE_FORMAT = 'Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, '
  + 'ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding';
const EVENT_FORMAT = 'Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text';

/** What a burn-in's ASS script is written from. */
export interface BurnAssSpec {
  readonly cues: readonly BurnCue[];
  readonly frame: FrameSize;
  readonly style: SubtitleStyle;
  /** The canvas's text measure with the subtitle font: the same wrapping and sizes as the preview. */
  readonly measure: MeasureText;
  /** The font group of each character (see ass-fonts.ts); undefined: any. */
  readonly groupOf?: (char: string) => number | undefined;
}

/**
 * `#rrggbb` as an ASS colour, `&HAABBGGRR` (alpha 00 opaque). Pure.
 *
 * @example
 * assColour('#ff8000'); // '&H000080FF'
 */
export function assColour(hex: string, alpha = '00'): string {
  const rgb = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/iu.exec(hex);
  const [, r = 'FF', g = 'FF', b = 'FF'] = rgb ?? [];
  return `&H${alpha}${b}${g}${r}`.toUpperCase();
}

/**
 * Writes the ASS script the ffmpeg fallback burns in with libass, laid out by the same code as
 * the canvas renderer: each cue wrapped and sized by `layoutSubtitle`, each line its own event
 * placed at the canvas's baseline (`\an2\pos`), the outline, shadow and colours of the style.
 * The font is the self-hosted Noto Sans SC by its family name; characters of font group g > 0
 * switch to weight 700 + g (still the bold face) so libass opens a font of its own for them.
 * Pure.
 *
 * @example
 * toBurnAss({ cues: [{ start: 1, end: 2, text: '你好' }], frame: { width: 1280, height: 720 },
 *   style: DEFAULT_SUBTITLE_STYLE, measure });
 * // '[Script Info]\n…Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\an2\\pos(640,…)…}你好\n'
 */
export function toBurnAss(spec: BurnAssSpec): string {
  const { cues, frame, style } = spec;
  const times = assTimes(cues);
  const events = cues.flatMap((cue, index) => {
    const { start = 0, end = 1 } = times[index] ?? {};
    const layout = layoutSubtitle(cue.text, frame, style, spec.measure);
    const size = round(layout.fontPx * ASS_SIZE_PER_EM);
    const look = `\\fs${size}\\bord${round(layout.outlinePx)}\\shad${style.shadow ? round(layout.fontPx * SHADOW_PER_EM) : 0}`;
    return layout.lines.map((line) => {
      const bottom = round(line.y + layout.fontPx * ASS_DESCENT_PER_EM);
      return `Dialogue: 0,${formatAssTime(start)},${formatAssTime(end)},Default,,0,0,0,,{\\an2\\pos(${round(line.x)},${bottom})${look}}${groupedText(line.text, spec.groupOf)}`;
    });
  });
  const baseSize = round(((frame.height * style.sizePercent) / 100) * ASS_SIZE_PER_EM);
  const colours = [assColour(style.color), assColour(style.color), assColour(style.outlineColor), assColour('#000000', SHADOW_ALPHA)].join(',');
  return [
    '[Script Info]',
    '; Written by Zimu for burning in',
    'ScriptType: v4.00+',
    // 2: no wrapping; the lines are already wrapped as the preview wraps them.
    'WrapStyle: 2',
    'ScaledBorderAndShadow: yes',
    `PlayResX: ${frame.width}`,
    `PlayResY: ${frame.height}`,
    '',
    '[V4+ Styles]',
    `Format: ${STYLE_FORMAT}`,
    `Style: Default,${SUBTITLE_FONT_NAME},${baseSize},${colours},${SUBTITLE_FONT_WEIGHT},0,0,0,100,100,0,0,1,0,0,2,0,0,0,1`,
    '',
    '[Events]',
    `Format: ${EVENT_FORMAT}`,
    ...events,
    '',
  ].join('\n');
}

/** The line's text escaped, with a weight switch wherever the font group changes. */
function groupedText(text: string, groupOf: BurnAssSpec['groupOf']): string {
  if (!groupOf) return escapeAssText(text);
  let out = '';
  let run = '';
  let current = 0;
  for (const char of text) {
    const group = /\s/u.test(char) ? current : (groupOf(char) ?? current);
    if (group !== current) {
      // A backslash just before the tag would make libass read `\{` as a brace: a word joiner between.
      out += `${escapeAssText(run).replace(/\\$/u, '\\\u2060')}{\\b${SUBTITLE_FONT_WEIGHT + group}}`;
      run = '';
      current = group;
    }
    run += char;
  }
  return out + escapeAssText(run);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
