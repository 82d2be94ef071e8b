import { describe, expect, it } from 'vitest';
import type { Cue } from '../subtitles/cue.ts';
import type { ChatMessage, Complete } from './chat.ts';
import { DEFAULT_PROMPTS } from './prompts.ts';
import { summarize, summaryParts, type SummaryRequest, type SummaryStage } from './summarize.ts';

const short: Cue[] = [
  { start: 0, end: 2.4, text: 'Hello from Zimu.' },
  { start: 2.4, end: 5.8, text: 'These subtitles run in your browser.' },
];
const long: Cue[] = Array.from({ length: 300 }, (_, i) => ({
  start: i * 2,
  end: i * 2 + 2,
  text: `Sentence number ${i} of a long talk about many things.`,
}));

const request = (overrides: Partial<SummaryRequest>): SummaryRequest => ({
  cues: short,
  language: 'English',
  templates: DEFAULT_PROMPTS,
  contextTokens: 8192,
  notes: [],
  partial: '',
  ...overrides,
});

function fake(final = '## TL;DR\nDone.') {
  const calls: ChatMessage[][] = [];
  const complete: Complete = async (messages, options) => {
    calls.push([...messages]);
    const user = messages.at(-1)?.content ?? '';
    const part = /^Part (\d+) of (\d+)/.exec(user);
    const answer = part ? `- notes ${part[1]}` : user.startsWith('Your answer was cut off') ? ' continued.' : final;
    for (const piece of answer.match(/.{1,4}/gs) ?? []) options.onDelta?.(piece);
    return answer;
  };
  return { complete, calls };
}

async function run(overrides: Partial<SummaryRequest>, model = fake()) {
  const stages: SummaryStage[] = [];
  const notes: [number, string][] = [];
  const texts: string[] = [];
  const text = await summarize(request(overrides), {
    complete: model.complete,
    signal: new AbortController().signal,
    onStage: (s) => stages.push(s),
    onNote: (i, n) => notes.push([i, n]),
    onText: (t) => texts.push(t),
  });
  return { text, stages, notes, texts, calls: model.calls };
}

describe('summarize', () => {
  it('summarises a short transcript in one streamed request with timed lines', async () => {
    const { text, stages, texts, calls } = await run({});
    expect(text).toBe('## TL;DR\nDone.');
    expect(stages).toEqual([{ kind: 'writing' }]);
    expect(texts.length).toBeGreaterThan(2);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]?.content).toContain('Write in English');
    expect(calls[0]?.[1]?.content).toBe('Transcript:\n[00:00] Hello from Zimu.\n[00:02] These subtitles run in your browser.');
  });

  it('goes map-reduce when the transcript does not fit, with progress per part', async () => {
    const parts = summaryParts(long, 1024, DEFAULT_PROMPTS);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('\n').split('\n')).toHaveLength(300);
    const { stages, notes, calls } = await run({ cues: long, contextTokens: 1024 });
    expect(stages.filter((s) => s.kind === 'parts')).toEqual(parts.map((_, done) => ({ kind: 'parts', done, total: parts.length })));
    expect(notes.map(([i]) => i)).toEqual(parts.map((_, i) => i));
    const final = calls.at(-1)?.[1]?.content ?? '';
    expect(final).toContain(`Notes on the ${parts.length} consecutive parts`);
    expect(final).toContain('### Part 2\n- notes 2');
  });

  it('resumes: finished parts are skipped and a cut-off answer is continued', async () => {
    const parts = summaryParts(long, 1024, DEFAULT_PROMPTS);
    const kept = parts.map((_, i) => (i < 2 ? `- kept ${i + 1}` : undefined));
    const { text, calls, notes } = await run({ cues: long, contextTokens: 1024, notes: kept, partial: '## TL;DR\nHalf' });
    expect(calls).toHaveLength(parts.length - 2 + 1);
    expect(notes.map(([i]) => i)).toEqual(parts.slice(2).map((_, i) => i + 2));
    expect(calls.at(-1)?.slice(-2)).toEqual([
      { role: 'assistant', content: '## TL;DR\nHalf' },
      { role: 'user', content: expect.stringContaining('Continue exactly where it stopped') },
    ]);
    expect(text).toBe('## TL;DR\nHalf continued.');
  });
});
