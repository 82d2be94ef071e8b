import type { Cue } from '../subtitles/cue.ts';
import { formatClock } from './prompts.ts';

/** A chapter of the summary: where it starts (a cue's exact start) and its title. */
export interface Chapter {
  readonly start: number;
  readonly title: string;
}

export interface CheckedSummary {
  /** The summary with chapter lines rewritten to checked times; invented ones removed. */
  readonly markdown: string;
  /** The same without the chapter lines, for rendering above the chapter buttons. */
  readonly body: string;
  readonly chapters: readonly Chapter[];
}

// `- [01:23] Title`, `1. 01:23 - Title`, `**[1:02:03]** Title`, `* (01:23) Title`…
const CHAPTER_LINE = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?[*_]*[[(]?((?:\d{1,2}:)?\d{1,2}:\d{2})[\])]?[*_]*\s*[-–—:：]?\s*(.*\S)\s*$/;
const HEADING = /^\s{0,3}#{1,6}\s/;
/** A time in a gap between cues moves to the next cue when that starts this soon after. */
const GAP_TOLERANCE_SECONDS = 3;

/**
 * Checks the chapter lines of a model's summary against the transcript. Chapter lines are the
 * time-led lines of the last section that has any (the prompt asks for chapters last). Each
 * time moves to the start of the cue it falls in (or, in a pause, the cue just after it); a
 * time past the transcript, or out of order, is dropped. Works on partial, streaming text. Pure.
 *
 * @example
 * checkChapters('## Chapters\n- [00:03] Two\n- [09:00] Invented', [
 *   { start: 0, end: 2.4, text: 'One' },
 *   { start: 2.4, end: 5.8, text: 'Two' },
 * ]).chapters; // [{ start: 2.4, title: 'Two' }]
 */
export function checkChapters(markdown: string, cues: readonly Cue[]): CheckedSummary {
  const lines = markdown.split('\n');
  const chapterLines = chapterLineIndices(lines);
  const chapters: Chapter[] = [];
  const rewritten: string[] = [];
  const body: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (!chapterLines.has(index)) {
      rewritten.push(line);
      body.push(line);
      continue;
    }
    const chapter = readChapter(line, cues);
    const previous = chapters.at(-1);
    if (!chapter || (previous && chapter.start <= previous.start)) continue;
    chapters.push(chapter);
    rewritten.push(`- [${formatClock(chapter.start)}] ${chapter.title}`);
  }
  return { markdown: rewritten.join('\n'), body: body.join('\n').trimEnd(), chapters };
}

/**
 * The start of the cue a chapter time (in whole seconds, as the prompt shows them) points
 * at, or undefined when no cue is there. Pure.
 */
export function snapToCue(seconds: number, cues: readonly Cue[]): number | undefined {
  const exact = cues.find((cue) => Math.floor(cue.start) === seconds);
  if (exact) return exact.start;
  const inside = cues.find((cue) => cue.start <= seconds && seconds < cue.end);
  if (inside) return inside.start;
  const next = cues.find((cue) => cue.start > seconds);
  return next && next.start - seconds <= GAP_TOLERANCE_SECONDS ? next.start : undefined;
}

function chapterLineIndices(lines: readonly string[]): Set<number> {
  let section: number[] = [];
  let lastWithChapters: number[] = [];
  for (const [index, line] of lines.entries()) {
    if (HEADING.test(line)) section = [];
    else if (CHAPTER_LINE.test(line)) {
      section.push(index);
      lastWithChapters = section;
    }
  }
  return new Set(lastWithChapters);
}

function readChapter(line: string, cues: readonly Cue[]): Chapter | undefined {
  const match = CHAPTER_LINE.exec(line);
  const seconds = parseClock(match?.[1] ?? '');
  const title = (match?.[2] ?? '').replace(/\*\*|__|`/g, '').trim();
  if (seconds === undefined || title === '') return undefined;
  const start = snapToCue(seconds, cues);
  return start === undefined ? undefined : { start, title };
}

function parseClock(text: string): number | undefined {
  const parts = text.split(':').map(Number);
  if (parts.length < 2 || parts.some((n) => !Number.isInteger(n))) return undefined;
  const [a = 0, b = 0, c] = parts;
  if (c === undefined) return b < 60 ? a * 60 + b : undefined;
  return b < 60 && c < 60 ? a * 3600 + b * 60 + c : undefined;
}
