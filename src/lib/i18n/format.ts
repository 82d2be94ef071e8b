/**
 * Message formatting, pure: `{name}` placeholders, and a small subset of ICU plurals so English can
 * say "1 audio track" / "2 audio tracks" (Chinese has no plural forms and never needs one).
 */

export type MessageParams = Readonly<Record<string, string | number>>;

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(locale: string, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}

/** The `{…}` group starting at `open` (an index of "{"), balanced; undefined when unclosed. */
function groupEnd(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return undefined;
}

/** `one {…} other {…}` → Map('one' → '…', 'other' → '…'). */
function pluralBranches(body: string): Map<string, string> {
  const branches = new Map<string, string>();
  const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let at = 0;
  for (let match = selector.exec(body); match; match = selector.exec(body)) {
    const open = at + match[0].length - 1;
    const close = groupEnd(body, open);
    if (close === undefined) break;
    branches.set(match[1] ?? 'other', body.slice(open + 1, close));
    selector.lastIndex = at = close + 1;
  }
  return branches;
}

const PLURAL_HEAD = /\{(\w+),\s*plural,/g;

/** Replaces each `{n, plural, one {…} other {…}}` with its branch for `params[n]`; `#` is the number. */
function fillPlurals(template: string, params: MessageParams, locale: string): string {
  let out = '';
  let from = 0;
  PLURAL_HEAD.lastIndex = 0;
  for (let head = PLURAL_HEAD.exec(template); head; head = PLURAL_HEAD.exec(template)) {
    const close = groupEnd(template, head.index);
    const name = head[1] ?? '';
    const value = params[name];
    if (close === undefined) continue;
    // A count passed as text still picks a branch; one that is not a number takes `other`.
    const n = typeof value === 'number' ? value : Number(value ?? Number.NaN);
    const branches = pluralBranches(template.slice(head.index + head[0].length, close));
    const category = Number.isFinite(n) ? pluralCategory(locale, n) : 'other';
    const branch = branches.get(`=${n}`) ?? branches.get(category) ?? branches.get('other') ?? '';
    out += template.slice(from, head.index) + branch.replaceAll('#', String(value ?? ''));
    from = close + 1;
    PLURAL_HEAD.lastIndex = from;
  }
  return out + template.slice(from);
}

/**
 * Fills `{name}` placeholders, and `{count, plural, one {# track} other {# tracks}}` by the
 * locale's plural rules (`Intl.PluralRules`). Unknown placeholders stay visible. Pure.
 *
 * @example
 * format('{count, plural, one {# audio track} other {# audio tracks}}', { count: 1 }); // '1 audio track'
 * format('Done: {count} subtitles', { count: 3 }); // 'Done: 3 subtitles'
 */
export function format(template: string, params: MessageParams = {}, locale = 'en'): string {
  const plain = template.includes(', plural,') ? fillPlurals(template, params, locale) : template;
  return plain.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The names a message uses, plain or plural, sorted: both locales of a key must use the same. */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)) names.add(match[1] ?? '');
  return [...names].sort();
}

/**
 * Joins items as a list in the UI language: "、" between Chinese items, ", " in English.
 *
 * @example
 * joinList(['最快', '最小'], 'zh-CN'); // '最快、最小'
 */
export function joinList(items: readonly string[], locale: string): string {
  return items.join(locale.startsWith('zh') ? '、' : ', ');
}
