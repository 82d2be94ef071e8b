/**
 * How an audio track's language tag and title read in the UI: "eng" becomes "英语" / "English",
 * and a title that only names that language again ("English", "Français") is left out. Pure.
 */

const names = new Map<string, Intl.DisplayNames | undefined>();

function displayNames(locale: string): Intl.DisplayNames | undefined {
  if (!names.has(locale)) {
    let made: Intl.DisplayNames | undefined;
    try {
      made = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    } catch {
      made = undefined; // no Intl.DisplayNames, or a tag the browser rejects: the code is shown
    }
    names.set(locale, made);
  }
  return names.get(locale);
}

/** The language's name in `locale`, or undefined when the browser does not know the code. */
function nameOf(code: string, locale: string): string | undefined {
  try {
    return displayNames(locale)?.of(code);
  } catch {
    return undefined; // RangeError: not a well-formed language code
  }
}

/** Containers say "und" (or nothing) for an unknown language: no tag is better than "und". */
const UNKNOWN = new Set(['und', 'unk', 'mis', 'zxx', 'mul']);

/**
 * The tags to show beside a track: its language by name in the UI language (ISO 639-2 codes such
 * as "eng", "fra", "chi" work, as Matroska and MP4 write them), then its title unless the title
 * only names that language.
 *
 * @example
 * trackTags('eng', 'English', 'zh-CN'); // ['英语']
 * trackTags('fra', 'Français', 'en'); // ['French']
 * trackTags('jpn', 'Commentary', 'en'); // ['Japanese', 'Commentary']
 */
export function trackTags(language: string | undefined, title: string | undefined, locale: string): string[] {
  const code = language?.trim() ?? '';
  const known = code && !UNKNOWN.has(code.toLowerCase());
  const label = known ? (nameOf(code, locale) ?? code) : undefined;
  const heading = title?.trim();
  const sameLanguage = (text: string): boolean => {
    if (!known) return false;
    const lower = text.toLocaleLowerCase();
    return [label, nameOf(code, 'en'), nameOf(code, code), code].some((name) => name?.toLocaleLowerCase() === lower);
  };
  return [label, heading && !sameLanguage(heading) ? heading : undefined].filter((tag): tag is string => Boolean(tag));
}
