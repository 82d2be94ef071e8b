import { describe, expect, it } from 'vitest';
import type { Cue } from '../cue.ts';
import { PROFILES, type ReadabilityProfile } from './profiles.ts';
import { segmentCues } from './segment-cues.ts';

const ENGLISH =
  'So what we decided to do was basically take the whole thing apart, look at every single piece of it, and ' +
  'figure out which parts were actually working. It took us about three months, and honestly it was worth it.';
const CHINESE = '今天我们要讨论的是人工智能在医疗领域的应用，特别是在影像诊断方面，它已经取得了很大的进展。但是数据隐私仍然是个问题。';

/** A long transcript shaped like Whisper's output: segments of 4 to 38 words, half with word times. */
function englishTranscript(count: number): Cue[] {
  const vocabulary = ENGLISH.split(' ');
  return Array.from({ length: count }, (_, index) => {
    let time = index * 12;
    const words = vocabulary.slice(index % 7, (index % 7) + 4 + ((index * 7) % 35)).map((text) => {
      const word = { start: time, end: time + 0.25, text: ` ${text}` };
      time += 0.3;
      return word;
    });
    const text = words.map((word) => word.text).join('').trim();
    return index % 2 ? { start: index * 12, end: time, text, words } : { start: index * 12, end: time, text };
  });
}

function chineseTranscript(count: number): Cue[] {
  return Array.from({ length: count }, (_, index) => ({ start: index * 10, end: index * 10 + 8, text: CHINESE.slice(index % 5, 12 + (index % 45)) }));
}

function timed(cues: readonly Cue[], profile: ReadabilityProfile): { ms: number; out: Cue[] } {
  const started = performance.now();
  const out = segmentCues(cues, profile);
  return { ms: performance.now() - started, out };
}

describe('segmentCues speed', () => {
  // Printed, not asserted: shared CI machines vary too much for a time limit to mean anything.
  it('segments a 3,000-cue transcript', { timeout: 30_000 }, () => {
    const english = englishTranscript(3000);
    const chinese = chineseTranscript(3000);
    const first = timed(english, PROFILES['netflix-en']);
    const warm = timed(english, PROFILES['netflix-en']);
    const firstChinese = timed(chinese, PROFILES['netflix-zh-hans']);
    const warmChinese = timed(chinese, PROFILES['netflix-zh-hans']);
    console.info(
      `segmentCues, 3,000 cues: English ${first.ms.toFixed(0)} ms first run, ${warm.ms.toFixed(0)} ms warm → ${warm.out.length} cues; ` +
        `Chinese ${firstChinese.ms.toFixed(0)} ms first run, ${warmChinese.ms.toFixed(0)} ms warm → ${warmChinese.out.length} cues`,
    );
    expect(warm.out.length).toBeGreaterThan(english.length);
    expect(warmChinese.out.length).toBeGreaterThan(chinese.length);
  });
});
