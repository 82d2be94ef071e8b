/**
 * A long, deterministic transcript for the studio benchmark: cues of 2–7 s with small gaps, as
 * Whisper writes them, in English or Simplified Chinese. Most are a sentence or two; about one in
 * eight of the longer ones is a run-on that the segmenter has to cut. Seeded, so every run and
 * every machine gets the same text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Cue } from '../src/lib/subtitles/cue.ts';
import { parseSrt, toSrt } from '../src/lib/subtitles/srt.ts';
import { seededRandom } from '../tests/support/seeded-random.ts';

export type TranscriptLanguage = 'en' | 'zh';

/** What a language's sentences are built from, and how fast it is spoken (characters a second). */
interface Phrasebook {
  readonly openers: readonly string[];
  readonly subjects: readonly string[];
  readonly predicates: readonly string[];
  readonly tails: readonly string[];
  readonly joins: readonly string[];
  readonly short: readonly string[];
  readonly question: (clause: string) => string;
  readonly ends: readonly string[];
  readonly space: string;
  /** Fewer characters left than this to say: a short reply rather than a sentence. */
  readonly replyBelow: number;
  readonly speed: readonly [number, number];
  readonly runOnSpeed: readonly [number, number];
}

const ENGLISH: Phrasebook = {
  openers: ['So ', 'Well, ', 'Actually, ', 'You know, ', 'Anyway, ', 'Look, ', 'And ', 'But ', 'Honestly, '],
  subjects: ['I', 'we', 'they', 'my sister', 'the team', 'the old man next door', 'our teacher', 'nobody in the village',
    'the company', 'most people', 'the doctor', 'everyone at the meeting', 'the kids', 'my grandfather', 'the committee',
    'the new manager', 'a friend of mine', 'the whole department'],
  predicates: ['decided to leave early', 'never told us the truth', 'kept looking at the door', 'went back to the station',
    'fixed the broken window', 'spent three months on it', 'had no idea what to do', 'found the letter in a drawer',
    'wanted to try again', 'forgot about the meeting', 'called me last night', 'moved to a smaller town',
    'finally finished the report', 'lost the keys again', 'laughed at the whole thing', 'started asking questions',
    'changed everything', 'waited outside for an hour', 'built something new from scratch', 'looked at the numbers again',
    'took the whole thing apart', 'figured out which parts were actually working'],
  tails: [' after the rain stopped', ' before anyone noticed', ' because it felt right', ' in the middle of the night',
    ' without saying a word', ' last summer', ' on the way home', ' for the first time', ' as far as I know', ' just in case',
    ' at the end of the day', ' with the lights off'],
  joins: [', and ', ', but ', ', so ', ' and then ', ', which means ', ' because ', ', and honestly ', ' while '],
  short: ['Yes.', 'No, not really.', 'Are you sure?', 'Thank you.', 'Wait.', 'What happened?', 'I know.', 'Really?',
    "Let's go.", 'Come on.', 'Not yet.', 'Okay.', 'Right.', 'Exactly.'],
  question: (clause) => `Why do you think ${clause}?`,
  ends: ['.', '.', '.', '.', '.', '!'],
  space: ' ',
  replyBelow: 24,
  speed: [9, 20],
  runOnSpeed: [20, 27],
};

const CHINESE: Phrasebook = {
  openers: ['其实', '所以', '你知道吗，', '总之', '但是', '说实话，', '后来'],
  subjects: ['我们', '他', '她', '这个项目', '大家', '研究人员', '老师', '我妈妈', '那家公司', '村里的人', '我的朋友', '医生',
    '这个系统', '孩子们', '新来的经理', '整个部门'],
  predicates: ['决定提前离开', '一直没有告诉我们真相', '花了三个月的时间', '在抽屉里找到了那封信', '想再试一次', '忘记了开会的事情',
    '昨天晚上给我打了电话', '搬到了一个小城市', '终于完成了报告', '又把钥匙弄丢了', '开始问很多问题', '改变了一切',
    '在外面等了一个小时', '重新看了一遍数据', '用 Python 写了一个小工具', '讨论了人工智能在医疗领域的应用',
    '去医院做了检查', '在网上买了很多东西', '把整个东西拆开看了一遍'],
  tails: ['，在下雨之后', '，没有人注意到', '，因为觉得这样做是对的', '，就在半夜', '，去年夏天', '，第一次'],
  joins: ['，然后', '，但是', '，所以', '，而且', '，因为', '，结果', '，同时'],
  short: ['好的。', '真的吗？', '谢谢。', '等一下。', '怎么了？', '我知道。', '走吧。', '还没有。', '没问题。', '对。'],
  question: (clause) => `你觉得${clause}吗？`,
  ends: ['。', '。', '。', '。', '。', '！'],
  space: '',
  replyBelow: 7,
  speed: [3.5, 7],
  runOnSpeed: [8, 11],
};


/** Builds sentences from a phrasebook with one seeded generator. */
class Writer {
  readonly #book: Phrasebook;
  readonly #next: () => number;

  constructor(book: Phrasebook, next: () => number) {
    this.#book = book;
    this.#next = next;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.#next() * items.length)];
    if (item === undefined) throw new Error('empty phrase list');
    return item;
  }

  clause(): string {
    const tail = this.#next() < 0.4 ? this.pick(this.#book.tails) : '';
    return `${this.pick(this.#book.subjects)}${this.#book.space}${this.pick(this.#book.predicates)}${tail}`;
  }

  sentence(): string {
    if (this.#next() < 0.1) return this.#book.question(this.clause());
    const opener = this.#next() < 0.35 ? this.pick(this.#book.openers) : '';
    return capitalise(`${opener}${this.clause()}${this.pick(this.#book.ends)}`);
  }

  /** One long sentence of clauses strung together, the way people talk and Whisper writes. */
  runOn(chars: number): string {
    let text = `${this.pick(this.#book.openers)}${this.clause()}`;
    while (text.length < chars) text += `${this.pick(this.#book.joins)}${this.clause()}`;
    return capitalise(`${text}${this.pick(this.#book.ends)}`);
  }

  /** Sentences until the text is about `chars` long; a short reply when little is said. */
  sentences(chars: number): string {
    const reply = () => this.pick(this.#book.short);
    let text = chars < this.#book.replyBelow || this.#next() < 0.1 ? reply() : this.sentence();
    while (text.length < chars * 0.8) {
      const left = chars - text.length;
      text += `${this.#book.space}${left < this.#book.replyBelow ? reply() : this.sentence()}`;
    }
    return text;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A transcript `hours` long in one language: cues of 2–7 s (most near 3 s) with gaps of
 * 0.08–0.3 s, text at a speaking rate that suits the duration. The same seed gives the same
 * times in both languages.
 *
 * @example
 * makeTranscript('en', 3).length; // a little over 3,000
 */
export function makeTranscript(language: TranscriptLanguage, hours: number, seed = 20_250_101): Cue[] {
  const book = language === 'en' ? ENGLISH : CHINESE;
  const timing = seededRandom(seed);
  const writer = new Writer(book, seededRandom(seed + (language === 'en' ? 1 : 2)));
  const between = (range: readonly [number, number]) => range[0] + timing() * (range[1] - range[0]);
  const cues: Cue[] = [];
  let time = 0.5;
  while (time < hours * 3600) {
    const duration = 2 + 5 * timing() ** 3;
    const runOn = duration > 5 && timing() < 0.12;
    const chars = Math.round(duration * between(runOn ? book.runOnSpeed : book.speed));
    const text = runOn ? writer.runOn(chars) : writer.sentences(chars);
    const start = Math.round(time * 1000) / 1000;
    const end = Math.round((time + duration) * 1000) / 1000;
    cues.push({ start, end, text });
    time = end + 0.08 + 0.22 * timing();
  }
  return cues;
}

/**
 * Writes the transcript as SRT under `out` (once per run; cheap) and returns the file and how
 * many cues the app will read back from it.
 */
export function writeTranscriptSrt(out: string, language: TranscriptLanguage, cues: readonly Cue[]): { file: string; count: number } {
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `transcript-3h.${language}.srt`);
  const text = toSrt(cues);
  writeFileSync(file, text);
  return { file, count: parseSrt(text).length };
}
