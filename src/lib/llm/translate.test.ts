import { describe, expect, it } from 'vitest';
import type { Cue } from '../subtitles/cue.ts';
import type { ChatMessage, Complete } from './chat.ts';
import { DEFAULT_PROMPTS } from './prompts.ts';
import { translateCues, type TranslationRequest } from './translate.ts';

const cues: Cue[] = Array.from({ length: 7 }, (_, i) => ({ start: i, end: i + 1, text: `line ${i + 1}` }));
const request = (overrides: Partial<TranslationRequest> = {}): TranslationRequest => ({
  cues,
  done: new Map(),
  language: 'French',
  template: DEFAULT_PROMPTS.translate,
  batchSize: 3,
  contextLines: 1,
  ...overrides,
});

/** The numbered lines asked for in a batch request. */
function asked(messages: readonly ChatMessage[]): { id: number; text: string }[] {
  const user = messages.at(-1)?.content ?? '';
  const block = /Translate these \d+ lines:\n((?:\[\d+\] .*\n?)+)/.exec(user)?.[1] ?? '';
  return [...block.matchAll(/^\[(\d+)\] (.*)$/gm)].map((m) => ({ id: Number(m[1]), text: m[2] ?? '' }));
}

/** A fake model: answers each request with `answers[n]` applied to what it was asked, else correctly. */
type Answer = (lines: { id: number; text: string }[]) => string;

function model(answers: readonly (Answer | undefined)[] = []) {
  const calls: number[][] = [];
  const complete: Complete = async (messages) => {
    const lines = asked(messages);
    calls.push(lines.map((l) => l.id));
    const answer = answers[calls.length - 1];
    return answer ? answer(lines) : lines.map((l) => `[${l.id}] fr(${l.text})`).join('\n');
  };
  return { complete, calls };
}

async function run(overrides: Partial<TranslationRequest>, fake: ReturnType<typeof model>) {
  const translations = new Map<number, string>();
  const failed = await translateCues(request(overrides), {
    complete: fake.complete,
    signal: new AbortController().signal,
    onTranslated: (t) => t.forEach((text, id) => translations.set(id, text)),
  });
  return { translations, failed };
}

const merged = (lines: { id: number; text: string }[]) =>
  [`[${lines[0]?.id}] fr(${lines[0]?.text}) fr(${lines[1]?.text})`, ...lines.slice(2).map((l) => `[${l.id}] fr(${l.text})`)].join('\n');

describe('translateCues', () => {
  it('translates in batches, each cue keeping its own translation', async () => {
    const fake = model();
    const { translations, failed } = await run({}, fake);
    expect(fake.calls).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(failed).toEqual([]);
    expect([...translations]).toEqual(cues.map((c, i) => [i, `fr(${c.text})`]));
  });

  it('asks again when lines come back merged, and never shifts a translation', async () => {
    const fake = model([merged]);
    const { translations } = await run({}, fake);
    expect(fake.calls).toEqual([[1, 2, 3], [1, 2, 3], [4, 5, 6], [7]]);
    expect(translations.get(1)).toBe('fr(line 2)');
  });

  it('splits a batch that fails twice, down to single cues, and gives up only on the cue that keeps failing', async () => {
    const dropLast = (lines: { id: number; text: string }[]) => lines.slice(0, -1).map((l) => `[${l.id}] fr(${l.text})`).join('\n');
    const numbered = (lines: { id: number; text: string }[]) => lines.map((l) => `[${l.id + 10}] wrong`).join('\n');
    // [1,2,3] fails twice → [1,2] ok, [3] fails twice (wrong numbers) → given up.
    const fake = model([merged, dropLast, undefined, numbered, numbered]);
    const { translations, failed } = await run({}, fake);
    expect(fake.calls.slice(0, 5)).toEqual([[1, 2, 3], [1, 2, 3], [1, 2], [3], [3]]);
    expect(failed).toEqual([2]);
    expect(translations.has(2)).toBe(false);
    expect(translations.get(0)).toBe('fr(line 1)');
    expect(translations.get(3)).toBe('fr(line 4)');
  });

  it('takes an unnumbered answer for a single cue', async () => {
    const fake = model([() => 'Bonjour.']);
    const { translations } = await run({ cues: cues.slice(0, 1) }, fake);
    expect(translations.get(0)).toBe('Bonjour.');
  });

  it('resumes: cues already translated are not asked again', async () => {
    const fake = model();
    const done = new Map([[0, 'a'], [1, 'b'], [2, 'c'], [5, 'f']]);
    await run({ done }, fake);
    expect(fake.calls).toEqual([[4, 5], [7]]);
  });

  it('stops at a network failure, keeping the batches already done', async () => {
    const translations = new Map<number, string>();
    let calls = 0;
    const complete: Complete = async (messages) => {
      if (++calls === 2) throw new Error('offline');
      return asked(messages).map((l) => `[${l.id}] ok`).join('\n');
    };
    const onTranslated = (batch: ReadonlyMap<number, string>) => batch.forEach((v, k) => translations.set(k, v));
    const pending = translateCues(request(), { complete, signal: new AbortController().signal, onTranslated });
    await expect(pending).rejects.toThrow('offline');
    expect([...translations.keys()]).toEqual([0, 1, 2]);
  });
});
