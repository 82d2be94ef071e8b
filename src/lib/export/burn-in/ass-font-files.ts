import stylesheet from '@fontsource/noto-sans-sc/700.css?raw';
import { AppErrorException } from '../../errors.ts';
import { planAssFonts, type AssFontPlan } from './ass-fonts.ts';
import { parseFontSubsets } from './font-faces.ts';
import { measureWith } from './subtitle-draw.ts';
import { SUBTITLE_FONT_NAME, SUBTITLE_FONT_WEIGHT, type MeasureText } from './subtitle-layout.ts';

/**
 * The font's WOFF files, served from our origin like the WOFF2 ones the canvas path loads:
 * ffmpeg.wasm's FreeType is built without Brotli, so it reads WOFF but not WOFF2. URLs only;
 * nothing is fetched until a fallback burn-in asks for text. The one-file `chinese-simplified`
 * set (1.6 MB) is left out, here and for the canvas: no unicode-range names it, so it is never
 * used, and "Make available offline" would download it.
 */
const WOFF_URLS: Readonly<Record<string, string>> = import.meta.glob(['/node_modules/@fontsource/noto-sans-sc/files/*-700-normal.woff', '!**/*-chinese-simplified-*'], {
  query: '?url', import: 'default', eager: true,
});

/** One font file for ffmpeg's fonts folder. */
export interface AssFontFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The fonts a fallback burn-in writes for libass, and the canvas measure that lays its text out. */
export interface AssFonts {
  readonly plan: AssFontPlan;
  readonly files: readonly AssFontFile[];
  readonly measure: MeasureText;
}

/**
 * Fetches the subset files `texts` need (the service worker keeps them for offline use) and
 * registers the same bytes with `fonts`, so the canvas measure — and so the wrapping and font
 * sizes — are those of the preview. A file that can't be had is left out (its characters come
 * out as boxes); none at all is `burn-in-font-missing`, since libass without fontconfig has no
 * other font to draw with.
 *
 * @example
 * const { plan, files, measure } = await loadAssFonts(self.fonts, cues.map((cue) => cue.text));
 */
export async function loadAssFonts(fonts: FontFaceSet, texts: readonly string[]): Promise<AssFonts> {
  const plan = planAssFonts(parseFontSubsets(stylesheet), texts);
  const loaded = await Promise.all(plan.files.map((name) => fetchFont(name)));
  const files = loaded.filter((file): file is AssFontFile => file !== undefined);
  if (files.length === 0) throw new AppErrorException({ code: 'burn-in-font-missing' });
  for (const file of files) {
    const face = new FontFace(SUBTITLE_FONT_NAME, file.bytes.slice().buffer, { weight: String(SUBTITLE_FONT_WEIGHT) });
    fonts.add(await face.load());
  }
  return { plan, files, measure: canvasMeasure() };
}

async function fetchFont(name: string): Promise<AssFontFile | undefined> {
  const url = Object.entries(WOFF_URLS).find(([path]) => path.endsWith(`/${name}`))?.[1];
  if (!url) return undefined;
  try {
    const response = await fetch(url);
    return response.ok ? { name, bytes: new Uint8Array(await response.arrayBuffer()) } : undefined;
  } catch {
    return undefined;
  }
}

/** The canvas's measure where this worker has OffscreenCanvas; else one em per full-width character. */
function canvasMeasure(): MeasureText {
  const context = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null;
  if (context) return measureWith(context);
  return (text, fontPx) => [...text].reduce((width, char) => width + ((char.codePointAt(0) ?? 0) > 0x2e7f ? 1 : 0.55), 0) * fontPx;
}
