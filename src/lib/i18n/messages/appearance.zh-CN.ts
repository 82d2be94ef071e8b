import type { appearanceEn } from './appearance.en.ts';

/** Chinese strings for the page's appearance (colour scheme). */
export const appearanceZhCN: Record<keyof typeof appearanceEn, string> = {
  'theme.label': '配色',
  'theme.system': '跟随系统',
  'theme.light': '浅色',
  'theme.dark': '深色',
};
