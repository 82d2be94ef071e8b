import { displayWidth, PROFILES, type ReadabilityProfile } from '../../subtitles/segment/profiles.ts';

/** Where the subtitles sit: along the bottom or the top edge. */
export type SubtitlePosition = 'bottom' | 'top';

/** How burned-in subtitles look; sizes are relative to the frame, so any resolution matches the preview. */
export interface SubtitleStyle {
  /** Font size, in percent of the frame's height. */
  readonly sizePercent: number;
  /** Text colour, `#rrggbb`. */
  readonly color: string;
  /** Outline colour, `#rrggbb`. */
  readonly outlineColor: string;
  /** Outline width, in percent of the font size (0: none). */
  readonly outlinePercent: number;
  /** A soft drop shadow under the text. */
  readonly shadow: boolean;
  readonly position: SubtitlePosition;
  /** Distance from the edge, in percent of the frame's height. */
  readonly marginPercent: number;
}

/** The look a first burn-in starts with: white, black outline, 5 % of the height, near the bottom. */
export const DEFAULT_SUBTITLE_STYLE: SubtitleStyle = {
  sizePercent: 5, color: '#ffffff', outlineColor: '#000000', outlinePercent: 12, shadow: true, position: 'bottom', marginPercent: 6,
};

/** The self-hosted CJK font's family name, as its files' name tables give it (libass matches on it). */
export const SUBTITLE_FONT_NAME = 'Noto Sans SC';
/** The CSS family the renderer asks for: the self-hosted CJK font, then whatever the system has. */
export const SUBTITLE_FONT_FAMILY = `"${SUBTITLE_FONT_NAME}", sans-serif`;
/** Weight of the subtitle font (the one weight we self-host). */
export const SUBTITLE_FONT_WEIGHT = 700;
/** Baseline to baseline, in font sizes. */
export const LINE_HEIGHT = 1.25;
/** Share of the font size below the baseline kept clear of the margin (descenders). */
const DESCENT = 0.25;
/** Share of the font size above the baseline (ascenders, CJK ideographs). */
const ASCENT = 0.95;
/** The title-safe area: nothing drawn closer than this share of the width to either side. */
export const SIDE_MARGIN = 0.05;

/** A frame's size in pixels. */
export interface FrameSize {
  readonly width: number;
  readonly height: number;
}

/** One line ready to draw: centred at `x`, its baseline at `y`. */
export interface LaidLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/** A cue laid out on a frame. */
export interface SubtitleLayout {
  /** Font size in pixels (shrunk when a line would not fit between the side margins). */
  readonly fontPx: number;
  /** Outline width in pixels. */
  readonly outlinePx: number;
  readonly lines: readonly LaidLine[];
}

/** Width of `text` in pixels at `fontPx` (the canvas's measureText; a stand-in in tests). */
export type MeasureText = (text: string, fontPx: number) => number;

/** The CSS `font` shorthand for the subtitle font at `fontPx`. */
export function subtitleFont(fontPx: number): string {
  return `${SUBTITLE_FONT_WEIGHT} ${fontPx}px ${SUBTITLE_FONT_FAMILY}`;
}

/**
 * The readability profile a line is wrapped with: Chinese limits for text with full-width
 * characters, English ones otherwise (a bilingual cue holds one of each).
 */
export function profileForText(text: string): ReadabilityProfile {
  return [...text].some((char) => !isHalfWidth(char)) ? PROFILES['netflix-zh-hans'] : PROFILES['netflix-en'];
}

/** The profiles' half-width rule (see `displayWidth`): a half-width character counts under 1. */
function isHalfWidth(char: string): boolean {
  return displayWidth(char, PROFILES.cjk) < 1;
}

/** Full-width punctuation that must not start a line (it stays with the character before it). */
const NO_LINE_START = new Set([...'，。、；：！？）》」』】〕〉”’…—～·％']);

/**
 * Splits text into the pieces a line may break between: a Latin word with the spaces after
 * it, or one CJK character with any closing punctuation after it.
 */
function breakUnits(text: string): string[] {
  const units: string[] = [];
  let word = '';
  let spaced = false;
  const flush = () => {
    if (word !== '') units.push(word);
    word = '';
    spaced = false;
  };
  for (const char of text) {
    if (!isHalfWidth(char)) {
      flush();
      const last = units.length - 1;
      if (last >= 0 && NO_LINE_START.has(char)) units[last] += char;
      else units.push(char);
    } else if (/\s/u.test(char)) {
      word += char;
      spaced = true;
    } else {
      if (spaced) flush();
      word += char;
    }
  }
  flush();
  return units;
}

/**
 * Wraps one line of text to the profile's characters per line: at spaces between Latin words,
 * between any two CJK characters (never before closing punctuation); a word longer than a
 * line keeps a line to itself. Pure.
 *
 * @example
 * wrapLine('我们今天讨论一下字幕的显示效果以及如何换行，好吗？', PROFILES['netflix-zh-hans']);
 * // ['我们今天讨论一下字幕的显示效果以', '及如何换行，好吗？']
 */
export function wrapLine(text: string, profile: ReadabilityProfile): string[] {
  const lines: string[] = [];
  let current = '';
  for (const unit of breakUnits(text.trim())) {
    const candidate = current + unit;
    if (current !== '' && displayWidth(candidate.trimEnd(), profile) > profile.maxCharsPerLine) {
      lines.push(current.trimEnd());
      current = unit.trimStart();
    } else {
      current = candidate;
    }
  }
  if (current.trim() !== '') lines.push(current.trimEnd());
  return lines;
}

/**
 * Lays a cue's text out on a frame: each of its lines wrapped per its script's profile, the
 * font sized from the style (and shrunk until the widest line fits the title-safe width),
 * lines stacked up from the bottom margin or down from the top one, centred. Pure.
 *
 * @example
 * const layout = layoutSubtitle('Hello\n你好', { width: 1280, height: 720 }, DEFAULT_SUBTITLE_STYLE, (t, px) => ctx.measureText(t).width);
 * drawSubtitle(ctx, layout, DEFAULT_SUBTITLE_STYLE);
 */
export function layoutSubtitle(text: string, frame: FrameSize, style: SubtitleStyle, measure: MeasureText): SubtitleLayout {
  const texts = text.split(/\r?\n/u).flatMap((line) => (line.trim() === '' ? [] : wrapLine(line, profileForText(line))));
  const safeWidth = frame.width * (1 - 2 * SIDE_MARGIN);
  let fontPx = Math.max(1, Math.round((frame.height * style.sizePercent) / 100));
  const widest = Math.max(0, ...texts.map((line) => measure(line, fontPx)));
  if (widest > safeWidth) fontPx = Math.max(1, Math.floor((fontPx * safeWidth) / widest));
  const lineHeight = fontPx * LINE_HEIGHT;
  const margin = (frame.height * style.marginPercent) / 100;
  const x = frame.width / 2;
  const count = texts.length;
  const lines = texts.map((line, index): LaidLine => {
    const y = style.position === 'bottom'
      ? frame.height - margin - fontPx * DESCENT - (count - 1 - index) * lineHeight
      : margin + fontPx * ASCENT + index * lineHeight;
    return { text: line, x, y };
  });
  return { fontPx, outlinePx: (fontPx * style.outlinePercent) / 100, lines };
}
