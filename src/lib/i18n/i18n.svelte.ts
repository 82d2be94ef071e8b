import { en, type MessageKey, type Messages } from './messages/en.ts';
import { zhCN } from './messages/zh-CN.ts';
import { format, joinList, type MessageParams } from './format.ts';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const catalogs: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

/** Picks Chinese for any `zh*` browser language, else English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export { format, joinList };

/**
 * `<html lang>` follows the UI language, also when it was chosen from the browser's languages:
 * screen readers pick their voice from it, and `zh-CN` makes Han characters use Chinese glyphs
 * rather than Japanese ones.
 */
function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The UI language, reactive: components re-render when it changes. */
class I18n {
  locale = $state<Locale>(localeFromLanguages(typeof navigator === 'undefined' ? [] : navigator.languages));

  constructor() {
    applyToDocument(this.locale);
  }

  /** Translates a key, filling placeholders and plurals (`{count, plural, one {…} other {…}}`). */
  t = (key: MessageKey, params?: MessageParams): string => format(catalogs[this.locale][key], params, this.locale);

  /** Joins items as a list in the UI language ("、" in Chinese, ", " in English). */
  list = (items: readonly string[]): string => joinList(items, this.locale);

  setLocale(locale: Locale): void {
    this.locale = locale;
    applyToDocument(locale);
  }
}

export const i18n = new I18n();
export type { MessageKey };
