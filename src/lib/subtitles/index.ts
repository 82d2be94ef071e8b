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
