import type { WordTiming } from '../cue.ts';
import { SubtitleParseError } from '../parse-error.ts';
import { prepareCues, type ExportCue, type ExportDocument } from './export-document.ts';

const FORMAT = 'zimu-cues';
const VERSION = 1;

/** What a Zimu cues JSON file holds: cues with their translations and word times. */
export interface CuesJson {
  readonly language?: string;
  readonly translationLanguage?: string;
  readonly cues: readonly ExportCue[];
}

/**
 * Writes an export document as Zimu's versioned cues JSON, one cue per line. `text` is always
 * the original; `translation` (not in the original variant) and `words` only where a cue has
 * them; unknown languages are `null`. Pure.
 *
 * @example
 * toCuesJson({ variant: 'translated', language: 'en', translationLanguage: 'zh-CN', cues: [{ start: 0, end: 1, text: 'Hi', translation: '你好' }] });
 * // '{\n  "format": "zimu-cues",\n  "version": 1,\n  "language": "en",\n  "translationLanguage": "zh-CN",\n'
 * // + '  "cues": [\n    {"start":0,"end":1,"text":"Hi","translation":"你好"}\n  ]\n}\n'
 */
export function toCuesJson(doc: ExportDocument): string {
  const translationLanguage = doc.variant === 'original' ? undefined : doc.translationLanguage;
  const cues = prepareCues(doc).map((cue) => JSON.stringify(cueJson(cue)));
  return [
    '{',
    `  "format": ${JSON.stringify(FORMAT)},`,
    `  "version": ${VERSION},`,
    `  "language": ${JSON.stringify(doc.language ?? null)},`,
    `  "translationLanguage": ${JSON.stringify(translationLanguage ?? null)},`,
    cues.length === 0 ? '  "cues": []' : `  "cues": [\n    ${cues.join(',\n    ')}\n  ]`,
    '}',
    '',
  ].join('\n');
}

/** Fixed key order, so files diff well; word objects rebuilt so nothing else leaks in. */
function cueJson(cue: ExportCue): object {
  return {
    start: cue.start,
    end: cue.end,
    text: cue.text,
    ...(cue.translation === undefined ? {} : { translation: cue.translation }),
    ...(cue.words === undefined ? {} : { words: cue.words.map(({ start, end, text }) => ({ start, end, text })) }),
  };
}

/**
 * Reads Zimu's cues JSON back, skipping cues (and words) without finite times and a text.
 * The cues are as written; run them through normalizeCues to tidy them.
 *
 * @throws {SubtitleParseError} `not-subtitles` for text that is not JSON, `unsupported-json`
 *   for JSON of another shape, `unsupported-json-version` for a file from a newer Zimu.
 * @example
 * parseCuesJson('{"format":"zimu-cues","version":1,"cues":[{"start":0,"end":1,"text":"Hi","translation":"你好"}]}');
 * // { cues: [{ start: 0, end: 1, text: 'Hi', translation: '你好' }] }
 */
export function parseCuesJson(text: string): CuesJson {
  const file = readJson(text);
  if (!isRecord(file) || file.format !== FORMAT || !isArray(file.cues)) {
    throw new SubtitleParseError('unsupported-json', `Not a Zimu cues file: expected {"format": "${FORMAT}", "cues": [...]}.`);
  }
  if (file.version !== VERSION) {
    const newer = typeof file.version === 'number' && file.version > VERSION;
    throw new SubtitleParseError(
      newer ? 'unsupported-json-version' : 'unsupported-json',
      `Zimu cues file version ${String(file.version)}; this version of Zimu reads version ${VERSION}.`,
    );
  }
  return {
    cues: file.cues.flatMap(readCue),
    ...(typeof file.language === 'string' ? { language: file.language } : {}),
    ...(typeof file.translationLanguage === 'string' ? { translationLanguage: file.translationLanguage } : {}),
  };
}

function readJson(text: string): unknown {
  try {
    // JSON.parse returns `any`; the annotation makes every use below prove its shape.
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return value;
  } catch {
    throw new SubtitleParseError('not-subtitles', 'Not a subtitle file: it starts like JSON but is not valid JSON.');
  }
}

function readCue(value: unknown): ExportCue[] {
  const timed = readTimed(value);
  if (!timed || !isRecord(value)) return [];
  const translation = typeof value.translation === 'string' ? { translation: value.translation } : {};
  const words = isArray(value.words) ? { words: value.words.flatMap((w) => readTimed(w) ?? []) } : {};
  return [{ ...timed, ...translation, ...words }];
}

function readTimed(value: unknown): WordTiming | undefined {
  if (!isRecord(value)) return undefined;
  const { start, end, text } = value;
  if (typeof start !== 'number' || typeof end !== 'number' || typeof text !== 'string') return undefined;
  return Number.isFinite(start) && Number.isFinite(end) ? { start, end, text } : undefined;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Array.isArray narrows `unknown` to `any[]`; this keeps the elements `unknown`.
function isArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}
