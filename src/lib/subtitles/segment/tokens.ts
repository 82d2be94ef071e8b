import { displayWidth, type ReadabilityProfile } from './profiles.ts';

/** The smallest piece of text a subtitle or a line may start with: a cut never falls inside one. */
export interface Token {
  /** Never contains whitespace; punctuation rides with the word it belongs to. */
  readonly text: string;
  /** Whitespace stood before it in the source, so a space goes back when it is not a line start. */
  readonly spaced: boolean;
  readonly width: number;
  /** Where it starts among the source's non-whitespace UTF-16 code units (for word alignment). */
  readonly offset: number;
  /** The gap after it; measured once here because cutting and line breaking ask many times. */
  readonly boundary: Boundary;
  /** A word that should not end a line or a subtitle ("the", "of", "在"). */
  readonly leansForward: boolean;
}

/** How good a place to cut the gap after a token is, strongest first. */
export type Boundary = 'sentence' | 'clause' | 'word';

// Scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), with the CJK
// punctuation and full-width forms blocks. Hangul is left out: Korean puts spaces between words.
const NO_SPACE_RANGES =
  '\\u0e00-\\u0eff\\u1000-\\u109f\\u1780-\\u17ff\\u3000-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf' +
  '\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u{20000}-\\u{3134f}';
const HAS_NO_SPACE_SCRIPT = new RegExp(`[${NO_SPACE_RANGES}]`, 'u');
const SCRIPT_RUNS = new RegExp(`[${NO_SPACE_RANGES}]+|[^${NO_SPACE_RANGES}]+`, 'gu');
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;
const OPENING_ONLY = /^[\p{Ps}\p{Pi}]+$/u;
const ENDS_OPENING = /[\p{Ps}\p{Pi}]$/u;
const ENDS_PUNCTUATION = /\p{P}$/u;
const CLOSERS = `"'”’」』）)\\]】》〉»`;
const SENTENCE_END = new RegExp(`[.!?。！？…‼⁇⁈⁉][${CLOSERS}]*$`, 'u');
const CLAUSE_END = new RegExp(`[,;:，、；：—–-][${CLOSERS}]*$`, 'u');
const STARTS_OPENING = /^[(\[（「『“‘《【〈«]/u;
// A full stop after these ends an abbreviation more often than a sentence (an initial, but not "I.").
const ABBREVIATION = /^(?:[A-HJ-Z]|Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|e\.g|i\.e)\.$/;
// Words that read badly at the end of a line or a subtitle: articles, prepositions,
// conjunctions and possessives belong with the word after them (Netflix's line-break rules).
const LEANS_FORWARD = new Set([
  ...'a an the to of in on at by for from with into onto about as and or but nor if that my your his her its our their'.split(' '),
  ...'在和与跟把被对向从给及或'.split(''),
]);
// Segments that belong with the word before: Chinese particles, and short runs of hiragana
// (Japanese particles and endings: 東京|に, 行き|ます), so no line starts with one. Not after
// punctuation: there a short hiragana word starts the next phrase (。|これ|は).
const LEANS_BACK = /^(?:[\u3041-\u309f]{1,3}|[的了吗呢吧啊呀着过])$/u;

// Built once: a segmenter holds ICU's dictionary state, and making one per cue dominates the
// cost of segmenting a long transcript.
let wordSegmenter: Intl.Segmenter | undefined;

/**
 * Splits cue text into tokens: whitespace-separated chunks, with chunks in scripts written
 * without spaces split further at `Intl.Segmenter` word boundaries. Runs of other characters
 * inside such a chunk (a Latin word, 3.14, 1,000,000, 12:30, a URL) stay whole. Pure.
 *
 * @example
 * tokenize('用 Python 训练模型。', PROFILES['netflix-zh-hans']).map((t) => t.text);
 * // ['用', 'Python', '训练', '模型。']
 */
export function tokenize(text: string, profile: ReadabilityProfile): Token[] {
  const parts: string[] = [];
  const spaced: boolean[] = [];
  for (const chunk of text.split(/\s+/)) {
    if (chunk === '') continue;
    const chunkParts = HAS_NO_SPACE_SCRIPT.test(chunk) ? joinPunctuation(splitChunk(chunk)) : [chunk];
    for (const [index, part] of chunkParts.entries()) {
      spaced.push(index === 0 && parts.length > 0);
      parts.push(part);
    }
  }
  let offset = 0;
  return parts.map((part, index) => {
    const token = {
      text: part,
      spaced: spaced[index] ?? false,
      width: displayWidth(part, profile),
      offset,
      boundary: boundaryAfter(part, parts[index + 1]),
      leansForward: LEANS_FORWARD.has(part.toLowerCase()),
    };
    offset += part.length;
    return token;
  });
}

/** A chunk's script runs, those in no-space scripts segmented into words. */
function splitChunk(chunk: string): string[] {
  const parts: string[] = [];
  for (const run of chunk.match(SCRIPT_RUNS) ?? []) {
    if (!HAS_NO_SPACE_SCRIPT.test(run)) {
      parts.push(run);
      continue;
    }
    wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    for (const { segment } of wordSegmenter.segment(run)) parts.push(segment);
  }
  return parts;
}

/**
 * Keeps punctuation and particles with their word, so no line or subtitle starts with a comma,
 * a full stop or a particle, and none ends with an opening bracket: closing marks and particles
 * join the part before, opening marks the next.
 */
function joinPunctuation(parts: readonly string[]): string[] {
  const joined: string[] = [];
  let current = '';
  for (const part of parts) {
    const closing = HAS_WORD_CHARACTER.test(part)
      ? LEANS_BACK.test(part) && !ENDS_PUNCTUATION.test(current)
      : !OPENING_ONLY.test(part);
    if (current === '' || closing || !HAS_WORD_CHARACTER.test(current) || ENDS_OPENING.test(current)) {
      current += part;
    } else {
      joined.push(current);
      current = part;
    }
  }
  if (current !== '') joined.push(current);
  return joined;
}

/** The kind of gap between a token and the next one (a dash ends a clause, like a comma). */
function boundaryAfter(text: string, next: string | undefined): Boundary {
  if (SENTENCE_END.test(text) && !ABBREVIATION.test(text)) return 'sentence';
  if (CLAUSE_END.test(text)) return 'clause';
  if (next !== undefined && STARTS_OPENING.test(next)) return 'clause';
  return 'word';
}
