import { describe, expect, it } from 'vitest';
import { displayWidth, PROFILES } from '../../subtitles/segment/profiles.ts';
import { DEFAULT_SUBTITLE_STYLE, layoutSubtitle, LINE_HEIGHT, profileForText, SIDE_MARGIN, subtitleFont, wrapLine, type SubtitleStyle } from './subtitle-layout.ts';

const EN = PROFILES['netflix-en'];
const ZH = PROFILES['netflix-zh-hans'];
/** A monospace stand-in for measureText: full-width characters one em, the rest half. */
const measure = (text: string, fontPx: number) => displayWidth(text, ZH) * fontPx;
const FRAME = { width: 1280, height: 720 };

describe('wrapLine', () => {
  it('keeps a short line whole', () => {
    expect(wrapLine('Hello there', EN)).toEqual(['Hello there']);
  });

  it('breaks Latin text at spaces within the characters per line', () => {
    const text = 'The quick brown fox jumps over the lazy dog and keeps running far away';
    const lines = wrapLine(text, EN);
    expect(lines.length).toBe(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(EN.maxCharsPerLine);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks CJK text between any two characters at 16 per line', () => {
    const text = '我们今天讨论一下字幕的显示效果以及如何换行好吗';
    const lines = wrapLine(text, ZH);
    expect(lines).toEqual(['我们今天讨论一下字幕的显示效果以', '及如何换行好吗']);
  });

  it('never starts a line with closing punctuation', () => {
    const lines = wrapLine('我们今天讨论一下字幕的显示效果以，及如何换行', ZH);
    expect(lines[0]).toBe('我们今天讨论一下字幕的显示效果');
    expect(lines[1]?.startsWith('以，')).toBe(true);
  });

  it('keeps Latin words whole inside CJK text (half-width counts half)', () => {
    const lines = wrapLine('我们用Python和JavaScript来写这个字幕工具吧好的', ZH);
    for (const line of lines) expect(displayWidth(line, ZH)).toBeLessThanOrEqual(ZH.maxCharsPerLine);
    expect(lines.join('')).toBe('我们用Python和JavaScript来写这个字幕工具吧好的');
    expect(lines.some((line) => line.includes('JavaScript'))).toBe(true);
  });

  it('gives a word longer than a line a line of its own', () => {
    expect(wrapLine('a Supercalifragilisticexpialidocious-and-then-some-more-letters b', EN)).toEqual([
      'a', 'Supercalifragilisticexpialidocious-and-then-some-more-letters', 'b',
    ]);
  });
});

describe('profileForText', () => {
  it('uses the Chinese limits for text with full-width characters', () => {
    expect(profileForText('你好 world').id).toBe('netflix-zh-hans');
    expect(profileForText('Hello, world').id).toBe('netflix-en');
  });
});

describe('layoutSubtitle', () => {
  it('stacks lines up from the bottom margin, centred, a line height apart', () => {
    const layout = layoutSubtitle('Hello\n你好', FRAME, DEFAULT_SUBTITLE_STYLE, measure);
    expect(layout.fontPx).toBe(36);
    expect(layout.lines.map((line) => line.text)).toEqual(['Hello', '你好']);
    const [first, second] = layout.lines;
    expect(first?.x).toBe(640);
    expect((second?.y ?? 0) - (first?.y ?? 0)).toBeCloseTo(36 * LINE_HEIGHT);
    // The last baseline sits the margin plus the descent above the bottom edge.
    expect(second?.y).toBeCloseTo(720 - 720 * 0.06 - 36 * 0.25);
  });

  it('hangs lines down from the top margin when placed at the top', () => {
    const style: SubtitleStyle = { ...DEFAULT_SUBTITLE_STYLE, position: 'top', marginPercent: 10 };
    const layout = layoutSubtitle('One\nTwo', FRAME, style, measure);
    expect(layout.lines[0]?.y).toBeCloseTo(72 + 36 * 0.95);
    expect(layout.lines[1]?.y).toBeGreaterThan(layout.lines[0]?.y ?? 0);
  });

  it('wraps each line of a bilingual cue with its own script’s profile', () => {
    const layout = layoutSubtitle('This sentence is long enough that it has to wrap onto two lines\n这是一句足够长的中文句子所以它也必须换到第二行', FRAME, DEFAULT_SUBTITLE_STYLE, measure);
    expect(layout.lines.length).toBe(4);
    expect(displayWidth(layout.lines[2]?.text ?? '', ZH)).toBeLessThanOrEqual(16);
  });

  it('shrinks the font until the widest line fits the title-safe width', () => {
    const style: SubtitleStyle = { ...DEFAULT_SUBTITLE_STYLE, sizePercent: 20 };
    const layout = layoutSubtitle('这是一句足够长的中文句子', FRAME, style, measure);
    const widest = Math.max(...layout.lines.map((line) => measure(line.text, layout.fontPx)));
    expect(widest).toBeLessThanOrEqual(FRAME.width * (1 - 2 * SIDE_MARGIN));
    expect(layout.fontPx).toBeLessThan(144);
  });

  it('scales with the frame, so the preview and a 1080p export match', () => {
    const small = layoutSubtitle('Hi', { width: 640, height: 360 }, DEFAULT_SUBTITLE_STYLE, measure);
    const large = layoutSubtitle('Hi', { width: 1920, height: 1080 }, DEFAULT_SUBTITLE_STYLE, measure);
    expect(large.fontPx / small.fontPx).toBeCloseTo(3, 1);
    expect((large.lines[0]?.y ?? 0) / (small.lines[0]?.y ?? 1)).toBeCloseTo(3, 1);
    expect(large.outlinePx).toBeCloseTo(large.fontPx * 0.12);
  });

  it('lays out nothing for blank text', () => {
    expect(layoutSubtitle(' \n ', FRAME, DEFAULT_SUBTITLE_STYLE, measure).lines).toEqual([]);
  });

  it('names the self-hosted font first', () => {
    expect(subtitleFont(30)).toBe('700 30px "Noto Sans SC", sans-serif');
  });
});
