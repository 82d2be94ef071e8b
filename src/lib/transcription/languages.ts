/** A public mirror of the hub for users who cannot reach it; same layout. */
export const HF_MIRROR_HOST = 'https://hf-mirror.com';

export interface SpokenLanguage {
  /** Whisper's language code (ISO 639-1). */
  readonly code: string;
  /** The ISO 639-2 codes containers use to tag audio tracks (`eng`, `chi`/`zho`…). */
  readonly trackCodes: readonly string[];
  readonly en: string;
  readonly zh: string;
}

/** The languages users ask for most; the full list of Whisper's 99 comes with language detection. */
export const SPOKEN_LANGUAGES: readonly SpokenLanguage[] = [
  { code: 'en', trackCodes: ['eng'], en: 'English', zh: '英语' },
  { code: 'zh', trackCodes: ['chi', 'zho', 'cmn', 'yue'], en: 'Chinese', zh: '中文' },
  { code: 'ja', trackCodes: ['jpn'], en: 'Japanese', zh: '日语' },
  { code: 'ko', trackCodes: ['kor'], en: 'Korean', zh: '韩语' },
  { code: 'fr', trackCodes: ['fre', 'fra'], en: 'French', zh: '法语' },
  { code: 'de', trackCodes: ['ger', 'deu'], en: 'German', zh: '德语' },
  { code: 'es', trackCodes: ['spa'], en: 'Spanish', zh: '西班牙语' },
  { code: 'ru', trackCodes: ['rus'], en: 'Russian', zh: '俄语' },
  { code: 'pt', trackCodes: ['por'], en: 'Portuguese', zh: '葡萄牙语' },
  { code: 'it', trackCodes: ['ita'], en: 'Italian', zh: '意大利语' },
];

/**
 * The audio track to preselect: the first whose language tag matches the chosen spoken
 * language, else the first. Pure.
 */
export function defaultTrack(tracks: readonly { readonly language: string | undefined }[], language: string | undefined): number {
  const wanted = SPOKEN_LANGUAGES.find((l) => l.code === language);
  if (!wanted) return 0;
  const match = tracks.findIndex((t) => t.language !== undefined && (t.language === wanted.code || wanted.trackCodes.includes(t.language)));
  return match >= 0 ? match : 0;
}
