import type { Cue, WordTiming } from '../cue.ts';
import { clampWords } from '../normalize.ts';
import { chooseCuts } from './cut.ts';
import { fitsLines, measureTokens, setLines, type WidthOf } from './line-layout.ts';
import { displayWidth, type ReadabilityProfile } from './profiles.ts';
import { timeByWidth, timeFromWords, wordsBetween, wordsByTime, type PlacedWord, type TokenTiming } from './timing.ts';
import { tokenize, type Token } from './tokens.ts';

const EPSILON = 1e-9;

/**
 * Cuts cues into readable subtitles: a cue too wide for the profile's lines or on screen too
 * long is cut at sentence ends first, then pauses between words, clause punctuation, and last
 * any word boundary; each subtitle's lines are then balanced. Times come from the words when the
 * cue has them, else from each piece's share of the width; every piece keeps its words. A cue
 * already within the profile keeps its times, and its text unless its lines need setting.
 *
 * Each cue is handled on its own, so segmenting a batch of streamed cues gives the same result
 * as segmenting the whole transcript once. Pure.
 *
 * @example
 * segmentCues([{ start: 0, end: 6, text: 'It was late. Nobody in the village had seen the stranger arrive, but everyone knew.' }], PROFILES['netflix-en']);
 * // [{ start: 0, end: 0.857, text: 'It was late.' },
 * //  { start: 0.94, end: 6, text: 'Nobody in the village had seen\nthe stranger arrive, but everyone knew.' }]
 */
export function segmentCues(cues: readonly Cue[], profile: ReadabilityProfile): Cue[] {
  return cues.flatMap((cue) => segmentCue(cue, profile));
}

function segmentCue(cue: Cue, profile: ReadabilityProfile): Cue[] {
  const tooLong = cue.end - cue.start > profile.maxSeconds + EPSILON;
  const kept = tooLong ? undefined : keptWithoutCutting(cue, profile);
  if (kept) return [kept];
  const tokens = tokenize(cue.text, profile);
  if (tokens.length === 0) return [cue];
  const width = measureTokens(tokens, profile);
  if (tokens.length === 1 || (!tooLong && fitsLines(width, 0, tokens.length, profile))) {
    const text = setLines(tokens, width, 0, tokens.length, profile);
    return [text === cue.text ? cue : { ...cue, text }];
  }
  const fromWords = timeFromWords(cue, tokens);
  if (fromWords) {
    const pieces = cutCue(cue, { tokens, width, timing: fromWords, placed: fromWords.words }, profile);
    // Words stacked on one instant (a model's alignment giving up) would leave empty subtitles.
    if (cue.end <= cue.start || pieces.every((piece) => piece.end > piece.start)) return onWholeMilliseconds(pieces, cue);
  }
  const byWidth = timeByWidth(cue, tokens, width);
  return onWholeMilliseconds(cutCue(cue, { tokens, width, timing: byWidth, placed: fromWords?.words }, profile), cue);
}

/**
 * The cue unchanged when a person's line breaks already keep it within the profile, or set on
 * one line when it fits one. Most recognized segments end here, without being tokenized.
 */
function keptWithoutCutting(cue: Cue, profile: ReadabilityProfile): Cue | undefined {
  if (cue.text.includes('\n') && linesWithin(cue.text, profile)) return cue;
  const line = cue.text.trim().replace(/\s+/g, ' ');
  if (displayWidth(line, profile) > profile.maxCharsPerLine) return undefined;
  return line === cue.text ? cue : { ...cue, text: line };
}

/** True when the text's own line breaks already keep it within the profile (a person set them). */
function linesWithin(text: string, profile: ReadabilityProfile): boolean {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  return lines.length <= profile.maxLines && lines.every((line) => displayWidth(line.trim(), profile) <= profile.maxCharsPerLine);
}

/** A cue's tokens with their widths and times, and its words placed in the text when they spell it. */
interface MeasuredCue {
  readonly tokens: readonly Token[];
  readonly width: WidthOf;
  readonly timing: TokenTiming;
  readonly placed: readonly PlacedWord[] | undefined;
}

function cutCue(cue: Cue, measured: MeasuredCue, profile: ReadabilityProfile): Cue[] {
  const { tokens, width, timing } = measured;
  const starts = chooseCuts({ tokens, width, timing, cueEnd: cue.end, profile });
  const ranges = starts.map((from, index) => ({ from, to: starts[index + 1] ?? tokens.length }));
  const times = ranges.map(({ from, to }) => ({ start: timing.starts[from] ?? cue.start, end: timing.ends[to - 1] ?? cue.end }));
  const cues: Cue[] = [];
  for (const [index, { from, to }] of ranges.entries()) {
    const { start, end: spokenEnd } = times[index] ?? { start: cue.start, end: cue.end };
    const nextStart = times[index + 1]?.start;
    const end = readableEnd({ start, spokenEnd, width: width(from, to) }, nextStart, cue.end, profile);
    const text = setLines(tokens, width, from, to, profile);
    const words = piecesWords(cue, measured, { from, to, start, end, nextStart });
    cues.push(words ? { start, end, text, words } : { start, end, text });
  }
  return cues;
}

/** A piece as spoken: when it starts and ends, and how wide its text is. */
interface SpokenPiece {
  readonly start: number;
  readonly spokenEnd: number;
  readonly width: number;
}

/**
 * Where a subtitle should end: held past the speech until it has been up for the minimum time
 * and long enough to read, but never into the next one's gap, nor past the cue. If the next
 * subtitle starts too soon for a gap at all, the speech's own end stays.
 */
function readableEnd(piece: SpokenPiece, nextStart: number | undefined, cueEnd: number, profile: ReadabilityProfile): number {
  const { start, spokenEnd, width: pieceWidth } = piece;
  const readingTime = Math.max(profile.minSeconds, pieceWidth / profile.maxCharsPerSecond);
  const limit = nextStart === undefined ? cueEnd : nextStart - profile.minGapSeconds;
  const end = Math.min(Math.max(spokenEnd, start + readingTime), limit);
  return end > start ? end : spokenEnd;
}

/**
 * Piece times on whole milliseconds, as SRT and WebVTT keep them, so `normalizeCues` (which every
 * export and the transcript run) changes nothing. Starts round up and ends down, so no gap
 * shrinks below the profile's; if that would leave a piece empty (a cue of a few milliseconds),
 * the times stay as they are rather than lose text.
 */
function onWholeMilliseconds(pieces: readonly Cue[], cue: Cue): Cue[] {
  const inside = (time: number) => Math.min(cue.end, Math.max(cue.start, time));
  // The nudge keeps float noise (1.005 * 1000 = 1004.999…) from costing a whole millisecond.
  const up = (time: number) => inside(Math.ceil(time * 1000 - 1e-6) / 1000);
  const down = (time: number) => inside(Math.floor(time * 1000 + 1e-6) / 1000);
  const rounded = pieces.map((piece) => ({ ...piece, start: up(piece.start), end: down(piece.end) }));
  if (rounded.some((piece) => piece.end <= piece.start)) return [...pieces];
  return rounded.map((piece) => (piece.words ? { ...piece, words: clampWords(piece.words, piece.start, piece.end) } : piece));
}

interface PieceSpan {
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
  readonly nextStart: number | undefined;
}

/** The cue's words that belong to one piece: by place in the text when they spell it, else by time. */
function piecesWords(cue: Cue, { tokens, placed }: MeasuredCue, span: PieceSpan): WordTiming[] | undefined {
  if (!cue.words) return undefined;
  const first = tokens[span.from];
  const last = tokens[span.to - 1];
  if (placed && first && last) {
    return wordsBetween(placed, first.offset, last.offset + last.text.length, span.start, span.end);
  }
  const from = span.from === 0 ? -Infinity : span.start;
  const to = span.to === tokens.length ? Infinity : (span.nextStart ?? Infinity);
  return wordsByTime(cue.words, from, to, span.start, span.end);
}
