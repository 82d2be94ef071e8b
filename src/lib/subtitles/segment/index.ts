/**
 * Readability: Netflix-style profiles, a segmenter that cuts recognized segments into readable
 * subtitles with balanced lines, and a checker that says what breaks a profile. Pure.
 */
export { PROFILES, displayWidth, profileForLanguage, type ProfileId, type ReadabilityProfile } from './profiles.ts';
export { segmentCues } from './segment-cues.ts';
export { checkCue, fixCues, keepGapAfter, type CueIssue, type CueIssueKind } from './check.ts';
