import { withText, type EditableCue, type EditError } from './editable-cue.ts';

export interface FindOptions {
  /** `find` is a regular expression source (JavaScript syntax, Unicode mode). */
  readonly regex: boolean;
  readonly caseSensitive: boolean;
  /** Only matches not touching a letter, digit or `_` on either side. */
  readonly wholeWord?: boolean;
}

/** A match in a cue's text, as UTF-16 offsets (what `String.slice` and a textarea use). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface CueMatches {
  readonly id: string;
  readonly ranges: readonly TextRange[];
}

export type FindResult = { readonly ok: true; readonly matches: readonly CueMatches[] } | { readonly ok: false; readonly error: EditError };

export type ReplaceResult =
  | { readonly ok: true; readonly cues: readonly EditableCue[]; readonly count: number }
  | { readonly ok: false; readonly error: EditError };

type Compiled = { readonly ok: true; readonly pattern: RegExp } | { readonly ok: false; readonly error: EditError };

/**
 * Every non-empty match of `find` in the cues (or in those with `ids`), for a find bar.
 * An invalid regex is an `invalid-pattern` error, never an exception.
 *
 * @example
 * findMatches(cues, 'colou?r', { regex: true, caseSensitive: false });
 * // { ok: true, matches: [{ id: 'c7', ranges: [{ start: 4, end: 10 }] }] }
 */
export function findMatches(cues: readonly EditableCue[], find: string, options: FindOptions, ids?: readonly string[]): FindResult {
  if (find === '') return { ok: true, matches: [] };
  const compiled = compileFind(find, options);
  if (!compiled.ok) return compiled;
  const only = ids ? new Set(ids) : undefined;
  const matches: CueMatches[] = [];
  for (const cue of cues) {
    if (only && !only.has(cue.id)) continue;
    const ranges: TextRange[] = [];
    for (const match of cue.text.matchAll(compiled.pattern)) {
      if (match[0] !== '') ranges.push({ start: match.index, end: match.index + match[0].length });
    }
    if (ranges.length > 0) matches.push({ id: cue.id, ranges });
  }
  return { ok: true, matches };
}

/**
 * Replaces every match of `find` in the cues (or in those with `ids`). In regex mode the
 * replacement may use `$1`, `$<name>` and `$&`; otherwise it is inserted literally. Changed cues
 * get revision + 1; `count` is how many changed. Unchanged cues are the same objects.
 *
 * @example
 * replace(cues, '(\\d+)%', '$1 percent', { regex: true, caseSensitive: true });
 * // { ok: true, cues: [...], count: 3 }
 */
export function replace(
  cues: readonly EditableCue[],
  find: string,
  replacement: string,
  options: FindOptions,
  ids?: readonly string[],
): ReplaceResult {
  if (find === '') return { ok: true, cues, count: 0 };
  const compiled = compileFind(find, options);
  if (!compiled.ok) return compiled;
  const only = ids ? new Set(ids) : undefined;
  let count = 0;
  const next = cues.map((cue) => {
    if (only && !only.has(cue.id)) return cue;
    const text = options.regex
      ? cue.text.replace(compiled.pattern, replacement)
      : cue.text.replace(compiled.pattern, () => replacement); // a function: `$` stays literal
    if (text === cue.text) return cue;
    count++;
    return withText(cue, text);
  });
  return { ok: true, cues: count === 0 ? cues : next, count };
}

/** The search as a global, Unicode RegExp; a syntax error becomes a typed error. */
function compileFind(find: string, options: FindOptions): Compiled {
  const source = options.regex ? find : find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Lookarounds rather than \b: \b only knows ASCII letters, so it would split "café".
  const bounded = options.wholeWord ? `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])` : source;
  try {
    return { ok: true, pattern: new RegExp(bounded, options.caseSensitive ? 'gu' : 'giu') };
  } catch (caught) {
    return { ok: false, error: { code: 'invalid-pattern', detail: caught instanceof Error ? caught.message : String(caught) } };
  }
}
