import type { Cue } from '../cue.ts';
import { clampWords } from '../normalize.ts';
import { displayWidth, type ReadabilityProfile } from './profiles.ts';
import { segmentCues } from './segment-cues.ts';

/**
 * One way a cue breaks the profile, with what was measured and the limit, so the UI can say
 * "48 characters in a line (limit 42)". Widths are display characters, times seconds.
 */
export type CueIssue =
  | { readonly kind: 'line-too-long'; /** 1-based. */ readonly line: number; readonly value: number; readonly limit: number }
  | { readonly kind: 'too-many-lines'; readonly value: number; readonly limit: number }
  | { readonly kind: 'too-fast'; /** Characters per second. */ readonly value: number; readonly limit: number }
  | { readonly kind: 'too-short'; readonly value: number; readonly limit: number }
  | { readonly kind: 'too-long'; readonly value: number; readonly limit: number }
  | { readonly kind: 'gap-too-small'; /** Seconds to the next cue; negative when they overlap. */ readonly value: number; readonly limit: number };

export type CueIssueKind = CueIssue['kind'];

// Times that went through SRT or WebVTT carry whole milliseconds; don't report float noise.
const EPSILON = 1e-6;

/**
 * What is wrong with a cue under a profile: line widths and count, reading speed (width of the
 * text without its line breaks over its duration), duration, and the gap to `next` when given.
 * Pure; an empty list means the cue is fine.
 *
 * @example
 * checkCue({ start: 0, end: 0.5, text: 'Hi' }, PROFILES['netflix-en']);
 * // [{ kind: 'too-short', value: 0.5, limit: 0.833 }]
 */
export function checkCue(cue: Cue, profile: ReadabilityProfile, next?: Cue): readonly CueIssue[] {
  const issues: CueIssue[] = [];
  const lines = cue.text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  for (const [index, line] of lines.entries()) {
    const width = displayWidth(line.trim(), profile);
    if (width > profile.maxCharsPerLine) issues.push({ kind: 'line-too-long', line: index + 1, value: width, limit: profile.maxCharsPerLine });
  }
  if (lines.length > profile.maxLines) issues.push({ kind: 'too-many-lines', value: lines.length, limit: profile.maxLines });
  const duration = cue.end - cue.start;
  const speed = duration > 0 ? displayWidth(lines.map((line) => line.trim()).join(''), profile) / duration : 0;
  if (speed > profile.maxCharsPerSecond + EPSILON) issues.push({ kind: 'too-fast', value: speed, limit: profile.maxCharsPerSecond });
  if (duration < profile.minSeconds - EPSILON) issues.push({ kind: 'too-short', value: duration, limit: profile.minSeconds });
  if (duration > profile.maxSeconds + EPSILON) issues.push({ kind: 'too-long', value: duration, limit: profile.maxSeconds });
  if (next) {
    const gap = next.start - cue.end;
    if (gap < profile.minGapSeconds - EPSILON) issues.push({ kind: 'gap-too-small', value: gap, limit: profile.minGapSeconds });
  }
  return issues;
}

/**
 * The one-click fix: re-segments the cues (`segmentCues`), then opens the minimum gap between
 * neighbours by ending the earlier one sooner, where that leaves it on screen at all. Expects
 * cues in time order, as a selection of a transcript is. Pure.
 *
 * @example
 * fixCues(selectedCues, profileForLanguage(project.language));
 */
export function fixCues(cues: readonly Cue[], profile: ReadabilityProfile): Cue[] {
  const segmented = segmentCues(cues, profile);
  return segmented.map((cue, index) => {
    const next = segmented[index + 1];
    if (!next || next.start - cue.end >= profile.minGapSeconds - EPSILON) return cue;
    // Whole milliseconds, rounded down so the gap is not lost again to rounding on export.
    const end = Math.floor((next.start - profile.minGapSeconds) * 1000 + 1e-6) / 1000;
    if (end <= cue.start) return cue;
    return cue.words ? { ...cue, end, words: clampWords(cue.words, cue.start, end) } : { ...cue, end };
  });
}

/**
 * Cues that stream in after `previous` (the transcript's last cue): the first one starts late
 * enough to leave the profile's minimum gap, as long as it still lasts the minimum duration; so
 * recognition that arrives window by window needs no second pass. Pure.
 *
 * @example
 * keepGapAfter({ start: 0, end: 2.4, text: 'a' }, [{ start: 2.4, end: 5, text: 'b' }], PROFILES['netflix-en']);
 * // [{ start: 2.483, end: 5, text: 'b' }]
 */
export function keepGapAfter(previous: Cue | undefined, cues: readonly Cue[], profile: ReadabilityProfile): Cue[] {
  const [first, ...rest] = cues;
  if (!previous || !first || first.start - previous.end >= profile.minGapSeconds - EPSILON) return [...cues];
  // Whole milliseconds, rounded up so the gap is not lost again to rounding on export.
  const start = Math.ceil((previous.end + profile.minGapSeconds) * 1000 - 1e-6) / 1000;
  if (first.end - start < profile.minSeconds - EPSILON) return [...cues];
  const moved = first.words ? { ...first, start, words: clampWords(first.words, start, first.end) } : { ...first, start };
  return [moved, ...rest];
}
