import { en, type MessageKey, type Messages } from './messages/en.ts';
import { zhCN } from './messages/zh-CN.ts';

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

/** Fills `{name}` placeholders. Pure. */
export function format(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The UI language, reactive: components re-render when it changes. */
class I18n {
  locale = $state<Locale>(localeFromLanguages(typeof navigator === 'undefined' ? [] : navigator.languages));

  /** Translates a key, filling placeholders. */
  t = (key: MessageKey, params?: Readonly<Record<string, string | number>>): string =>
    format(catalogs[this.locale][key], params);

  setLocale(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale;
  }
}

export const i18n = new I18n();
export type { MessageKey };
