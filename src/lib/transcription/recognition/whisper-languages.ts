/**
 * Whisper's 99 language codes in token order: `<|en|>` is 50259, `<|zh|>` 50260 … `<|su|>` 50357
 * in the multilingual tiny … large-v2 vocabularies. large-v3 adds `<|yue|>` after `<|su|>` and
 * shifts every later special token by one, so ids are never derived from this list: they come
 * from the model's own `generation_config.lang_to_id` (see `languagesOf`).
 */
export const WHISPER_LANGUAGE_CODES: readonly string[] = (
  'en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th ur hr bg lt ' +
  'la mi ml cy sk te fa lv bn sr az sl kn et mk br eu is hy ne mn bs kk sq sw gl mr pa si km sn yo so af oc ka ' +
  'be tg sd gu am yi lo uz fo ht ps tk nn mt sa lb my bo tl mg as tt haw ln ha ba jw su'
).split(' ');

/** Whisper's codes that are not the BCP 47 code `Intl` knows (Javanese is `jv`). */
const BCP47: Readonly<Record<string, string>> = { jw: 'jv' };

/** A language as a picker shows it. */
export interface LanguageOption {
  readonly code: string;
  readonly name: string;
}

/**
 * UI locales are plain BCP 47 tags (the app's `Locale`, 'en' | 'zh-CN', fits), so this core
 * module needs nothing from the UI layer.
 */
const displayNames = new Map<string, Intl.DisplayNames | undefined>();

/**
 * The language's name in the UI language ("French" / "法语"), or the code itself where the
 * browser does not know it.
 *
 * @example
 * languageName('fr', 'zh-CN'); // → '法语'
 * languageName('yue', 'en'); // → 'Cantonese'
 */
export function languageName(code: string, uiLocale: string): string {
  const names = namesFor(uiLocale);
  try {
    return names?.of(BCP47[code] ?? code) ?? code;
  } catch {
    // `of` throws RangeError for a malformed code; a name is still owed to the user.
    return code;
  }
}

/**
 * Languages sorted by their name in the UI language (pinyin order in Chinese), for a picker.
 *
 * @example
 * languageOptions('en', ['fr', 'en']); // → [{ code: 'en', name: 'English' }, { code: 'fr', name: 'French' }]
 */
export function languageOptions(uiLocale: string, codes: readonly string[] = WHISPER_LANGUAGE_CODES): LanguageOption[] {
  const collator = new Intl.Collator(uiLocale);
  return codes
    .map((code) => ({ code, name: languageName(code, uiLocale) }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
}

/**
 * The codes a model knows, in token order, from its `lang_to_id` (`{ '<|en|>': 50259, … }`);
 * includes `yue` for large-v3. Pure.
 */
export function languagesOf(langToId: Readonly<Record<string, number>>): string[] {
  return Object.entries(langToId)
    .map(([token, id]) => ({ code: languageCodeOf(token), id }))
    .filter((entry): entry is { code: string; id: number } => entry.code !== undefined)
    .sort((a, b) => a.id - b.id)
    .map((entry) => entry.code);
}

/** `<|fr|>` → `fr`; undefined for anything that is not a language token. */
export function languageCodeOf(token: string): string | undefined {
  return /^<\|([a-z]{2,3})\|>$/.exec(token)?.[1];
}

function namesFor(uiLocale: string): Intl.DisplayNames | undefined {
  if (!displayNames.has(uiLocale)) {
    // Old engines lack Intl.DisplayNames: fall back to codes rather than fail.
    const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([uiLocale], { type: 'language', fallback: 'code' }) : undefined;
    displayNames.set(uiLocale, names);
  }
  return displayNames.get(uiLocale);
}
