import { subtitleFont, type SubtitleLayout, type SubtitleStyle } from './subtitle-layout.ts';

/** The 2D context of a page canvas or an OffscreenCanvas: both draw the same way. */
export type Canvas2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Draws a laid-out cue: the outline stroked first (round joins, so CJK strokes keep their
 * shape), a soft shadow under it where the style asks, then the fill. The one drawing routine
 * for both the studio's preview and the burned-in export.
 *
 * @example
 * drawSubtitle(ctx, layoutSubtitle(text, frame, style, measureWith(ctx)), style);
 */
export function drawSubtitle(ctx: Canvas2D, layout: SubtitleLayout, style: SubtitleStyle): void {
  if (layout.lines.length === 0) return;
  ctx.save();
  ctx.font = subtitleFont(layout.fontPx);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  if (style.shadow) {
    ctx.shadowColor = 'rgb(0 0 0 / 0.6)';
    ctx.shadowBlur = layout.fontPx * 0.15;
    ctx.shadowOffsetY = layout.fontPx * 0.05;
  }
  if (layout.outlinePx > 0) {
    ctx.strokeStyle = style.outlineColor;
    ctx.lineWidth = layout.outlinePx * 2; // the stroke is centred on the glyph's edge
    for (const line of layout.lines) ctx.strokeText(line.text, line.x, line.y);
    ctx.shadowColor = 'transparent';
  }
  ctx.fillStyle = style.color;
  for (const line of layout.lines) ctx.fillText(line.text, line.x, line.y);
  ctx.restore();
}

/** A MeasureText over a real context, with the subtitle font set for each size asked. */
export function measureWith(ctx: Canvas2D): (text: string, fontPx: number) => number {
  return (text, fontPx) => {
    ctx.font = subtitleFont(fontPx);
    return ctx.measureText(text).width;
  };
}
