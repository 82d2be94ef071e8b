import type { Locale } from '../i18n/i18n.svelte.ts';

/**
 * An output language Zimu suggests. `name` is what prompts, stored translations and file names
 * carry (English: models follow it best, and the e2e prompts check it); the user reads
 * `languageLabel(name, locale)` instead.
 */
export interface OutputLanguageEntry {
  readonly name: string;
  /** The language's name in itself, shown beside the label in the picker. */
  readonly native: string;
  /** BCP 47 tag, for `Intl.DisplayNames`. */
  readonly tag: string;
}

/** Suggestions for output languages; any other name the user types works too. */
export const OUTPUT_LANGUAGES: readonly OutputLanguageEntry[] = [
  { name: 'Simplified Chinese', native: '简体中文', tag: 'zh-Hans' },
  { name: 'Traditional Chinese', native: '繁體中文', tag: 'zh-Hant' },
  { name: 'English', native: 'English', tag: 'en' },
  { name: 'Japanese', native: '日本語', tag: 'ja' },
  { name: 'Korean', native: '한국어', tag: 'ko' },
  { name: 'Spanish', native: 'Español', tag: 'es' },
  { name: 'French', native: 'Français', tag: 'fr' },
  { name: 'German', native: 'Deutsch', tag: 'de' },
  { name: 'Russian', native: 'Русский', tag: 'ru' },
  { name: 'Portuguese', native: 'Português', tag: 'pt' },
  { name: 'Italian', native: 'Italiano', tag: 'it' },
  { name: 'Arabic', native: 'العربية', tag: 'ar' },
  { name: 'Hindi', native: 'हिन्दी', tag: 'hi' },
  { name: 'Vietnamese', native: 'Tiếng Việt', tag: 'vi' },
  { name: 'Thai', native: 'ไทย', tag: 'th' },
  { name: 'Indonesian', native: 'Bahasa Indonesia', tag: 'id' },
];

const LOCALE_LANGUAGE: Record<Locale, string> = { en: 'English', 'zh-CN': 'Simplified Chinese' };

const displayNames = new Map<string, Intl.DisplayNames | undefined>();

/** The language's name in the UI language, or undefined where the browser has no names. */
function nameIn(locale: Locale, tag: string): string | undefined {
  if (!displayNames.has(locale)) {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    } catch {
      names = undefined; // a browser without Intl.DisplayNames: the English name is shown
    }
    displayNames.set(locale, names);
  }
  return displayNames.get(locale)?.of(tag);
}

/** The label in this UI language of a suggested language. */
function labelOf(entry: OutputLanguageEntry, locale: Locale): string {
  return locale === 'en' ? entry.name : (nameIn(locale, entry.tag) ?? entry.name);
}

/** The suggestion a typed or chosen name means: its English, native or any UI-language name. */
function entryFor(name: string): OutputLanguageEntry | undefined {
  const wanted = name.trim().toLocaleLowerCase();
  if (!wanted) return undefined;
  return OUTPUT_LANGUAGES.find(
    (entry) =>
      entry.name.toLocaleLowerCase() === wanted ||
      entry.native.toLocaleLowerCase() === wanted ||
      labelOf(entry, 'zh-CN').toLocaleLowerCase() === wanted,
  );
}

/**
 * The language to write in, as prompts and stored translations name it: the user's choice (a
 * suggested language in any of its names becomes its English name), else the interface language.
 * Pure.
 *
 * @example
 * outputLanguage('', 'zh-CN'); // 'Simplified Chinese'
 * outputLanguage('日语', 'zh-CN'); // 'Japanese'
 * outputLanguage(' Klingon ', 'en'); // 'Klingon'
 */
export function outputLanguage(choice: string, locale: Locale): string {
  const trimmed = choice.trim();
  if (!trimmed) return LOCALE_LANGUAGE[locale];
  return entryFor(trimmed)?.name ?? trimmed;
}

/**
 * What the user reads for a language name: in a Chinese UI the Chinese name ("简体中文", "日语"),
 * in English the English one; a name Zimu does not know is shown as typed.
 *
 * @example
 * languageLabel('Simplified Chinese', 'zh-CN'); // '简体中文'
 * languageLabel('Japanese', 'en'); // 'Japanese'
 */
export function languageLabel(name: string, locale: Locale): string {
  const entry = entryFor(name);
  return entry ? labelOf(entry, locale) : name.trim();
}

/**
 * The picker's suggestions: the value is the name in the UI language (what the field then shows),
 * the label the language's own name where that differs.
 *
 * @example
 * languageSuggestions('zh-CN')[3]; // { value: '日语', label: '日本語' }
 */
export function languageSuggestions(locale: Locale): { value: string; label: string }[] {
  return OUTPUT_LANGUAGES.map((entry) => {
    const value = labelOf(entry, locale);
    return { value, label: entry.native === value ? '' : entry.native };
  });
}
