import { SUBTITLE_FONT_NAME, SUBTITLE_FONT_WEIGHT, subtitleFont } from './subtitle-layout.ts';
import { parseFontSubsets } from './font-faces.ts';
import stylesheet from '@fontsource/noto-sans-sc/700.css?raw';


/**
 * The font's subset files, emitted by Vite from the npm package and served from our origin
 * (no font CDN). Only URLs here: nothing is fetched until burn-in asks for text.
 */
const FILE_URLS: Readonly<Record<string, string>> = import.meta.glob(['/node_modules/@fontsource/noto-sans-sc/files/*-700-normal.woff2', '!**/*-chinese-simplified-*'], {
  query: '?url', import: 'default', eager: true,
});

function urlOf(file: string): string | undefined {
  return Object.entries(FILE_URLS).find(([path]) => path.endsWith(`/${file}`))?.[1];
}

const registered = new WeakSet<FontFaceSet>();

/**
 * Loads the self-hosted CJK font for `texts` into `fonts` (the page's `document.fonts` or a
 * worker's `self.fonts`): one FontFace per unicode-range subset, so only the subsets these
 * texts use are downloaded (the service worker keeps them for offline use). Resolves once
 * canvas text drawn with the subtitle font will use it.
 *
 * @example
 * await loadSubtitleFont(document.fonts, cues.map((cue) => cue.text));
 */
export async function loadSubtitleFont(fonts: FontFaceSet, texts: readonly string[]): Promise<void> {
  if (!registered.has(fonts)) {
    for (const subset of parseFontSubsets(stylesheet)) {
      const url = urlOf(subset.file);
      if (!url) continue;
      fonts.add(new FontFace(SUBTITLE_FONT_NAME, `url(${url}) format('woff2')`, { weight: String(SUBTITLE_FONT_WEIGHT), unicodeRange: subset.unicodeRange }));
    }
    registered.add(fonts);
  }
  const text = [...new Set([...texts.join('')])].join('').replace(/\s/gu, '');
  if (text !== '') await fonts.load(subtitleFont(32), text);
}

