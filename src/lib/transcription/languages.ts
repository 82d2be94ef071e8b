/** A public mirror of the hub for users who cannot reach it; same layout. */
export const HF_MIRROR_HOST = 'https://hf-mirror.com';

export interface SpokenLanguage {
  /** Whisper's language code. */
  readonly code: string;
  readonly en: string;
  readonly zh: string;
}

/** The languages users ask for most; the full list of Whisper's 99 comes with language detection. */
export const SPOKEN_LANGUAGES: readonly SpokenLanguage[] = [
  { code: 'en', en: 'English', zh: '英语' },
  { code: 'zh', en: 'Chinese', zh: '中文' },
  { code: 'ja', en: 'Japanese', zh: '日语' },
  { code: 'ko', en: 'Korean', zh: '韩语' },
  { code: 'fr', en: 'French', zh: '法语' },
  { code: 'de', en: 'German', zh: '德语' },
  { code: 'es', en: 'Spanish', zh: '西班牙语' },
  { code: 'ru', en: 'Russian', zh: '俄语' },
  { code: 'pt', en: 'Portuguese', zh: '葡萄牙语' },
  { code: 'it', en: 'Italian', zh: '意大利语' },
];
