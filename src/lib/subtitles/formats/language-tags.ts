/** The four CJK font families: Simplified and Traditional Chinese, Japanese, Korean. */
export type CjkScript = 'SC' | 'TC' | 'JP' | 'KR';

// The translation panel lets users type a language's name (the suggestions in
// src/lib/llm/languages.ts, in English or natively); Whisper gives ISO 639-1 codes.
const NAMED_TAGS: ReadonlyMap<string, string> = new Map([
  ['simplified chinese', 'zh-CN'], ['简体中文', 'zh-CN'], ['chinese', 'zh'], ['中文', 'zh'],
  ['traditional chinese', 'zh-TW'], ['繁體中文', 'zh-TW'], ['cantonese', 'yue'], ['粵語', 'yue'],
  ['english', 'en'], ['japanese', 'ja'], ['日本語', 'ja'], ['korean', 'ko'], ['한국어', 'ko'],
  ['spanish', 'es'], ['español', 'es'], ['french', 'fr'], ['français', 'fr'],
  ['german', 'de'], ['deutsch', 'de'], ['russian', 'ru'], ['русский', 'ru'],
  ['portuguese', 'pt'], ['português', 'pt'], ['italian', 'it'], ['italiano', 'it'],
  ['arabic', 'ar'], ['العربية', 'ar'], ['hindi', 'hi'], ['हिन्दी', 'hi'],
  ['vietnamese', 'vi'], ['tiếng việt', 'vi'], ['thai', 'th'], ['ไทย', 'th'],
  ['indonesian', 'id'], ['bahasa indonesia', 'id'],
]);
// A two- or three-letter language subtag and optional further subtags. Longer primary
// subtags are valid BCP-47 too, but "english" is far more likely a name than a tag.
const SHORT_TAG = /^[a-z]{2,3}(?:-[a-z\d]{1,8})*$/i;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LETTER = /\p{L}/gu;

/**
 * A canonical BCP-47 tag for a language code or a known language name; undefined otherwise.
 *
 * @example
 * languageTag('Simplified Chinese'); // 'zh-CN'
 * languageTag('zh-hant-tw'); // 'zh-Hant-TW'
 * languageTag('Klingon'); // undefined
 */
export function languageTag(language: string | undefined): string | undefined {
  const trimmed = language?.trim() ?? '';
  const named = NAMED_TAGS.get(trimmed.toLowerCase());
  if (named !== undefined || !SHORT_TAG.test(trimmed)) return named;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    // Well-formed to our pattern but not to BCP-47 (a subtag of the wrong length).
    return undefined;
  }
}

/**
 * The CJK font family a language needs, from its tag or name; undefined for other languages.
 *
 * @example
 * cjkScript('Traditional Chinese'); // 'TC'
 * cjkScript('ja'); // 'JP'
 * cjkScript('en'); // undefined
 */
export function cjkScript(language: string | undefined): CjkScript | undefined {
  const tag = languageTag(language)?.toLowerCase();
  if (tag === undefined) return undefined;
  const [primary, ...subtags] = tag.split('-');
  if (primary === 'ja') return 'JP';
  if (primary === 'ko') return 'KR';
  if (primary === 'yue') return 'TC';
  if (primary !== 'zh') return undefined;
  const traditional = subtags.some((s) => s === 'hant' || s === 'tw' || s === 'hk' || s === 'mo');
  return traditional ? 'TC' : 'SC';
}

/**
 * The CJK family a text is written in, for a side whose language was not given: CJK when at
 * least half its letters are Han, kana or Hangul; any Hangul means Korean, any kana Japanese.
 *
 * @example
 * cjkScriptOfText(['字幕テスト']); // 'JP'
 * cjkScriptOfText(['Hello 你']); // undefined
 */
export function cjkScriptOfText(texts: readonly string[]): CjkScript | undefined {
  const text = texts.join('\n');
  const cjk = text.match(CJK_CHAR) ?? [];
  const letters = text.match(LETTER)?.length ?? 0;
  if (cjk.length === 0 || cjk.length * 2 < letters) return undefined;
  if (/\p{Script=Hangul}/u.test(text)) return 'KR';
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'JP';
  return 'SC';
}
