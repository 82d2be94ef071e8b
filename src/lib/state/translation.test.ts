import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../errors.ts';
import type { ChatMessage, Complete } from '../llm/chat.ts';
import { DEFAULT_PROMPTS } from '../llm/prompts.ts';
import { createIdFactory } from '../subtitles/edit/index.ts';
import { Transcript } from './transcript.svelte.ts';
import { TranslationJob } from './translation.svelte.ts';

/** The numbered lines asked for in a batch request. */
function asked(messages: readonly ChatMessage[]): { id: number; text: string }[] {
  const user = messages.at(-1)?.content ?? '';
  const block = /Translate these \d+ lines:\n((?:\[\d+\] .*\n?)+)/.exec(user)?.[1] ?? '';
  return [...block.matchAll(/^\[(\d+)\] (.*)$/gm)].map((m) => ({ id: Number(m[1]), text: m[2] ?? '' }));
}

/** A fake model that translates as `prefix(text)`, failing with `fail` from request number `failFrom` on. */
function model(prefix: string, failFrom = Infinity, fail: AppErrorException = new AppErrorException({ code: 'llm-auth' })) {
  let calls = 0;
  const complete: Complete = async (messages) => {
    calls++;
    if (calls >= failFrom) throw fail;
    return asked(messages).map((l) => `[${l.id}] ${prefix}(${l.text})`).join('\n');
  };
  return { complete, calls: () => calls };
}

function setup(count = 4) {
  const transcript = new Transcript({ ids: createIdFactory() });
  transcript.load(Array.from({ length: count }, (_, i) => ({ start: i, end: i + 0.9, text: `line ${i + 1}` })));
  return { transcript, job: new TranslationJob(transcript) };
}

const options = (complete: Complete, language = 'French') => ({ complete, language, template: DEFAULT_PROMPTS.translate, batchSize: 2, contextLines: 0 });
const texts = (transcript: Transcript) => transcript.cues.map((cue) => transcript.translationOf(cue.id)?.text);

describe('TranslationJob', () => {
  it('lands a complete run in the transcript, keyed by cue id', async () => {
    const { transcript, job } = setup();
    await job.start(options(model('fr').complete));
    expect(job.status).toBe('done');
    expect(texts(transcript)).toEqual(['fr(line 1)', 'fr(line 2)', 'fr(line 3)', 'fr(line 4)']);
    expect(transcript.translationLanguage).toBe('French');
    expect(job.complete('French')).toBe(true);
    expect(job.pending.size).toBe(0);
  });

  it('keeps every finished translation when "Translate again" fails, and replaces them only when a re-run completes', async () => {
    const { transcript, job } = setup();
    await job.start(options(model('fr').complete));
    await job.start(options(model('new', 2).complete), true); // the second batch fails
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('llm-auth');
    expect(texts(transcript)).toEqual(['fr(line 1)', 'fr(line 2)', 'fr(line 3)', 'fr(line 4)']);
    // What the view shows: the re-run's own lines over the finished ones.
    expect(transcript.cues.map((cue) => job.shown(cue, 'French')?.text)).toEqual(['new(line 1)', 'new(line 2)', 'fr(line 3)', 'fr(line 4)']);
    expect(job.resumable('French')).toBe(true);

    const resumed = model('new');
    await job.start(options(resumed.complete));
    expect(resumed.calls()).toBe(1); // only the batch that failed
    expect(texts(transcript)).toEqual(['new(line 1)', 'new(line 2)', 'new(line 3)', 'new(line 4)']);
  });

  it('discards an interrupted re-run on request, leaving the finished translation as it was', async () => {
    const { transcript, job } = setup();
    await job.start(options(model('fr').complete));
    await job.start(options(model('new', 2).complete), true);
    job.discard();
    expect(job.pending.size).toBe(0);
    expect(transcript.cues.map((cue) => job.shown(cue, 'French')?.text)).toEqual(texts(transcript));
    expect(job.complete('French')).toBe(true);
  });

  it('another language replaces the translation only when it completes', async () => {
    const { transcript, job } = setup();
    await job.start(options(model('fr').complete));
    await job.start(options(model('de', 2).complete, 'German'));
    expect(transcript.translationLanguage).toBe('French');
    expect(texts(transcript)[0]).toBe('fr(line 1)');
    await job.start(options(model('de').complete, 'German'));
    expect(transcript.translationLanguage).toBe('German');
    expect(texts(transcript)).toEqual(['de(line 1)', 'de(line 2)', 'de(line 3)', 'de(line 4)']);
  });

  it('a first run that fails keeps its finished batches for a resume, and an edited cue is translated again', async () => {
    const { transcript, job } = setup();
    await job.start(options(model('fr', 2).complete));
    expect(job.doneCount('French')).toBe(2);
    expect(job.partial('French')).toBe(true);
    await job.start(options(model('fr').complete));
    expect(job.complete('French')).toBe(true);

    const first = transcript.cues[0];
    if (!first) throw new Error('no cue');
    transcript.apply({ type: 'set-text', id: first.id, text: 'line one' });
    expect(job.shown(transcript.cues[0] ?? first, 'French')).toEqual({ text: 'fr(line 1)', stale: true });
    expect(job.complete('French')).toBe(false);
    const again = model('fr');
    await job.start(options(again.complete));
    expect(again.calls()).toBe(1);
    expect(transcript.translationOf(first.id)?.text).toBe('fr(line one)');
    expect(transcript.isTranslationStale(first.id)).toBe(false);
  });

  it('stop keeps the batches that finished, adding to the same language', async () => {
    const { transcript, job } = setup();
    let release: () => void = () => undefined;
    let calls = 0;
    const complete: Complete = async (messages, { signal }) => {
      calls++;
      if (calls === 2) {
        await new Promise<void>((resolve, reject) => {
          release = resolve;
          signal.addEventListener('abort', () => reject(new AppErrorException({ code: 'cancelled' })));
        });
      }
      return asked(messages).map((l) => `[${l.id}] fr(${l.text})`).join('\n');
    };
    const running = job.start(options(complete));
    await new Promise((resolve) => setTimeout(resolve, 0));
    job.stop();
    release();
    await running;
    expect(job.status).toBe('stopped');
    expect(texts(transcript)).toEqual(['fr(line 1)', 'fr(line 2)', undefined, undefined]);
  });
});
