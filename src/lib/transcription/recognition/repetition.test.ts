import { describe, expect, it } from 'vitest';
import type { Cue } from '../../subtitles/cue.ts';
import { findLoop, removeLoops, textUnits } from './loops.ts';
import { cleanRepetitions, isRepetitionLoop, trimLoops } from './repetition.ts';

const cue = (text: string, start = 0, end = 5): Cue => ({ start, end, text });

describe('textUnits', () => {
  it('splits spaced scripts into words and unspaced ones into characters', () => {
    expect(textUnits(' Hello,  world!').map((u) => u.key)).toEqual(['hello,', 'world!']);
    expect(textUnits('谢谢。OK 好').map((u) => u.key)).toEqual(['谢', '谢', '。ok', '好']);
    expect(textUnits('ありがとう').map((u) => u.key)).toHaveLength(5);
    expect(textUnits('สวัสดีครับ').length).toBeGreaterThan(1);
  });

  it('keeps offsets and the white space before each unit', () => {
    const [first, second] = textUnits(' ab  cd');
    expect(first).toEqual({ key: 'ab', start: 1, end: 3, space: ' ' });
    expect(second).toEqual({ key: 'cd', start: 5, end: 7, space: '  ' });
  });
});

describe('findLoop', () => {
  it('finds one word repeated, as one word rather than pairs', () => {
    expect(findLoop(textUnits('the '.repeat(12)))).toEqual({ first: 0, size: 1, count: 12 });
  });

  it('finds a phrase repeated after other words, ignoring case', () => {
    expect(findLoop(textUnits('Well, thank you. Thank you. Thank you. Thank you. Thank you.'))).toEqual({ first: 1, size: 2, count: 5 });
  });

  it('needs more copies of a short phrase than of a sentence', () => {
    expect(findLoop(textUnits('no no no no no'))).toBeUndefined();
    expect(findLoop(textUnits('Thank you. Thank you. Thank you.'))).toBeUndefined();
    expect(findLoop(textUnits('I do not know. I do not know. I do not know.'))).toEqual({ first: 0, size: 4, count: 3 });
  });

  it('uses characters for Chinese and Japanese and leaves ordinary reduplication alone', () => {
    expect(findLoop(textUnits('谢谢。'.repeat(5)))).toEqual({ first: 0, size: 3, count: 5 });
    expect(findLoop(textUnits('哈'.repeat(12)))).toEqual({ first: 0, size: 1, count: 12 });
    expect(findLoop(textUnits('谢谢你，慢慢来，哈哈哈，看看吧。'))).toBeUndefined();
    expect(findLoop(textUnits('そうですね。'.repeat(4)))).toEqual({ first: 0, size: 6, count: 4 });
  });

  it('honours its options', () => {
    expect(findLoop(textUnits('no no no no no'), { minUnits: 5 })).toEqual({ first: 0, size: 1, count: 5 });
    expect(findLoop(textUnits('a b a b a b a b a b'), { maxSize: 1 })).toBeUndefined();
  });
});

describe('removeLoops', () => {
  it('keeps one copy and what comes before and after', () => {
    const units = textUnits(`Hi${' the'.repeat(10)} bye`);
    expect(removeLoops(units).map((u) => u.key)).toEqual(['hi', 'the', 'bye']);
  });
});

describe('isRepetitionLoop', () => {
  it('flags back-to-back repetition', () => {
    expect(isRepetitionLoop(' the'.repeat(60))).toBe(true);
    expect(isRepetitionLoop('Thank you. '.repeat(6))).toBe(true);
    expect(isRepetitionLoop('谢谢大家。'.repeat(4))).toBe(true);
    expect(isRepetitionLoop('我们走吧'.repeat(5))).toBe(true);
  });

  it('flags repetition that is not back to back through the compression ratio', () => {
    const text =
      "I'm going to the store. I'm going to the store and then I'm going to the store. So I'm going to the store, " +
      "I'm going to the store and I'm going to the store.";
    expect(findLoop(textUnits(text))).toBeUndefined();
    expect(isRepetitionLoop(text)).toBe(true);
  });

  it('lets speech through, repeated words included', () => {
    for (const text of [
      'Hello from Zimu. These subtitles run in your browser.',
      'No, no, no, that is not what I said.',
      'Thank you. Thank you so much.',
      'New York, New York.',
      '谢谢大家，我们下次见。',
      '哈哈哈，太好笑了。',
      '',
    ]) {
      expect(isRepetitionLoop(text), text).toBe(false);
    }
  });
});

describe('trimLoops', () => {
  it('cuts loops to one copy and tidies spaces', () => {
    expect(trimLoops(` Well,${' the'.repeat(20)}`)).toBe('Well, the');
    expect(trimLoops(`I said${' thank you.'.repeat(6)} Bye.`)).toBe('I said thank you. Bye.');
    expect(trimLoops(`好的。${'谢谢。'.repeat(6)}再见`)).toBe('好的。谢谢。再见');
    expect(trimLoops('Nothing to see here.')).toBe('Nothing to see here.');
  });
});

describe('cleanRepetitions', () => {
  it('trims a loop inside a cue and keeps the rest of the cues as they are', () => {
    const cues = [cue('Hello.', 0, 1), cue(`So${' the'.repeat(30)}`, 1, 30)];
    const result = cleanRepetitions(cues);
    expect(result.cues).toEqual([cues[0], cue('So the', 1, 30)]);
    expect(result).toMatchObject({ trimmed: 1, dropped: 0 });
    expect(result.cues[0]).toBe(cues[0]);
  });

  it('drops a cue that is nothing but a loop the n-gram test cannot see', () => {
    const text = "I'm going to the store. I'm going to the store and then I'm going to the store. So I'm going to the store, I'm going to the store.";
    const result = cleanRepetitions([cue(text), cue('Real speech.', 5, 7)]);
    expect(result.cues.map((c) => c.text)).toEqual(['Real speech.']);
    expect(result.dropped).toBe(1);
  });

  it('keeps the first of three or more cues in a row that say the same thing', () => {
    const cues = [cue('Hi.', 0, 1), cue('Thank you.', 1, 2), cue('thank you', 2, 3), cue('Thank you!', 3, 4), cue('Bye.', 4, 5)];
    const result = cleanRepetitions(cues);
    expect(result.cues.map((c) => c.text)).toEqual(['Hi.', 'Thank you.', 'Bye.']);
    expect(result).toMatchObject({ trimmed: 0, dropped: 2 });
    expect(cleanRepetitions([cue('Go!'), cue('Go!')]).cues).toHaveLength(2);
  });

  it('collapses cues that become the same once their loops are trimmed', () => {
    const loop = 'the '.repeat(20);
    const result = cleanRepetitions([cue(loop, 0, 10), cue(loop, 10, 20), cue(loop, 20, 30)]);
    expect(result.cues).toEqual([cue('the', 0, 10)]);
    expect(result).toMatchObject({ trimmed: 3, dropped: 2 });
  });

  it('works on Chinese cues', () => {
    const result = cleanRepetitions([cue(`好的。${'谢谢观看。'.repeat(8)}`, 0, 30)]);
    expect(result.cues).toEqual([cue('好的。谢谢观看。', 0, 30)]);
  });

  it('drops the words of removed copies and ends the cue with its last kept word', () => {
    const words = [
      { start: 0, end: 0.5, text: ' Well,' },
      ...Array.from({ length: 12 }, (_, i) => ({ start: 1 + i, end: 1.5 + i, text: ' the' })),
      { start: 14, end: 14.5, text: ' end.' },
    ];
    const text = words.map((w) => w.text).join('').trim();
    const result = cleanRepetitions([{ start: 0, end: 15, text, words }]);
    expect(result.cues).toEqual([
      { start: 0, end: 14.5, text: 'Well, the end.', words: [words[0], words[1], words.at(-1)] },
    ]);
  });

  it('keeps a trimmed cue but not its words when the words do not match its text', () => {
    const words = [{ start: 0, end: 1, text: ' something else' }];
    const result = cleanRepetitions([{ start: 0, end: 5, text: 'the '.repeat(12), words }]);
    expect(result.cues).toEqual([{ start: 0, end: 5, text: 'the' }]);
  });

  it('removes cues left empty and returns nothing for nothing', () => {
    expect(cleanRepetitions([cue('   ')]).cues).toEqual([]);
    expect(cleanRepetitions([])).toEqual({ cues: [], trimmed: 0, dropped: 0 });
  });
});
