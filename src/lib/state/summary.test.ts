import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../errors.ts';
import type { Complete } from '../llm/chat.ts';
import { DEFAULT_PROMPTS } from '../llm/prompts.ts';
import type { Cue } from '../subtitles/cue.ts';
import { SummaryJob } from './summary.svelte.ts';

const cues: Cue[] = [
  { start: 0, end: 2.4, text: 'Hello from Zimu.' },
  { start: 2.4, end: 5.8, text: 'These subtitles run in your browser.' },
];

/** A model that streams `answer` in pieces, or fails with `error` after streaming `before`. */
function model(answer: string, error?: AppErrorException, before = ''): Complete {
  return async (_messages, options) => {
    const text = error ? before : answer;
    for (const piece of text.match(/.{1,4}/gs) ?? []) options.onDelta?.(piece);
    if (error) throw error;
    return answer;
  };
}

const options = (complete: Complete) => ({ complete, language: 'English', templates: DEFAULT_PROMPTS, contextTokens: 8192 });

describe('SummaryJob', () => {
  it('shows the summary as it streams and keeps it when it completes', async () => {
    const job = new SummaryJob();
    await job.start(cues, options(model('## TL;DR\nFirst.')));
    expect(job.status).toBe('done');
    expect(job.accepted).toBe('## TL;DR\nFirst.');
    expect(job.text).toBe('## TL;DR\nFirst.');
    expect(job.checked.markdown).toContain('First.');
  });

  it('a failed "Regenerate" leaves the complete summary shown, with its draft kept aside to resume or discard', async () => {
    const job = new SummaryJob();
    await job.start(cues, options(model('## TL;DR\nFirst.')));
    await job.start(cues, options(model('', new AppErrorException({ code: 'llm-stream-cut' }), '## TL;DR\nSec')));
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('llm-stream-cut');
    expect(job.text).toBe('## TL;DR\nFirst.');
    expect(job.draft).toBe('## TL;DR\nSec');
    expect(job.draftHidden).toBe(true);
    expect(job.canResume({ language: 'English', templates: DEFAULT_PROMPTS, contextTokens: 8192 })).toBe(true);
    job.discard();
    expect(job.draftHidden).toBe(false);
    expect(job.text).toBe('## TL;DR\nFirst.');
    expect(job.status).toBe('failed'); // the complete summary is still there to show
  });

  it('a completed re-run replaces the summary; a first run that stops shows what arrived', async () => {
    const job = new SummaryJob();
    await job.start(cues, options(model('', new AppErrorException({ code: 'cancelled' }), '## TL;DR\nPart')));
    expect(job.status).toBe('stopped');
    expect(job.text).toBe('## TL;DR\nPart');
    await job.start(cues, options(model('## TL;DR\nWhole.')));
    expect(job.text).toBe('## TL;DR\nWhole.');
    await job.start(cues, options(model('## TL;DR\nNewer.')));
    expect(job.text).toBe('## TL;DR\nNewer.');
  });

  it('reset forgets everything for a new project', async () => {
    const job = new SummaryJob();
    await job.start(cues, options(model('## TL;DR\nFirst.')));
    job.reset();
    expect(job.status).toBe('idle');
    expect(job.text).toBe('');
    expect(job.started).toBe(false);
  });
});
