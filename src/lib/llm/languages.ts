import type { Locale } from '../i18n/i18n.svelte.ts';

/** Suggestions for output languages; any other name the user types works too. */
export const OUTPUT_LANGUAGES: readonly { readonly name: string; readonly native: string }[] = [
  { name: 'Simplified Chinese', native: '简体中文' },
  { name: 'Traditional Chinese', native: '繁體中文' },
  { name: 'English', native: 'English' },
  { name: 'Japanese', native: '日本語' },
  { name: 'Korean', native: '한국어' },
  { name: 'Spanish', native: 'Español' },
  { name: 'French', native: 'Français' },
  { name: 'German', native: 'Deutsch' },
  { name: 'Russian', native: 'Русский' },
  { name: 'Portuguese', native: 'Português' },
  { name: 'Italian', native: 'Italiano' },
  { name: 'Arabic', native: 'العربية' },
  { name: 'Hindi', native: 'हिन्दी' },
  { name: 'Vietnamese', native: 'Tiếng Việt' },
  { name: 'Thai', native: 'ไทย' },
  { name: 'Indonesian', native: 'Bahasa Indonesia' },
];

const LOCALE_LANGUAGE: Record<Locale, string> = { en: 'English', 'zh-CN': 'Simplified Chinese' };

/**
 * The language to write in: the user's choice, else the interface language. Pure.
 *
 * @example
 * outputLanguage('', 'zh-CN'); // 'Simplified Chinese'
 * outputLanguage(' Japanese ', 'en'); // 'Japanese'
 */
export function outputLanguage(choice: string, locale: Locale): string {
  return choice.trim() || LOCALE_LANGUAGE[locale];
}
