import { describe, expect, it } from 'vitest';
import { toAppError, type AppError } from '../../errors.ts';
import type { CompleteOptions, CompleteTask } from '../chat.ts';
import { parseBatchAnswer } from '../translation-batches.ts';
import { createBuiltinComplete } from './builtin-complete.ts';
import { standInApi, type StandInOptions } from './builtin-stand-in.ts';

const lines = [
  { number: 4, text: 'Good morning' },
  { number: 5, text: 'How are\nyou?' },
  { number: 6, text: 'Fine' },
];
const translateTask: CompleteTask = { kind: 'translate', language: 'Simplified Chinese', lines };

function options(task: CompleteTask | undefined, extra: Partial<CompleteOptions> = {}): CompleteOptions {
  return { signal: new AbortController().signal, ...(task ? { task } : {}), ...extra };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (caught) {
    return toAppError(caught);
  }
  throw new Error('expected the request to fail');
}

function setup(standIn: StandInOptions = {}, onDownload?: (fraction: number) => void) {
  const { api, log } = standInApi(standIn);
  return { complete: createBuiltinComplete(api, onDownload ? { onDownload } : {}), log };
}

describe("built-in AI adapter, translation (stand-in for Chrome's Translator and LanguageDetector APIs, not the real API)", () => {
  it('answers one `[number] text` line per input line, which parseBatchAnswer reads for the same ids', async () => {
    const { complete, log } = setup();
    const deltas: string[] = [];
    const answer = await complete([], options(translateTask, { onDelta: (d) => deltas.push(d) }));
    expect(answer).toBe('[4] zh(Good morning)\n[5] zh(How are you?)\n[6] zh(Fine)');
    expect(parseBatchAnswer(answer, [3, 4, 5])).toEqual({
      ok: true,
      translations: new Map([
        [3, 'zh(Good morning)'],
        [4, 'zh(How are you?)'],
        [5, 'zh(Fine)'],
      ]),
    });
    expect(deltas).toEqual(['[4] zh(Good morning)\n', '[5] zh(How are you?)\n', '[6] zh(Fine)\n']);
    expect(log.detected).toEqual(['Good morning\nHow are\nyou?\nFine']);
  });

  it('reuses one translator per language pair across requests, and detects a batch text once', async () => {
    const { complete, log } = setup();
    await complete([], options(translateTask));
    await complete([], options(translateTask));
    await complete([], options({ kind: 'translate', language: 'Japanese', lines }));
    expect(log.created).toEqual(['detector', 'translator en→zh', 'translator en→ja']);
    expect(log.detected).toHaveLength(1);
  });

  it('answers the lines unchanged when the source is already the target language', async () => {
    const { complete, log } = setup({ detect: () => [{ detectedLanguage: 'zh', confidence: 0.95 }] });
    const answer = await complete([], options({ kind: 'translate', language: 'Simplified Chinese', lines: [{ number: 1, text: '你好\n世界' }] }));
    expect(answer).toBe('[1] 你好 世界');
    expect(log.created).toEqual(['detector']);
    expect(log.translated).toEqual([]);
  });

  it('translates Simplified into Traditional Chinese (zh → zh-Hant), not passing it through', async () => {
    const { complete, log } = setup({ detect: () => [{ detectedLanguage: 'zh', confidence: 0.95 }] });
    await complete([], options({ kind: 'translate', language: 'Traditional Chinese', lines: [{ number: 1, text: '简体' }] }));
    expect(log.created).toContain('translator zh→zh-Hant');
  });

  it("fails with llm-builtin-unavailable when the pair is 'unavailable', naming the pair", async () => {
    const { complete } = setup({ translatorAvailability: () => 'unavailable' });
    const error = await failure(complete([], options(translateTask)));
    expect(error.code).toBe('llm-builtin-unavailable');
    expect(error.detail).toContain('en → zh');
  });

  it('fails with llm-builtin-unavailable for a language without a known code, or undetermined text', async () => {
    const { complete } = setup();
    expect((await failure(complete([], options({ kind: 'translate', language: 'Klingon', lines })))).code).toBe('llm-builtin-unavailable');
    const undetermined = setup({ detect: () => [{ detectedLanguage: 'und', confidence: 1 }] });
    expect((await failure(undetermined.complete([], options(translateTask)))).code).toBe('llm-builtin-unavailable');
  });

  it("asks for a click when the pair is 'downloadable' and the page has no user activation, without calling create()", async () => {
    const { complete, log } = setup({ translatorAvailability: () => 'downloadable', activation: false });
    expect((await failure(complete([], options(translateTask)))).code).toBe('llm-builtin-needs-click');
    expect(log.created).toEqual(['detector']);
  });

  it('maps a NotAllowedError from create() during a download to needs-click, and otherwise (a permissions policy) to unavailable', async () => {
    const refusing = (availability: 'downloadable' | 'available') => {
      const { api } = standInApi({ activation: true });
      return createBuiltinComplete({
        ...api,
        translator: { availability: async () => availability, create: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) },
      });
    };
    expect((await failure(refusing('downloadable')([], options(translateTask)))).code).toBe('llm-builtin-needs-click');
    expect((await failure(refusing('available')([], options(translateTask)))).code).toBe('llm-builtin-unavailable');
  });

  it('reports download progress while a translator downloads after a click', async () => {
    const fractions: number[] = [];
    const { complete } = setup({ translatorAvailability: () => 'downloadable', activation: true, download: [0.5, 1] }, (f) => fractions.push(f));
    await complete([], options(translateTask));
    expect(fractions).toEqual([0, 0.5, 1]);
  });

  it('stops mid-batch on abort with `cancelled`, translating no further line, and keeps the translator for later', async () => {
    const controller = new AbortController();
    const { complete, log } = setup({
      translate: (text) => {
        if (text === 'How are you?') controller.abort();
        return `zh(${text})`;
      },
    });
    const error = await failure(complete([], { signal: controller.signal, task: translateTask }));
    expect(error.code).toBe('cancelled');
    expect(log.translated).toEqual(['Good morning', 'How are you?']);
    const answer = await complete([], options(translateTask));
    expect(answer.split('\n')).toHaveLength(3);
    expect(log.created.filter((c) => c.startsWith('translator'))).toHaveLength(1);
  });

  it('hands its lifetime signal (never a request’s) to create(), and answers `cancelled` once that aborts', async () => {
    const lifetime = new AbortController();
    const { api, log } = standInApi();
    const complete = createBuiltinComplete(api, { lifetime: lifetime.signal });
    await complete([], options(translateTask));
    expect(log.createSignals).toEqual([lifetime.signal, lifetime.signal]);
    lifetime.abort();
    expect((await failure(complete([], options(translateTask)))).code).toBe('cancelled');
  });

  it('fails at once with `cancelled` when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { complete, log } = setup();
    expect((await failure(complete([], { signal: controller.signal, task: translateTask }))).code).toBe('cancelled');
    expect(log.created).toEqual([]);
  });
});

describe("built-in AI adapter, summaries (stand-in for Chrome's Summarizer API, not the real API)", () => {
  const transcript = '[00:01] Welcome to the show.\n[01:02:03] Today: tides.';
  const summaryTask: CompleteTask = { kind: 'summary', language: 'Simplified Chinese', text: transcript };

  it('answers TL;DR and key points sections (headings in Chinese), streamed, without chapters', async () => {
    const { complete, log } = setup({ summarize: (_text, o) => (o.type === 'tldr' ? ['A show', ' about tides.'] : ['* Tides\n', '* Moon']) });
    const deltas: string[] = [];
    const answer = await complete([], options(summaryTask, { onDelta: (d) => deltas.push(d) }));
    expect(answer).toBe('## 摘要\nA show about tides.\n\n## 要点\n* Tides\n* Moon');
    expect(deltas.join('')).toBe(answer);
    expect(deltas.length).toBeGreaterThan(2);
    expect(answer).not.toContain('Chapters');
    expect(log.summarized.map((s) => s.options.type)).toEqual(['tldr', 'key-points']);
    expect(log.summarized[0]?.text).toBe('Welcome to the show.\nToday: tides.');
    expect(log.summarized[0]?.options).toMatchObject({ format: 'markdown', outputLanguage: 'zh', expectedInputLanguages: ['en'] });
  });

  it('writes English headings for a language it has no headings for, and reads cumulative chunks as deltas', async () => {
    const { complete } = setup({ cumulative: true, summarize: () => ['One', ' two', ' three', '.'] });
    const deltas: string[] = [];
    const answer = await complete([], options({ kind: 'summary', language: 'Swedish', text: 'x' }, { onDelta: (d) => deltas.push(d) }));
    expect(answer).toBe('## TL;DR\nOne two three.\n\n## Key points\nOne two three.');
    expect(deltas.join('')).toBe(answer);
  });

  it('writes notes as the key points of the part, in Markdown', async () => {
    const { complete, log } = setup({ summarize: () => ['* Welcome\n', '* Tides'] });
    const answer = await complete([], options({ kind: 'notes', language: 'English', text: transcript }));
    expect(answer).toBe('* Welcome\n* Tides');
    expect(log.summarized[0]?.options).toMatchObject({ type: 'key-points', format: 'markdown', outputLanguage: 'en' });
  });

  it("fails with llm-builtin-unavailable, naming the language, when the output language is 'unavailable' or unknown", async () => {
    const { complete } = setup({ summarizerAvailability: (o) => (o.outputLanguage === 'ja' ? 'unavailable' : 'available') });
    const error = await failure(complete([], options({ kind: 'summary', language: 'Japanese', text: 'x' })));
    expect(error.code).toBe('llm-builtin-unavailable');
    expect(error.detail).toContain('Japanese');
    const unknown = await failure(complete([], options({ kind: 'notes', language: 'Elvish', text: 'x' })));
    expect(unknown).toMatchObject({ code: 'llm-builtin-unavailable' });
    expect(unknown.detail).toContain('Elvish');
  });

  it('maps input over the quota to llm-context-too-long', async () => {
    const { complete } = setup({ createError: new DOMException('Too long', 'QuotaExceededError'), detectorAvailability: 'unavailable' });
    expect((await failure(complete([], options(summaryTask)))).code).toBe('llm-context-too-long');
  });
});

describe('built-in AI adapter, other requests (stand-in API, not the real API)', () => {
  it('refuses a request without a task with llm-unsupported-task', async () => {
    const { complete } = setup();
    expect((await failure(complete([{ role: 'user', content: 'Hi' }], options(undefined)))).code).toBe('llm-unsupported-task');
  });
});
