import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cue, WordTiming } from '../cue.ts';
import { displayWidth, PROFILES, type ReadabilityProfile } from './profiles.ts';
import { segmentCues } from './segment-cues.ts';
import { tokenize } from './tokens.ts';

const en = PROFILES['netflix-en'];
const zh = PROFILES['netflix-zh-hans'];

const ENGLISH_WORDS = [
  'the', 'a', 'of', 'and', 'we', 'went', 'home', 'really', 'quickly', 'nobody', 'understood', 'why',
  'it', 'happened', 'extraordinary', 'yes', 'no', '3.14', '1,000,000', '12:30', 'https://example.com/x',
  'me@example.org', 'well-known', "don't", 'Mr.', 'Pneumonoultramicroscopicsilicovolcanoconiosis-extra',
] as const;
const PUNCTUATION = ['', '', '', '', ',', '.', '?', '!', ';', ':', '…', '."'] as const;
const CJK_CHARACTERS = [
  ...'我们你他是的了在有和人这中大为上个不到说时要就出会可也对生能而子那得于着下自之年过发后作里用道行',
  ...'所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部东京に行きますはいい天気ですねコーヒー',
];
const CJK_EXTRAS = ['，', '。', '！', '？', '、', '：', '“', '”', 'Python', '3.14', ' ', 'https://example.com/api'] as const;

/** A piece of speech: its text, and its time from the previous one's end. */
interface Spoken {
  readonly text: string;
  readonly gap: number;
  readonly duration: number;
}

const spokenTime = { gap: fc.constantFrom(0, 0.02, 0.1, 0.3, 0.9, 2), duration: fc.double({ min: 0, max: 0.9, noNaN: true }) };
const englishWord = fc.record({
  text: fc.tuple(fc.constantFrom(...ENGLISH_WORDS), fc.constantFrom(...PUNCTUATION)).map(([word, mark]) => ` ${word}${mark}`),
  ...spokenTime,
});
const cjkPiece = fc.record({
  text: fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CJK_CHARACTERS) }, { weight: 1, arbitrary: fc.constantFrom(...CJK_EXTRAS) }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((parts) => parts.join('')),
  ...spokenTime,
});

/** Transcripts as Whisper streams them: back-to-back segments, each with or without word times. */
function transcript(piece: fc.Arbitrary<Spoken>): fc.Arbitrary<Cue[]> {
  const segment = fc.record({
    pieces: fc.array(piece, { minLength: 1, maxLength: 60, size: 'max' }),
    withWords: fc.boolean(),
    tail: fc.double({ min: 0, max: 3, noNaN: true }),
  });
  return fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => {
    let time = 0;
    return segments.map(({ pieces, withWords, tail }) => {
      const start = time;
      const words: WordTiming[] = pieces.map(({ text, gap, duration }) => {
        const word = { start: time + gap, end: time + gap + duration, text };
        time = word.end;
        return word;
      });
      time += tail;
      const text = words.map((word) => word.text).join('').trim();
      return withWords ? { start, end: time, text, words } : { start, end: time, text };
    });
  });
}

const letters = (cues: readonly Cue[]) => cues.map((cue) => cue.text).join('').replace(/\s+/g, '');

/** Lines within the profile, or the cue is one token too wide for any line. */
function laidOutWithin(cue: Cue, profile: ReadabilityProfile): boolean {
  const lines = cue.text.split('\n');
  const within = lines.length <= profile.maxLines && lines.every((line) => displayWidth(line, profile) <= profile.maxCharsPerLine);
  return within || tokenize(cue.text, profile).length === 1;
}

function checkInvariants(input: readonly Cue[], profile: ReadabilityProfile): void {
  const output = segmentCues(input, profile);
  expect(letters(output)).toBe(letters(input));
  for (const [index, cue] of output.entries()) {
    expect(cue.end).toBeGreaterThanOrEqual(cue.start);
    expect(cue.start).toBeGreaterThanOrEqual(output[index - 1]?.end ?? -Infinity);
    expect(laidOutWithin(cue, profile), JSON.stringify(cue.text)).toBe(true);
    for (const word of cue.words ?? []) {
      expect(word.start).toBeGreaterThanOrEqual(cue.start);
      expect(word.end).toBeLessThanOrEqual(cue.end);
    }
  }
  for (const cue of input) {
    const pieces = segmentCues([cue], profile);
    for (const piece of pieces) {
      expect(piece.start).toBeGreaterThanOrEqual(cue.start);
      expect(piece.end).toBeLessThanOrEqual(cue.end);
      if (cue.end > cue.start) expect(piece.end).toBeGreaterThan(piece.start);
    }
    // Words that spell the text stay with it, cut where a word straddles two subtitles.
    if (cue.words) expect(pieces.flatMap((piece) => piece.words ?? []).map((w) => w.text).join('').replace(/\s+/g, '')).toBe(letters([cue]));
  }
}

// Generous: a hundred transcripts each, on a shared and sometimes busy CI machine.
const PROPERTY_TIMEOUT = { timeout: 30_000 };

describe('segmentCues properties', () => {
  it('English words with random times: nothing lost or reordered, ordered, within the profile and the input span', PROPERTY_TIMEOUT, () => {
    fc.assert(fc.property(transcript(englishWord), (cues) => checkInvariants(cues, en)));
  });

  it('random CJK with Latin, numbers and URLs: the same', PROPERTY_TIMEOUT, () => {
    fc.assert(fc.property(transcript(cjkPiece), (cues) => checkInvariants(cues, zh)));
  });

  it('any text at all loses no characters', PROPERTY_TIMEOUT, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300, size: 'max' }), fc.double({ min: 0.1, max: 30, noNaN: true }), (text, end) => {
        const input = [{ start: 0, end, text }];
        expect(letters(segmentCues(input, zh))).toBe(letters(input));
        expect(letters(segmentCues(input, en))).toBe(letters(input));
      }),
    );
  });
});
