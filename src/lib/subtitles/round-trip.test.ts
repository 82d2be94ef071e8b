import { describe, expect, it } from 'vitest';
import type { Cue } from './cue.ts';
import { normalizeCues, sortedNonOverlapping } from './normalize.ts';
import { parseSrt, toSrt } from './srt.ts';
import { parseVtt, toVtt } from './vtt.ts';
import { seededRandom } from '../../../tests/support/seeded-random.ts';


// Text pieces chosen to hit the formats' sharp edges: markup characters, entities, arrows,
// bare numbers (SRT index lines), CJK, emoji with joiners and modifiers, odd whitespace
// and every kind of line break, including blank lines (SRT and WebVTT block separators).
const PIECES = [
  'Hello', 'world', 'a', '42', '1', '你好', '世界！', '字幕テスト', '한국어', 'café', 'naïve',
  '🎬', '👍🏽', '👨‍👩‍👧', '🇨🇳', '&', '&amp;', '&lt;', '&nbsp;', '<', '>', '<i>', '</i>', '<v Ann>',
  '-->', '--', 'a-->b', 'NOTE', 'WEBVTT', '00:00:01,000', '{\\an8}', ' ', '  ', '\t', '\u00A0',
  '\u3000', '\n', '\r\n', '\r', '\n\n', '\n \n',
];

function randomText(random: () => number): string {
  const length = Math.floor(random() * 12);
  let text = '';
  for (let i = 0; i < length; i += 1) {
    text += PIECES[Math.floor(random() * PIECES.length)] ?? '';
    if (random() < 0.5) text += ' ';
  }
  return text;
}

function randomTime(random: () => number): number {
  const roll = random();
  if (roll < 0.03) return Number.NaN;
  if (roll < 0.05) return Number.POSITIVE_INFINITY;
  if (roll < 0.1) return -random() * 10;
  // Mostly short files, sometimes past 100 hours; sub-millisecond fractions on purpose.
  return random() < 0.9 ? random() * 600 : random() * 500_000;
}

function randomCues(random: () => number): Cue[] {
  const count = Math.floor(random() * 25);
  return Array.from({ length: count }, () => {
    const start = randomTime(random);
    const end = random() < 0.1 ? randomTime(random) : start + random() * 8 - 0.5;
    return { start, end, text: randomText(random) };
  });
}

const RUNS = 500;

describe('round trips over random cue lists', () => {
  it('parseSrt(toSrt(cues)) gives back normalizeCues(cues) exactly', () => {
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const cues = randomCues(seededRandom(seed));
      const expected = normalizeCues(cues);
      const srt = toSrt(cues);
      expect(parseSrt(srt), `seed ${seed}`).toEqual(expected);
      expect(toSrt(parseSrt(srt)), `seed ${seed}`).toBe(srt);
    }
  });

  it('parseVtt(toVtt(cues)) gives back normalizeCues(cues) exactly', () => {
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const cues = randomCues(seededRandom(seed));
      const expected = normalizeCues(cues);
      const vtt = toVtt(cues);
      expect(parseVtt(vtt), `seed ${seed}`).toEqual(expected);
      expect(toVtt(parseVtt(vtt)), `seed ${seed}`).toBe(vtt);
    }
  });

  it('SRT and WebVTT carry the same cues', () => {
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const cues = randomCues(seededRandom(seed));
      expect(parseVtt(toVtt(parseSrt(toSrt(cues)))), `seed ${seed}`).toEqual(normalizeCues(cues));
    }
  });

  it('survives CRLF line endings and a BOM added by other tools', () => {
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const cues = randomCues(seededRandom(seed));
      const expected = normalizeCues(cues);
      const windows = (text: string): string => `\uFEFF${text.replaceAll('\n', '\r\n')}`;
      expect(parseSrt(windows(toSrt(cues))), `seed ${seed}`).toEqual(expected);
      expect(parseVtt(windows(toVtt(cues))), `seed ${seed}`).toEqual(expected);
    }
  });

  it('writes only valid structure: sorted cues, no stray arrows, no blank lines inside cues', () => {
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const cues = randomCues(seededRandom(seed));
      expect(sortedNonOverlapping(normalizeCues(cues))).toBe(true);
      const vttLines = toVtt(cues).split('\n');
      for (const line of vttLines.filter((l) => l.includes('-->'))) {
        expect(line, `seed ${seed}`).toMatch(/^\d{2,}:[0-5]\d:[0-5]\d\.\d{3} --> \d{2,}:[0-5]\d:[0-5]\d\.\d{3}$/);
      }
      const srtBlocks = toSrt(cues).split('\n\n');
      for (const block of srtBlocks.filter((b) => b !== '')) {
        expect(block, `seed ${seed}`).toMatch(/^\d+\n\d{2,}:[0-5]\d:[0-5]\d,\d{3} --> \d{2,}:[0-5]\d:[0-5]\d,\d{3}\n[^\n]/);
      }
    }
  });

  it('generates the cases it is meant to cover', () => {
    // Guards the generator itself: without these the loops above would prove little.
    const all = Array.from({ length: RUNS }, (_, i) => normalizeCues(randomCues(seededRandom(i + 1)))).flat();
    const texts = all.map((c) => c.text).join('\n');
    for (const needle of ['&', '<', '>', '-->', '你好', '👨‍👩‍👧', '\n']) expect(texts).toContain(needle);
    expect(all.some((c) => c.end >= 360_000)).toBe(true);
    expect(all.some((c) => c.start === 0)).toBe(true);
    expect(all.length).toBeGreaterThan(RUNS * 5);
  });
});
