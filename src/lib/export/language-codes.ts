import { languageTag } from '../subtitles/formats/language-tags.ts';

/**
 * Which ISO 639-2 form a container's language field takes. MP4 (ISO 14496-12 `mdhd`) stores the
 * terminology form (`zho`, `fra`, `deu`), which Apple's players and VLC name; Matroska's
 * `Language` element is specified in the bibliographic form (`chi`, `fre`, `ger`), which mpv,
 * VLC, MPC-HC/LAV and Plex read. The 20 languages where they differ are listed below; for the
 * rest both forms are the same code.
 */
export type Iso639Form = 'T' | 'B';

/** ISO 639-1 → ISO 639-2/T for every Whisper language and a few more a translation may name. */
const TERMINOLOGY: Readonly<Record<string, string>> = {
  af: 'afr', am: 'amh', ar: 'ara', as: 'asm', az: 'aze', ba: 'bak', be: 'bel', bg: 'bul', bn: 'ben', bo: 'bod',
  br: 'bre', bs: 'bos', ca: 'cat', cs: 'ces', cy: 'cym', da: 'dan', de: 'deu', el: 'ell', en: 'eng', es: 'spa',
  et: 'est', eu: 'eus', fa: 'fas', fi: 'fin', fo: 'fao', fr: 'fra', ga: 'gle', gl: 'glg', gu: 'guj', ha: 'hau',
  he: 'heb', hi: 'hin', hr: 'hrv', ht: 'hat', hu: 'hun', hy: 'hye', id: 'ind', is: 'isl', it: 'ita', ja: 'jpn',
  jv: 'jav', jw: 'jav', ka: 'kat', kk: 'kaz', km: 'khm', kn: 'kan', ko: 'kor', ku: 'kur', ky: 'kir', la: 'lat',
  lb: 'ltz', ln: 'lin', lo: 'lao', lt: 'lit', lv: 'lav', mg: 'mlg', mi: 'mri', mk: 'mkd', ml: 'mal', mn: 'mon',
  mr: 'mar', ms: 'msa', mt: 'mlt', my: 'mya', nb: 'nob', ne: 'nep', nl: 'nld', nn: 'nno', no: 'nor', oc: 'oci',
  pa: 'pan', pl: 'pol', ps: 'pus', pt: 'por', ro: 'ron', ru: 'rus', sa: 'san', sd: 'snd', si: 'sin', sk: 'slk',
  sl: 'slv', sn: 'sna', so: 'som', sq: 'sqi', sr: 'srp', su: 'sun', sv: 'swe', sw: 'swa', ta: 'tam', te: 'tel',
  tg: 'tgk', th: 'tha', tk: 'tuk', tl: 'tgl', tr: 'tur', tt: 'tat', uk: 'ukr', ur: 'urd', uz: 'uzb', vi: 'vie',
  yi: 'yid', yo: 'yor', zh: 'zho', zu: 'zul',
};

/** The languages whose bibliographic code differs from the terminology one (ISO 639-2 lists 20). */
const BIBLIOGRAPHIC: Readonly<Record<string, string>> = {
  sqi: 'alb', hye: 'arm', eus: 'baq', bod: 'tib', mya: 'bur', zho: 'chi', ces: 'cze', nld: 'dut', fra: 'fre', kat: 'geo',
  deu: 'ger', ell: 'gre', isl: 'ice', mkd: 'mac', mri: 'mao', msa: 'may', fas: 'per', ron: 'rum', slk: 'slo', cym: 'wel',
};
const TERMINOLOGY_OF_BIBLIOGRAPHIC: ReadonlyMap<string, string> = new Map(Object.entries(BIBLIOGRAPHIC).map(([t, b]) => [b, t]));

/** "Undetermined", what both containers write for a track without a language. */
export const UNDETERMINED = 'und';

/**
 * The ISO 639-2 code (in the container's form) for a language given as a BCP-47 tag (`zh-CN`,
 * `yue`), a Whisper code (`jw`) or a name the translation panel offers (`Simplified Chinese`);
 * `und` when it can't be told. Pure.
 *
 * @example
 * iso639_2('zh-CN', 'T'); // 'zho'
 * iso639_2('Simplified Chinese', 'B'); // 'chi'
 * iso639_2('en', 'B'); // 'eng'
 * iso639_2('Klingon', 'T'); // 'und'
 */
export function iso639_2(language: string | undefined, form: Iso639Form): string {
  const primary = primarySubtag(language);
  if (primary === undefined) return UNDETERMINED;
  const terminology = primary.length === 2 ? TERMINOLOGY[primary] : (TERMINOLOGY_OF_BIBLIOGRAPHIC.get(primary) ?? primary);
  if (terminology === undefined) return UNDETERMINED;
  return form === 'B' ? (BIBLIOGRAPHIC[terminology] ?? terminology) : terminology;
}

/**
 * A track's title: the language's own name for itself (`English`, `中文（中国）`), as players list
 * tracks for people who read that language; `fallback` when the language can't be told. Pure.
 *
 * @example
 * languageTitle('fr', 'Original'); // 'français'
 * languageTitle(undefined, 'Original'); // 'Original'
 */
export function languageTitle(language: string | undefined, fallback: string): string {
  const tag = languageTag(language === 'jw' ? 'jv' : language);
  if (tag === undefined) return language?.trim() || fallback;
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    return name === undefined || name === tag ? fallback : name;
  } catch {
    return fallback;
  }
}

function primarySubtag(language: string | undefined): string | undefined {
  const tag = languageTag(language);
  const primary = tag?.split('-')[0]?.toLowerCase();
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
