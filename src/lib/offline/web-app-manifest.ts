import type { ManifestOptions } from 'vite-plugin-pwa';
import { FILE_HANDLER_TYPES } from '../media/accepted-files.ts';

/** A manifest member translated into another language (Web App Manifest localization). */
interface Localized {
  readonly value: string;
  readonly lang: string;
}

/** The manifest members the plugin's type does not know yet. */
interface LocalizedMembers {
  readonly name_localized: Readonly<Record<string, Localized>>;
  readonly short_name_localized: Readonly<Record<string, Localized>>;
  readonly description_localized: Readonly<Record<string, Localized>>;
}

const NAME = 'Zimu 字幕 — private subtitles';
const NAME_ZH = 'Zimu 字幕 — 本地字幕工具';
const DESCRIPTION = 'Subtitles, translation and a summary from any video, made in your browser. Nothing is uploaded.';
const DESCRIPTION_ZH = '在浏览器里为任何视频生成字幕、翻译和摘要，文件不离开你的设备。';

/**
 * The web app manifest: names in both interface languages, icons (maskable too), the OS file
 * types the installed app opens ("Open with Zimu", read through `launchQueue`), and screenshots
 * for the install sheet. Theme colours match `src/app.css`.
 */
export const webAppManifest: Partial<ManifestOptions> & LocalizedMembers = {
  id: './',
  name: NAME,
  short_name: 'Zimu 字幕',
  description: DESCRIPTION,
  name_localized: { 'zh-CN': { value: NAME_ZH, lang: 'zh-CN' } },
  short_name_localized: { 'zh-CN': { value: 'Zimu 字幕', lang: 'zh-CN' } },
  description_localized: { 'zh-CN': { value: DESCRIPTION_ZH, lang: 'zh-CN' } },
  lang: 'en',
  dir: 'ltr',
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: '#1f2937',
  background_color: '#f8fafc',
  categories: ['productivity', 'utilities', 'education'],
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  file_handlers: [{ action: './', accept: Object.fromEntries(Object.entries(FILE_HANDLER_TYPES).map(([type, extensions]) => [type, [...extensions]])) }],
  launch_handler: { client_mode: 'focus-existing' },
  screenshots: [
    { src: 'screenshots/wide.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: 'Subtitles appear as the video is recognised, ready to edit.' },
    { src: 'screenshots/narrow.png', sizes: '400x860', type: 'image/png', form_factor: 'narrow', label: 'Zimu on a phone.' },
  ],
};
