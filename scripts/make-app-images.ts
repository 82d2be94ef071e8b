/**
 * Renders the images the web app manifest names, with Chromium: the icons (192 and 512 px, and a
 * 512 px maskable one with the mark inside the 80 % safe zone) from static/favicon.svg into
 * static/icons/, and the install sheet's screenshots (wide and narrow) of the built app with the
 * sample video and a subtitle file opened, into static/screenshots/. The PNGs are committed; run
 * `npm run build && npm run images` after changing the favicon or the look (needs a CJK font, e.g.
 * Debian's fonts-noto-cjk, for the 字 in the mark).
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { SYSTEM_CHROMIUM } from '../playwright.config.ts';
import { startStaticServer } from '../tests/e2e/support/static-server.ts';

const svg = readFileSync('static/favicon.svg', 'utf8');
const THEME = '#1f2937';

const browser = await chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: ['--no-sandbox'] });
const page = await browser.newPage();

async function render(file: string, size: number, maskable: boolean): Promise<void> {
  await page.setViewportSize({ width: size, height: size });
  const mark = maskable ? Math.round(size * 0.72) : size;
  await page.setContent(`<!doctype html><style>html,body{margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? THEME : 'transparent'}}
    svg{width:${mark}px;height:${mark}px}</style>${svg}`);
  await page.screenshot({ path: file, omitBackground: !maskable });
}

await render('static/icons/icon-192.png', 192, false);
await render('static/icons/icon-512.png', 512, false);
await render('static/icons/maskable-512.png', 512, true);

const app = await startStaticServer('dist', { isolation: true });
for (const [file, width, height] of [['static/screenshots/wide.png', 1280, 800], ['static/screenshots/narrow.png', 400, 860]] as const) {
  const shot = await browser.newPage({ viewport: { width, height } });
  await shot.goto(app.url);
  await shot.getByTestId('file-input').setInputFiles('tests/fixtures/subtitles/lecture.srt');
  await shot.getByTestId('attach-input').setInputFiles('static/sample/sample.mp4');
  await shot.waitForTimeout(1000); // the video's first frame and the waveform
  await shot.screenshot({ path: file });
  await shot.close();
}
await app.close();
await browser.close();
