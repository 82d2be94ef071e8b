import type { studioEn } from '../../i18n/messages/studio.en.ts';
import type { EditErrorCode } from '../../subtitles/edit/index.ts';
import type { CueIssueKind } from '../../subtitles/segment/index.ts';

export type StudioMessageKey = keyof typeof studioEn;

/**
 * A readability problem as the cue list shows it. The segment module's `CueIssue` is one; the
 * shape is loose (any `kind`) so another checker can be passed in, shown with a generic text.
 */
export interface IssueLike {
  readonly kind: string;
  readonly value: number;
  readonly limit: number;
  /** 1-based line, for line-width issues. */
  readonly line?: number;
}

/** Checks a cue (and the gap to the next one) for readability problems. */
export type CueCheck<C> = (cue: C, next?: C) => readonly IssueLike[];

/** A message key with what to fill it with. */
export interface Message {
  readonly key: StudioMessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

const ERROR_KEYS: Readonly<Record<EditErrorCode, StudioMessageKey>> = {
  'unknown-cue': 'studio.error.unknown-cue',
  'invalid-times': 'studio.error.invalid-times',
  'overlaps-neighbour': 'studio.error.overlaps-neighbour',
  'split-outside-cue': 'studio.error.split-outside-cue',
  'no-split-point': 'studio.error.no-split-point',
  'not-adjacent': 'studio.error.not-adjacent',
  'invalid-pattern': 'studio.error.invalid-pattern',
};

/** The translated message for a refused edit. */
export function editErrorKey(code: EditErrorCode): StudioMessageKey {
  return ERROR_KEYS[code];
}

/** Per kind: the full reason (tooltip, accessible label), the chip's short label, and the decimals its numbers need. */
const ISSUES: Readonly<Record<CueIssueKind, { readonly reason: StudioMessageKey; readonly short: StudioMessageKey; readonly digits: number }>> = {
  'line-too-long': { reason: 'studio.issue.line-too-long', short: 'studio.issue.line-too-long.short', digits: 1 },
  'too-many-lines': { reason: 'studio.issue.too-many-lines', short: 'studio.issue.too-many-lines.short', digits: 0 },
  'too-fast': { reason: 'studio.issue.too-fast', short: 'studio.issue.too-fast.short', digits: 1 },
  'too-short': { reason: 'studio.issue.too-short', short: 'studio.issue.too-short.short', digits: 2 },
  'too-long': { reason: 'studio.issue.too-long', short: 'studio.issue.too-long.short', digits: 2 },
  'gap-too-small': { reason: 'studio.issue.gap-too-small', short: 'studio.issue.gap-too-small.short', digits: 3 },
};

function isKnownIssue(kind: string): kind is CueIssueKind {
  return Object.hasOwn(ISSUES, kind);
}

/**
 * What to say about an issue: the reason with its measured value and limit, and a short label.
 *
 * @example
 * issueMessages({ kind: 'too-fast', value: 24.31, limit: 20 }).reason;
 * // { key: 'studio.issue.too-fast', params: { value: '24.3', limit: '20', line: '' } }
 */
export function issueMessages(issue: IssueLike): { readonly reason: Message; readonly short: Message } {
  const known = isKnownIssue(issue.kind) ? ISSUES[issue.kind] : undefined;
  const digits = known?.digits ?? 2;
  const params = {
    kind: issue.kind,
    value: trimNumber(issue.value, digits),
    limit: trimNumber(issue.limit, digits),
    line: issue.line ?? '',
  };
  return {
    reason: { key: known?.reason ?? 'studio.issue.other', params },
    short: { key: known?.short ?? 'studio.issue.other.short', params },
  };
}

/** A number with at most `digits` decimals and no trailing zeros: 0.833, 24.3, 2. */
export function trimNumber(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}
