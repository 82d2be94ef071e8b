import { describe, expect, it } from 'vitest';
import type { Cue, WordTiming } from '../cue.ts';
import { normalizeCues } from '../normalize.ts';
import { checkCue } from './check.ts';
import { PROFILES, type ReadabilityProfile } from './profiles.ts';
import { segmentCues } from './segment-cues.ts';

const en = PROFILES['netflix-en'];
const zh = PROFILES['netflix-zh-hans'];
/** Seconds on whole milliseconds, as segmentCues gives the times of the cues it cuts. */
const ms = (seconds: number) => Math.round(seconds * 1000) / 1000;
const letters = (cues: readonly Cue[]) => cues.map((cue) => cue.text).join('').replace(/\s+/g, '');
const layoutIssues = (cues: readonly Cue[], profile: ReadabilityProfile) =>
  cues.flatMap((cue) => checkCue(cue, profile).filter((issue) => issue.kind === 'line-too-long' || issue.kind === 'too-many-lines'));

/** Whisper-style words: a leading space on each, `pauseAfter` seconds of silence after the listed ones. */
function spokenWords(text: string, start: number, pauseAfter: Readonly<Record<string, number>> = {}): WordTiming[] {
  let time = start;
  return text.split(' ').map((word) => {
    const timing = { start: time, end: time + 0.25, text: ` ${word}` };
    time += 0.3 + (pauseAfter[word] ?? 0);
    return timing;
  });
}

const RUN_ON =
  'So what we did was we took the whole engine apart and we looked at every single piece of it because ' +
  'honestly nobody on the team had any idea which parts were still working and which ones were just there for decoration';

describe('segmentCues', () => {
  it('cuts a long English run-on segment without word times into readable cues, times shared by width', () => {
    const cue = { start: 10, end: 22, text: RUN_ON };
    const cues = segmentCues([cue], en);
    expect(cues.length).toBeGreaterThanOrEqual(3);
    expect(letters(cues)).toBe(letters([cue]));
    expect(layoutIssues(cues, en)).toEqual([]);
    expect(cues[0]?.start).toBe(10);
    expect(cues.at(-1)?.end).toBe(22);
    for (const cue of cues) expect(cue.end - cue.start).toBeLessThanOrEqual(en.maxSeconds);
  });

  it('cuts at a pause between words before clause punctuation or any word, with times from the words', () => {
    const text = 'We drove up north to see my grandmother, who still lives in the old farmhouse by the lake where my father grew up';
    const words = spokenWords(text, 5, { farmhouse: 0.9 });
    const cues = segmentCues([{ start: 5, end: words.at(-1)?.end ?? 0, text, words }], en);
    expect(cues.map((cue) => cue.text.replace(/\n/g, ' '))).toEqual([
      'We drove up north to see my grandmother, who still lives in the old farmhouse',
      'by the lake where my father grew up',
    ]);
    const farmhouse = words.find((word) => word.text === ' farmhouse');
    const by = words.find((word) => word.text === ' by');
    expect(cues[0]?.start).toBe(5);
    expect(cues[0]?.end).toBeGreaterThanOrEqual(ms(farmhouse?.end ?? Infinity));
    expect(cues[0]?.end).toBeLessThanOrEqual((by?.start ?? 0) - en.minGapSeconds + 1e-9);
    expect(cues[1]?.start).toBe(ms(by?.start ?? 0));
    expect(cues.flatMap((cue) => cue.words ?? [])).toEqual(expect.arrayContaining([expect.objectContaining({ text: ' by' })]));
    expect(cues.map((cue) => cue.words?.length)).toEqual([15, 8]);
  });

  it('prefers a sentence end, then clause punctuation, to a bare word boundary', () => {
    const text = 'The storm had knocked out power across the whole valley. Crews worked through the night, and by morning most homes had light again.';
    const cues = segmentCues([{ start: 0, end: 7, text }], en);
    expect(cues.map((cue) => cue.text.replace(/\n/g, ' '))).toEqual([
      'The storm had knocked out power across the whole valley.',
      'Crews worked through the night, and by morning most homes had light again.',
    ]);
  });

  it('segments a run-on with Whisper word times the same way, each cue keeping its words', () => {
    const words = spokenWords(RUN_ON, 0);
    const cue = { start: 0, end: (words.at(-1)?.end ?? 0) + 0.5, text: ` ${RUN_ON}`, words };
    const cues = segmentCues([cue], en);
    expect(letters(cues)).toBe(letters([cue]));
    expect(layoutIssues(cues, en)).toEqual([]);
    // Same words, same starts; an end may be pulled in to open the minimum gap to the next cue.
    const kept = cues.flatMap((c) => c.words ?? []);
    expect(kept.map((w) => [w.text, w.start])).toEqual(words.map((w) => [w.text, ms(w.start)]));
    for (const [index, word] of kept.entries()) expect(word.end).toBeGreaterThan((words[index]?.end ?? 0) - en.minGapSeconds);
    for (const c of cues) {
      expect(letters([{ ...c, text: (c.words ?? []).map((w) => w.text).join('') }])).toBe(letters([c]));
      expect(c.start).toBe(c.words?.[0]?.start);
    }
  });

  it('cuts a Mandarin sentence without spaces at ，and 。', () => {
    const text = '今天我们要讨论的是人工智能在医疗领域的应用，特别是在影像诊断方面已经取得了很大进展。但是数据隐私仍然是个问题。';
    const cues = segmentCues([{ start: 0, end: 10, text }], zh);
    expect(cues.map((cue) => cue.text.replace(/\n/g, ''))).toEqual([
      '今天我们要讨论的是人工智能在医疗领域的应用，',
      '特别是在影像诊断方面已经取得了很大进展。',
      '但是数据隐私仍然是个问题。',
    ]);
    expect(layoutIssues(cues, zh)).toEqual([]);
  });

  it('splits words that straddle a cut in Chinese, sharing their time by characters', () => {
    const text = '我们今天很高兴，大家都来到了这里参加这次会议，希望每个人都能有所收获。';
    const chars = [...text];
    const words = Array.from({ length: Math.ceil(chars.length / 3) }, (_, i) => ({
      start: i * 0.6,
      end: i * 0.6 + 0.5,
      text: chars.slice(i * 3, i * 3 + 3).join(''),
    }));
    const cues = segmentCues([{ start: 0, end: words.length * 0.6, text, words }], zh);
    expect(cues.length).toBeGreaterThan(1);
    for (const cue of cues) {
      const own = cue.words ?? [];
      expect(own.map((w) => w.text).join('')).toBe(cue.text.replace(/\n/g, ''));
      for (const word of own) {
        expect(word.start).toBeGreaterThanOrEqual(cue.start);
        expect(word.end).toBeLessThanOrEqual(cue.end);
      }
    }
  });

  it('keeps mixed Chinese and English whole: Latin words, the URL and their spaces', () => {
    const text = '我们用 Python 和 PyTorch 训练模型，然后部署到 https://example.com/api 上。';
    const cues = segmentCues([{ start: 3, end: 9, text }], zh);
    expect(cues.map((cue) => cue.text)).toEqual(['我们用 Python\n和 PyTorch 训练模型，', '然后部署到\nhttps://example.com/api 上。']);
  });

  it('never splits numbers or addresses', () => {
    const text =
      'At 12:30 we measured 3.14 meters, roughly 1,000,000 micrometers, then emailed the results to lab-results@example.org and posted them at https://example.com/results/2024.';
    const cues = segmentCues([{ start: 0, end: 9, text }], en);
    const joined = cues.map((cue) => cue.text).join(' ');
    for (const whole of ['12:30', '3.14', '1,000,000', 'lab-results@example.org', 'https://example.com/results/2024.']) {
      expect(joined.split(/\s+/)).toContain(whole);
    }
    expect(layoutIssues(cues, en)).toEqual([]);
  });

  it('cuts Japanese at 。 and 、 without splitting particles from their words', () => {
    const text = '東京に行きます。今日はいい天気ですね、散歩しましょう。それから、駅の近くの喫茶店でコーヒーを飲みたいと思います。';
    const cues = segmentCues([{ start: 0, end: 9, text }], PROFILES.cjk);
    expect(letters(cues)).toBe(text);
    expect(layoutIssues(cues, PROFILES.cjk)).toEqual([]);
    for (const line of cues.flatMap((cue) => cue.text.split('\n'))) expect(line).not.toMatch(/^[はがをにでとの、。]/);
  });

  it('keeps cues within the profile as they are, apart from their lines', () => {
    const fits = { start: 1, end: 3, text: ' Where are you going?', words: spokenWords('Where are you going?', 1) };
    expect(segmentCues([fits], en)).toEqual([{ ...fits, text: 'Where are you going?' }]);
    const twoLines = { start: 0, end: 4, text: 'I told you already, we are not going to the party tonight.' };
    expect(segmentCues([twoLines], en)).toEqual([{ ...twoLines, text: 'I told you already,\nwe are not going to the party tonight.' }]);
    const ownLines = { start: 0, end: 2, text: 'Hi\nthere' };
    expect(segmentCues([ownLines], en)[0]).toBe(ownLines);
  });

  it('leaves what cutting cannot fix: one over-wide word, a short fast cue, a slow short one', () => {
    const word = { start: 0, end: 1, text: 'https://example.com/an/address/far/wider/than/one/subtitle/line' };
    const fast = { start: 0, end: 0.4, text: 'Get down, now!' };
    const slow = { start: 0, end: 20, text: 'Hello there.' };
    expect(segmentCues([word, fast, slow], en)).toEqual([word, fast, slow]);
  });

  it('falls back to shared-out times when word times are stacked on one instant', () => {
    const text = RUN_ON;
    const words = text.split(' ').map((word) => ({ start: 4, end: 4, text: ` ${word}` }));
    const cues = segmentCues([{ start: 0, end: 12, text, words }], en);
    for (const cue of cues) expect(cue.end).toBeGreaterThan(cue.start);
    expect(cues.flatMap((cue) => cue.words ?? []).map((w) => w.text)).toEqual(words.map((w) => w.text));
  });

  it('assigns words by time when they no longer spell the text (an edited cue)', () => {
    const words = spokenWords(RUN_ON, 0);
    const cues = segmentCues([{ start: 0, end: 40, text: `${RUN_ON} and more`, words }], en);
    expect(cues.flatMap((cue) => cue.words ?? [])).toHaveLength(words.length);
    for (const cue of cues) for (const word of cue.words ?? []) expect(word.end).toBeLessThanOrEqual(cue.end);
  });

  it('gives cut cues whole-millisecond times that normalizeCues keeps as they are', () => {
    const words = spokenWords(RUN_ON, 0.0004);
    const withWords = segmentCues([{ start: 0, end: 13.0007, text: RUN_ON, words }], en);
    const byWidth = segmentCues([{ start: 0, end: 12.3456, text: RUN_ON }], en);
    for (const cues of [withWords, byWidth]) {
      expect(normalizeCues(cues)).toEqual(cues);
      for (const cue of cues) expect([cue.start, cue.end]).toEqual([ms(cue.start), ms(cue.end)]);
    }
  });

  it('gives the same result per streamed batch as over the whole transcript', () => {
    const batch1 = [{ start: 0, end: 12, text: RUN_ON }];
    const batch2 = [{ start: 12, end: 13, text: 'Short.' }, { start: 13, end: 30, text: RUN_ON }];
    expect(segmentCues([...batch1, ...batch2], en)).toEqual([...segmentCues(batch1, en), ...segmentCues(batch2, en)]);
  });

  it('passes blank cues through', () => {
    const blank = { start: 0, end: 1, text: '' };
    expect(segmentCues([blank], en)).toEqual([blank]);
    expect(segmentCues([], en)).toEqual([]);
  });
});
