/**
 * Subtitles core: the cue model, time formatting, normalization, SRT and WebVTT.
 * Pure functions only; nothing here touches the DOM, workers or storage.
 */
export type { Cue } from './cue.ts';
export { formatTimestamp, parseTimestamp } from './time.ts';
export { normalizeCues, sortedNonOverlapping } from './normalize.ts';
export { SubtitleParseError, type SubtitleParseErrorCode } from './parse-error.ts';
export { parseSrt, toSrt } from './srt.ts';
export { parseVtt, toVtt } from './vtt.ts';
export type { ExportCue, ExportDocument, ExportVariant } from './formats/export-document.ts';
export { FORMATS, formatById, type SubtitleFormat, type SubtitleFormatId } from './formats/registry.ts';
export { exportFileName } from './formats/file-name.ts';
export { parseSubtitleFile, detectSubtitleFormat, type SubtitleFileFormat } from './formats/parse-file.ts';
export { decodeSubtitleText } from './formats/decode.ts';
export { parseCuesJson, type CuesJson } from './formats/cues-json.ts';
export { PROFILES, checkCue, displayWidth, fixCues, profileForLanguage, segmentCues, type CueIssue, type ReadabilityProfile } from './segment/index.ts';
