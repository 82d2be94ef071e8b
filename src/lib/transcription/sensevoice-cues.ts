import type { Cue } from '../subtitles/cue.ts';

/** A token SenseVoice decoded, with its CTC time in seconds from the start of its segment's audio. */
export interface TimedToken {
  readonly text: string;
  readonly time: number;
}

/** One VAD speech segment and what SenseVoice recognised in it; times in seconds of the media. */
export interface RecognisedSegment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** In order; their texts joined give `text` (tags stripped). */
  readonly tokens: readonly TimedToken[];
}

/**
 * A segment longer than this is split into several cues. Readability profiles allow about 7 s on
 * screen; the segmenter cuts further where a profile needs it.
 */
export const MAX_SEGMENT_CUE_SECONDS = 7;

/** Sentence and clause ends, full- and half-width: the preferred places to split a segment. */
const PUNCTUATION = /[。！？；，、：!?;,.:…]$/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Cues for one recognised speech segment. The cue times are the segment's (VAD's edges are closer
 * to the speech than SenseVoice's own token times, which move in 60 ms steps and lag); a segment
 * longer than `maxSeconds` is split into near-equal parts at the CTC time of the first token of
 * each part, at punctuation where a mark is near the ideal place, else between words. Text whose
 * tokens don't add up to it stays one cue: no text is ever lost or changed. Pure.
 *
 * @example
 * segmentCues({ start: 1, end: 3, text: '你好。', tokens: [...] }); // [{ start: 1, end: 3, text: '你好。' }]
 */
export function segmentCues(segment: RecognisedSegment, maxSeconds = MAX_SEGMENT_CUE_SECONDS): Cue[] {
  const text = segment.text.trim();
  if (!text || segment.end <= segment.start) return [];
  const duration = segment.end - segment.start;
  const whole: Cue[] = [{ start: round3(segment.start), end: round3(segment.end), text }];
  const tokens = segment.tokens;
  if (duration <= maxSeconds || tokens.length < 2 || squash(tokens.map((t) => t.text).join('')) !== squash(text)) return whole;
  const cuts = chooseCuts(tokens, Math.ceil(duration / maxSeconds), duration);
  if (cuts.length === 0) return whole;
  const cues: Cue[] = [];
  const bounds = [0, ...cuts, tokens.length];
  let start = segment.start;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i] ?? 0;
    const to = bounds[i + 1] ?? tokens.length;
    const end = to >= tokens.length ? segment.end : segment.start + (tokens[to]?.time ?? duration);
    const pieceText = tokens.slice(from, to).map((t) => t.text).join('').trim();
    cues.push({ start: round3(start), end: round3(end), text: pieceText });
    start = end;
  }
  return cues.some((cue) => cue.end <= cue.start || cue.text === '') ? whole : cues;
}

/** Cues for a window's segments, in order. Pure. */
export function segmentsToCues(segments: readonly RecognisedSegment[], maxSeconds = MAX_SEGMENT_CUE_SECONDS): Cue[] {
  return segments.flatMap((segment) => segmentCues(segment, maxSeconds));
}

/**
 * Token indices where parts 2…n start: for each ideal time (k/n of the segment) the nearest
 * punctuation within half a part, else the nearest word boundary; increasing, each part keeping
 * at least one token and a positive duration.
 */
function chooseCuts(tokens: readonly TimedToken[], parts: number, duration: number): number[] {
  const candidates: { index: number; time: number; punctuation: boolean }[] = [];
  for (let index = 1; index < tokens.length; index++) {
    const previous = tokens[index - 1]?.text ?? '';
    const token = tokens[index]?.text ?? '';
    const punctuation = PUNCTUATION.test(previous.trim());
    const boundary = punctuation || /^\s/.test(token) || CJK.test(token) || CJK.test(previous.slice(-1));
    const time = tokens[index]?.time ?? 0;
    if (boundary && time > 0 && time < duration) candidates.push({ index, time, punctuation });
  }
  const part = duration / parts;
  const cuts: number[] = [];
  for (let k = 1; k < parts; k++) {
    const target = k * part;
    const last = cuts.at(-1) ?? 0;
    const lastTime = tokens[last]?.time ?? 0;
    const open = candidates.filter((c) => c.index > last && (last === 0 || c.time > lastTime));
    const nearest = (list: typeof open) => list.reduce<(typeof open)[number] | undefined>((best, c) => (!best || Math.abs(c.time - target) < Math.abs(best.time - target) ? c : best), undefined);
    const marked = nearest(open.filter((c) => c.punctuation && Math.abs(c.time - target) <= part / 2));
    const chosen = marked ?? nearest(open);
    if (chosen) cuts.push(chosen.index);
  }
  return cuts;
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Millisecond precision: what subtitle formats hold. */
function round3(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
