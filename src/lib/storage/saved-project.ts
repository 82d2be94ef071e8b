import { everyOrNone, fieldsOf, INVALID, isCount, isFinite, isId, isTime, optional } from './parse-fields.ts';
import type { CueTranslation, EditableCue } from '../subtitles/edit/index.ts';
import type { WordTiming } from '../subtitles/cue.ts';
import type { MediaFingerprint } from './media-fingerprint.ts';

/**
 * A project as the library stores and exports it, versioned, and its validation: stored and
 * imported data are untrusted (another version, a hand-edited file), so nothing is used before
 * `parseSavedProject` has checked every field. Pure. Storage sits below state, so the transcript
 * shape is defined here and `state/transcript.svelte.ts` uses it, not the other way round.
 */
export const SAVED_PROJECT_VERSION = 1;

/** A transcript as storage keeps it: plain data, structured-clone safe. */
export interface SavedTranscript {
  readonly cues: readonly EditableCue[];
  readonly translations: readonly (readonly [string, CueTranslation])[];
  readonly translationLanguage: string;
}

/** What resuming an unfinished recognition needs. */
export interface SavedRecognition {
  /** Opaque key of the recognition settings that matter (model, language, task, VAD…). */
  readonly settingsKey: string;
  /** Seconds of audio whose recognition is final (all windows before it finished). */
  readonly recognisedUntil: number;
  /** Media duration in seconds, 0 when unknown. */
  readonly duration: number;
  readonly complete: boolean;
  readonly detectedLanguage?: string;
  /** Whisper's confidence in `detectedLanguage`, 0–1. */
  readonly languageProbability?: number;
  /** The audio track recognised (index among the file's audio streams), when the file has several. */
  readonly audioTrack?: number;
}

/** The accepted (complete) summary, raw markdown. */
export interface SavedSummary {
  readonly text: string;
}

/** The media a project was made from (the file itself is never stored), with its duration in seconds. */
export type SavedMedia = MediaFingerprint & { readonly duration: number };

/** One project: its transcript with translations, summary, and what resuming recognition needs. */
export interface SavedProject {
  readonly version: typeof SAVED_PROJECT_VERSION;
  readonly id: string;
  readonly name: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly origin: 'recognition' | 'import';
  readonly media?: SavedMedia;
  readonly transcript: SavedTranscript;
  readonly summary?: SavedSummary;
  readonly recognition?: SavedRecognition;
  /** The run settings used, flat, for display. */
  readonly settings?: Readonly<Record<string, string | number | boolean>>;
}

/** What the library list shows of a project, stored beside it so listing reads no transcript. */
export interface ProjectListing {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly origin: SavedProject['origin'];
  readonly cueCount: number;
  /** Seconds: the media's duration when known, else the last cue's end. */
  readonly duration: number;
  readonly hasTranslation: boolean;
  readonly translationLanguage: string;
  readonly hasSummary: boolean;
  /** Recognition finished, or the subtitles were imported. */
  readonly complete: boolean;
  readonly mediaName?: string;
  /** For finding the projects made from a file dropped again. */
  readonly media?: MediaFingerprint;
  /** The start of the text, at most PREVIEW_LENGTH characters. */
  readonly preview: string;
}

/** Characters of text a listing's preview keeps. */
export const PREVIEW_LENGTH = 80;

/** A fresh project id (random, so projects imported from another device don't collide). */
export function newProjectId(): string {
  return crypto.randomUUID();
}

/**
 * Checks untrusted data completely and returns a fresh plain copy (unknown fields dropped), or
 * undefined when anything is wrong or the data is of another version.
 *
 * @example
 * const project = parseSavedProject(JSON.parse(text));
 * if (!project) showError('library-file-invalid');
 */
export function parseSavedProject(raw: unknown): SavedProject | undefined {
  const field = fieldsOf(raw);
  if (!field || field('version') !== SAVED_PROJECT_VERSION) return undefined;
  const [id, name, createdAt, updatedAt, origin] = ['id', 'name', 'createdAt', 'updatedAt', 'origin'].map(field);
  if (!isId(id) || typeof name !== 'string' || !isFinite(createdAt) || !isFinite(updatedAt)) return undefined;
  if (!isOrigin(origin)) return undefined;
  const transcript = parseTranscript(field('transcript'));
  const media = optional(field('media'), parseMedia);
  const summary = optional(field('summary'), parseSummary);
  const recognition = optional(field('recognition'), parseRecognition);
  const settings = optional(field('settings'), parseSettings);
  if (!transcript || media === INVALID || summary === INVALID || recognition === INVALID || settings === INVALID) return undefined;
  return {
    version: SAVED_PROJECT_VERSION,
    id,
    name,
    createdAt,
    updatedAt,
    origin,
    ...(media ? { media } : {}),
    transcript,
    ...(summary ? { summary } : {}),
    ...(recognition ? { recognition } : {}),
    ...(settings ? { settings } : {}),
  };
}

/**
 * The list entry for a project.
 *
 * @example
 * listingOf(project); // { id, name, cueCount: 120, duration: 612.4, preview: 'Good morning…', … }
 */
export function listingOf(project: SavedProject): ProjectListing {
  const { transcript, media, recognition } = project;
  const lastEnd = transcript.cues.reduce((end, cue) => Math.max(end, cue.end), 0);
  return {
    id: project.id,
    name: project.name,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
    origin: project.origin,
    cueCount: transcript.cues.length,
    duration: media?.duration || recognition?.duration || lastEnd,
    hasTranslation: transcript.translations.length > 0,
    translationLanguage: transcript.translationLanguage,
    hasSummary: project.summary !== undefined && project.summary.text.trim() !== '',
    complete: project.origin === 'import' || recognition?.complete === true,
    ...(media ? { mediaName: media.name, media: fingerprintOf(media) } : {}),
    preview: previewOf(transcript.cues),
  };
}

/** Checks a stored listing (written by this or another version of the app); undefined when it doesn't fit. */
export function parseListing(raw: unknown): ProjectListing | undefined {
  const field = fieldsOf(raw);
  if (!field) return undefined;
  const [id, name, createdAt, updatedAt, origin] = ['id', 'name', 'createdAt', 'updatedAt', 'origin'].map(field);
  const [cueCount, duration, hasTranslation, translationLanguage] = ['cueCount', 'duration', 'hasTranslation', 'translationLanguage'].map(field);
  const [hasSummary, complete, mediaName, preview] = ['hasSummary', 'complete', 'mediaName', 'preview'].map(field);
  const media = optional(field('media'), parseFingerprint);
  const ok =
    isId(id) && typeof name === 'string' && isFinite(createdAt) && isFinite(updatedAt) && isOrigin(origin) &&
    isCount(cueCount) && isTime(duration) && typeof hasTranslation === 'boolean' && typeof translationLanguage === 'string' &&
    typeof hasSummary === 'boolean' && typeof complete === 'boolean' && (mediaName === undefined || typeof mediaName === 'string') &&
    typeof preview === 'string' && media !== INVALID;
  if (!ok) return undefined;
  const base = { id, name, createdAt, updatedAt, origin, cueCount, duration, hasTranslation, translationLanguage, hasSummary, complete };
  return { ...base, ...(mediaName === undefined ? {} : { mediaName }), ...(media ? { media } : {}), preview };
}

function previewOf(cues: readonly EditableCue[]): string {
  const text = cues.map((cue) => cue.text).join(' ').replace(/\s+/g, ' ').trim();
  const characters = Array.from(text); // code points: never cut a surrogate pair in half
  return characters.length <= PREVIEW_LENGTH ? text : `${characters.slice(0, PREVIEW_LENGTH - 1).join('').trimEnd()}…`;
}

function fingerprintOf(media: MediaFingerprint): MediaFingerprint {
  return { name: media.name, size: media.size, lastModified: media.lastModified, hash: media.hash };
}

function parseTranscript(raw: unknown): SavedTranscript | undefined {
  const field = fieldsOf(raw);
  const rawCues = field?.('cues');
  const rawTranslations = field?.('translations');
  const translationLanguage = field?.('translationLanguage');
  if (!Array.isArray(rawCues) || !Array.isArray(rawTranslations) || typeof translationLanguage !== 'string') return undefined;
  const cues = everyOrNone(rawCues, parseCue);
  const ids = new Set(cues?.map((cue) => cue.id));
  if (!cues || ids.size !== cues.length) return undefined;
  const translations = everyOrNone(rawTranslations, (entry) => parseTranslationEntry(entry, ids));
  if (!translations || new Set(translations.map(([id]) => id)).size !== translations.length) return undefined;
  return { cues, translations, translationLanguage };
}

function parseCue(raw: unknown): EditableCue | undefined {
  const field = fieldsOf(raw);
  if (!field) return undefined;
  const [id, revision, start, end, text] = ['id', 'revision', 'start', 'end', 'text'].map(field);
  if (!isId(id) || !isCount(revision) || !isTime(start) || !isFinite(end) || end <= start || typeof text !== 'string') return undefined;
  const rawWords = field('words');
  if (rawWords === undefined) return { id, revision, start, end, text };
  const words = Array.isArray(rawWords) ? everyOrNone(rawWords, parseWord) : undefined;
  return words && { id, revision, start, end, text, words };
}

function parseWord(raw: unknown): WordTiming | undefined {
  const field = fieldsOf(raw);
  const [start, end, text] = ['start', 'end', 'text'].map((key) => field?.(key));
  return isTime(start) && isFinite(end) && end >= start && typeof text === 'string' ? { start, end, text } : undefined;
}

function parseTranslationEntry(raw: unknown, ids: ReadonlySet<string>): readonly [string, CueTranslation] | undefined {
  if (!Array.isArray(raw) || raw.length !== 2) return undefined;
  const [id, translation] = raw;
  const field = fieldsOf(translation);
  const [text, revision, source] = ['text', 'revision', 'source'].map((key) => field?.(key));
  if (typeof id !== 'string' || !ids.has(id) || typeof text !== 'string' || !isCount(revision) || typeof source !== 'string') return undefined;
  return [id, { text, revision, source }];
}

function parseFingerprint(raw: unknown): MediaFingerprint | undefined {
  const field = fieldsOf(raw);
  const [name, size, lastModified, hash] = ['name', 'size', 'lastModified', 'hash'].map((key) => field?.(key));
  const ok = typeof name === 'string' && isCount(size) && isFinite(lastModified) && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash);
  return ok ? { name, size, lastModified, hash } : undefined;
}

function parseMedia(raw: unknown): SavedMedia | undefined {
  const fingerprint = parseFingerprint(raw);
  const duration = fieldsOf(raw)?.('duration');
  return fingerprint && isTime(duration) ? { ...fingerprint, duration } : undefined;
}

function parseSummary(raw: unknown): SavedSummary | undefined {
  const text = fieldsOf(raw)?.('text');
  return typeof text === 'string' ? { text } : undefined;
}

function parseRecognition(raw: unknown): SavedRecognition | undefined {
  const field = fieldsOf(raw);
  if (!field) return undefined;
  const keys = ['settingsKey', 'recognisedUntil', 'duration', 'complete', 'detectedLanguage', 'languageProbability', 'audioTrack'];
  const [settingsKey, recognisedUntil, duration, complete, detectedLanguage, languageProbability, audioTrack] = keys.map(field);
  if (typeof settingsKey !== 'string' || !isTime(recognisedUntil) || !isTime(duration) || typeof complete !== 'boolean') return undefined;
  if (detectedLanguage !== undefined && typeof detectedLanguage !== 'string') return undefined;
  const probability = typeof languageProbability === 'number' && languageProbability >= 0 && languageProbability <= 1 ? languageProbability : undefined;
  if ((languageProbability !== undefined && probability === undefined) || (audioTrack !== undefined && !isCount(audioTrack))) return undefined;
  return {
    settingsKey, recognisedUntil, duration, complete,
    ...(detectedLanguage === undefined ? {} : { detectedLanguage }),
    ...(probability === undefined ? {} : { languageProbability: probability }),
    ...(isCount(audioTrack) ? { audioTrack } : {}),
  };
}

function parseSettings(raw: unknown): Readonly<Record<string, string | number | boolean>> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const entries: [string, string | number | boolean][] = [];
  const fields: [string, unknown][] = Object.entries(raw);
  for (const [key, value] of fields) {
    if (typeof value !== 'string' && typeof value !== 'boolean' && !isFinite(value)) return undefined;
    entries.push([key, value]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays a plain key.
  return Object.fromEntries(entries);
}

function isOrigin(value: unknown): value is SavedProject['origin'] {
  return value === 'recognition' || value === 'import';
}
