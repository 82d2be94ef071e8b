import type { Cue, WordTiming } from '../subtitles/cue.ts';
import { segmentWords } from '../subtitles/segmentation.ts';

/** A timestamped chunk as the ASR pipeline returns it; `null` end means "ran to the window's end". */
export interface TimedChunk {
  readonly text: string;
  readonly timestamp: readonly [number | null, number | null] | readonly number[];
}

/**
 * Turns one window's chunks into absolute cues: offsets by the window start, clamps every time
 * into the window (models emit times past the end of the audio), keeps them ordered, and never
 * drops text for bad timing: a segment whose end comes before its start (transformers.js 4.x
 * timestamp regressions, #1684) gets a duration from its length, and one with no room left in
 * the window joins the cue before it. Pure.
 */
export function chunksToCues(chunks: readonly TimedChunk[], windowStart: number, windowDuration: number): Cue[] {
  const cues: Cue[] = [];
  let floor = 0;
  for (const chunk of chunks) {
    const text = chunk.text.trim();
    if (!text) continue;
    const [rawStart, rawEnd] = chunk.timestamp;
    const start = clamp(rawStart ?? floor, floor, windowDuration);
    const wanted = rawEnd !== null && rawEnd !== undefined && rawEnd > start ? rawEnd : rawEnd === null ? windowDuration : start + readingTime(text);
    const end = clamp(wanted, start, windowDuration);
    const previous = cues.at(-1);
    if (end > start) cues.push({ start: round3(windowStart + start), end: round3(windowStart + end), text });
    else if (previous) cues[cues.length - 1] = { ...previous, text: `${previous.text} ${text}` };
    else cues.push({ start: round3(windowStart + Math.max(0, windowDuration - readingTime(text))), end: round3(windowStart + windowDuration), text });
    floor = end;
  }
  return cues;
}

/** A plausible on-screen time for text whose own timing is unusable: ~15 characters a second. */
function readingTime(text: string): number {
  return Math.min(6, Math.max(0.5, text.length / 15));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Number.isFinite(value) ? value : min));
}

/** Millisecond precision: what subtitle formats hold, and it stops float drift over hours. */
function round3(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/**
 * Turns one window's word chunks (`return_timestamps: 'word'`) into absolute cues with their
 * words. Word times are sanity-checked first: a timeline that overshoots the audio (a known
 * transformers.js problem, #1357/#1358) is scaled back into it, times are made monotonic, and a
 * cue left without duration joins its neighbour, so no text is ever dropped for bad timing. Pure.
 */
export function wordChunksToCues(chunks: readonly TimedChunk[], windowStart: number, windowDuration: number): Cue[] {
  const raw = chunks.filter((c) => c.text.trim()).map((c) => ({ text: c.text, start: c.timestamp[0] ?? NaN, end: c.timestamp[1] ?? NaN }));
  const latest = Math.max(0, ...raw.map((w) => (Number.isFinite(w.end) ? w.end : 0)));
  const scale = latest > windowDuration ? windowDuration / latest : 1;
  const words: WordTiming[] = [];
  let floor = 0;
  for (const word of raw) {
    const start = clamp((Number.isFinite(word.start) ? word.start : floor) * scale, floor, windowDuration);
    const end = clamp((Number.isFinite(word.end) ? word.end : word.start) * scale, start, windowDuration);
    words.push({ start: round3(windowStart + start), end: round3(windowStart + end), text: word.text });
    floor = end;
  }
  return mergeEmptyCues(segmentWords(words));
}

/** A cue whose words all share one instant can't be shown: its words join the cue before (or after). */
function mergeEmptyCues(cues: readonly Cue[]): Cue[] {
  const out: Cue[] = [];
  let carry: WordTiming[] = [];
  for (const cue of cues) {
    const words = [...carry, ...(cue.words ?? [])];
    carry = [];
    const previous = out.at(-1);
    if (cue.end > cue.start) out.push(withWords(cue.start, cue.end, words));
    else if (previous) out[out.length - 1] = withWords(previous.start, previous.end, [...(previous.words ?? []), ...words]);
    else carry = words;
  }
  const last = out.at(-1);
  if (carry.length > 0 && last) out[out.length - 1] = withWords(last.start, last.end, [...(last.words ?? []), ...carry]);
  if (carry.length > 0 && !last) {
    const at = carry[0]?.start ?? 0;
    out.push(withWords(at, at + 0.5, carry));
  }
  return out;
}

function withWords(start: number, end: number, words: readonly WordTiming[]): Cue {
  return { start, end, text: words.map((w) => w.text).join('').trim(), words };
}
