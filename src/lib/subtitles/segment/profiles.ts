/** The limits that make a subtitle readable, after Netflix's timed-text style guides. */
export interface ReadabilityProfile {
  readonly id: ProfileId;
  /** Width of one line, in display characters (see `displayWidth`). */
  readonly maxCharsPerLine: number;
  readonly maxLines: number;
  /** Reading speed: display characters per second, line breaks not counted. */
  readonly maxCharsPerSecond: number;
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /** The least time between one subtitle's end and the next one's start. */
  readonly minGapSeconds: number;
  /** What a half-width character (ASCII, Latin script) counts; full-width ones count 1. */
  readonly halfWidthWeight: number;
}

export type ProfileId = 'netflix-en' | 'netflix-zh-hans' | 'netflix-zh-hant' | 'cjk' | 'web';

// Netflix's minimum duration is 20 frames and its minimum gap 2 frames at 24 fps (5/6 s and
// 1/12 s). Stored rounded down to whole milliseconds, so cues that went through SRT (which
// keeps milliseconds) and sit exactly on the limit are not reported.
const NETFLIX_TIMING = { minSeconds: 0.833, maxSeconds: 7, minGapSeconds: 0.083 } as const;

const CHINESE = { maxCharsPerLine: 16, maxLines: 2, maxCharsPerSecond: 9, halfWidthWeight: 0.5, ...NETFLIX_TIMING } as const;

/** The profiles in the order a settings list shows them. */
export const PROFILE_IDS: readonly ProfileId[] = ['netflix-en', 'netflix-zh-hans', 'netflix-zh-hant', 'cjk', 'web'];

/** Every profile, keyed by id. */
export const PROFILES: Readonly<Record<ProfileId, ReadabilityProfile>> = {
  'netflix-en': { id: 'netflix-en', maxCharsPerLine: 42, maxLines: 2, maxCharsPerSecond: 20, halfWidthWeight: 1, ...NETFLIX_TIMING },
  'netflix-zh-hans': { id: 'netflix-zh-hans', ...CHINESE },
  'netflix-zh-hant': { id: 'netflix-zh-hant', ...CHINESE },
  // Japanese and Korean: the Chinese limits, not Netflix's own (Japanese 13 per line at 4 per
  // second would flag nearly every line Whisper writes); what matters here is the CJK widths.
  cjk: { id: 'cjk', ...CHINESE },
  web: {
    id: 'web',
    maxCharsPerLine: 60,
    maxLines: 2,
    maxCharsPerSecond: 25,
    minSeconds: 0.5,
    maxSeconds: 10,
    minGapSeconds: 0,
    halfWidthWeight: 1,
  },
};

const TRADITIONAL = new Set(['hant', 'tw', 'hk', 'mo']);
const SIMPLIFIED = new Set(['hans', 'cn', 'sg', 'my']);

/**
 * The profile for a BCP 47 tag or a Whisper language name: Chinese by script or region
 * (Cantonese, `yue`, is written in Traditional characters in Hong Kong, so it defaults to
 * zh-hant), Japanese and Korean get `cjk`, everything else — and no language — `netflix-en`.
 *
 * @example
 * profileForLanguage('zh-TW').id; // 'netflix-zh-hant'
 * profileForLanguage('ja').id; // 'cjk'
 * profileForLanguage(undefined).id; // 'netflix-en'
 */
export function profileForLanguage(language: string | undefined): ReadabilityProfile {
  const [primary = '', ...subtags] = (language ?? '').toLowerCase().split(/[-_]/);
  if (primary === 'zh' || primary === 'chinese' || primary === 'cmn') {
    return PROFILES[subtags.some((tag) => TRADITIONAL.has(tag)) ? 'netflix-zh-hant' : 'netflix-zh-hans'];
  }
  if (primary === 'yue' || primary === 'cantonese') {
    return PROFILES[subtags.some((tag) => SIMPLIFIED.has(tag)) ? 'netflix-zh-hans' : 'netflix-zh-hant'];
  }
  if (['ja', 'japanese', 'ko', 'korean'].includes(primary)) return PROFILES.cjk;
  return PROFILES['netflix-en'];
}

/**
 * How wide text is on screen in the profile's characters: full-width (CJK) characters count 1,
 * half-width ones (ASCII, Latin script, spaces) count `halfWidthWeight`. Line breaks count 0.
 *
 * @example
 * displayWidth('用 Python', PROFILES['netflix-zh-hans']); // 1 + 7 × 0.5 = 4.5
 */
export function displayWidth(text: string, profile: ReadabilityProfile): number {
  let full = 0;
  let half = 0;
  for (const char of text) {
    // for…of walks code points, so a character outside the BMP counts once.
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x0a || code === 0x0d) continue;
    if (isHalfWidth(code)) half += 1;
    else full += 1;
  }
  return full + half * profile.halfWidthWeight;
}

/**
 * Half-width: everything before U+1100 (ASCII and the alphabetic scripts) and the half-width
 * forms block. From U+1100 on (Hangul, general punctuation, CJK) is full-width: in a Chinese
 * font even “ ” — … take a full cell.
 */
function isHalfWidth(code: number): boolean {
  return code < 0x1100 || (code >= 0xff61 && code <= 0xffdc) || (code >= 0xffe8 && code <= 0xffee);
}
