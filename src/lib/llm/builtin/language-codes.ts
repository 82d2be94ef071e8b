/**
 * Language names as Zimu carries them (English names such as 'Simplified Chinese', or whatever
 * the user typed) → the BCP 47 tags the built-in AI takes. Kept here rather than in
 * `../languages.ts` so that the chat providers, which pass names straight into prompts, stay
 * untouched. Chrome's Translator names Chinese 'zh' (Simplified) and 'zh-Hant' (Traditional).
 */

/** English names (lower case) → tags; covers OUTPUT_LANGUAGES and Chrome's translation languages. */
const NAME_TO_CODE: Readonly<Record<string, string>> = {
  'simplified chinese': 'zh',
  'chinese (simplified)': 'zh',
  'chinese simplified': 'zh',
  chinese: 'zh',
  mandarin: 'zh',
  'traditional chinese': 'zh-Hant',
  'chinese (traditional)': 'zh-Hant',
  'chinese traditional': 'zh-Hant',
  english: 'en',
  japanese: 'ja',
  korean: 'ko',
  spanish: 'es',
  french: 'fr',
  german: 'de',
  russian: 'ru',
  portuguese: 'pt',
  italian: 'it',
  arabic: 'ar',
  hindi: 'hi',
  vietnamese: 'vi',
  thai: 'th',
  indonesian: 'id',
  bengali: 'bn',
  bulgarian: 'bg',
  croatian: 'hr',
  czech: 'cs',
  danish: 'da',
  dutch: 'nl',
  finnish: 'fi',
  greek: 'el',
  hebrew: 'he',
  hungarian: 'hu',
  kannada: 'kn',
  lithuanian: 'lt',
  marathi: 'mr',
  norwegian: 'no',
  polish: 'pl',
  romanian: 'ro',
  slovak: 'sk',
  slovenian: 'sl',
  swedish: 'sv',
  tamil: 'ta',
  telugu: 'te',
  turkish: 'tr',
  ukrainian: 'uk',
  // The native names OUTPUT_LANGUAGES shows beside the English ones, in case one was typed.
  简体中文: 'zh',
  中文: 'zh',
  繁體中文: 'zh-Hant',
  繁体中文: 'zh-Hant',
  日本語: 'ja',
  한국어: 'ko',
  español: 'es',
  français: 'fr',
  deutsch: 'de',
  русский: 'ru',
  português: 'pt',
  italiano: 'it',
  العربية: 'ar',
  हिन्दी: 'hi',
  'tiếng việt': 'vi',
  ไทย: 'th',
  'bahasa indonesia': 'id',
};

// A typed tag such as 'ja', 'pt-BR' or 'zh-Hant-TW' (a 2–3 letter language, then subtags).
const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/**
 * The BCP 47 tag for a language name, or undefined when it is not one we know. A typed tag is
 * taken as is (canonicalised). Pure.
 *
 * @example
 * languageCode('Simplified Chinese'); // 'zh'
 * languageCode('Traditional Chinese'); // 'zh-Hant'
 * languageCode('pt-br'); // 'pt-BR'
 * languageCode('Klingon'); // undefined
 */
export function languageCode(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  const known = NAME_TO_CODE[key];
  if (known) return known;
  if (!TAG.test(key)) return undefined;
  try {
    return Intl.getCanonicalLocales(key)[0];
  } catch {
    return undefined;
  }
}

/**
 * Whether two tags name the same language for translation: the same primary language, and no
 * script subtag on either ('en' and 'en-GB', 'pt' and 'pt-BR'), or equal once canonical. 'zh'
 * (Simplified) and 'zh-Hant' stay different: converting between the scripts is a real
 * translation. Pure.
 *
 * @example
 * sameLanguage('zh', 'zh-Hant'); // false
 * sameLanguage('EN', 'en-GB'); // true
 */
export function sameLanguage(a: string, b: string): boolean {
  if (canonical(a) === canonical(b)) return true;
  return primaryLanguage(a) === primaryLanguage(b) && !hasScript(a) && !hasScript(b);
}

/** The primary language subtag, lower case ('zh-Hant' → 'zh'). Pure. */
export function primaryLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

// A script subtag is four letters: zh-Hant, sr-Latn.
function hasScript(tag: string): boolean {
  return tag.split('-').slice(1).some((subtag) => /^[a-z]{4}$/i.test(subtag));
}

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag.toLowerCase();
  } catch {
    return tag.toLowerCase();
  }
}
