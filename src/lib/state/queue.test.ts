import { describe, expect, it } from 'vitest';
import { FileQueue, type QueueOutcome, type QueueOverrides, type QueueRunner } from './queue.svelte.ts';

/** A runner whose runs end when the test says, recording what it was asked. */
function manualRunner() {
  const started: { name: string; overrides: QueueOverrides; finish: (outcome: QueueOutcome) => void }[] = [];
  let cancelled = 0;
  const runner: QueueRunner = {
    run: (file, overrides) => new Promise((finish) => started.push({ name: file.name, overrides, finish })),
    cancel: () => {
      cancelled++;
      started.at(-1)?.finish({ status: 'cancelled', cues: 0 });
    },
  };
  return { runner, started, cancelled: () => cancelled };
}

const file = (name: string) => new File(['x'], name);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const done = (name: string): QueueOutcome => ({ status: 'done', cues: 2, projectId: `p-${name}`, subtitles: { name: `${name}.srt`, text: name } });

describe('FileQueue', () => {
  it('runs files one after another and keeps each outcome', async () => {
    const { runner, started } = manualRunner();
    const queue = new FileQueue(runner);
    queue.add([file('a.mp4'), file('b.mp4'), file('c.mp4')]);
    await tick();
    expect(started.map((s) => s.name)).toEqual(['a.mp4']);
    expect(queue.items.map((i) => i.status)).toEqual(['running', 'waiting', 'waiting']);
    started[0]?.finish(done('a'));
    await tick();
    started[1]?.finish({ status: 'failed', error: { code: 'not-media' }, cues: 0 });
    await tick();
    started[2]?.finish(done('c'));
    await tick();
    expect(queue.items.map((i) => [i.status, i.error?.code])).toEqual([['done', undefined], ['failed', 'not-media'], ['done', undefined]]);
    expect(queue.zipEntries.map((e) => e.name)).toEqual(['a.srt', 'c.srt']);
    expect(queue.active).toBe(false);
  });

  it('reorders and removes only waiting files, and runs them in the new order', async () => {
    const { runner, started } = manualRunner();
    const queue = new FileQueue(runner);
    queue.add([file('a'), file('b'), file('c'), file('d')]);
    await tick();
    const [a, b, c, d] = queue.items;
    queue.move(d?.id ?? '', -1); // a b d c
    queue.move(b?.id ?? '', -1); // cannot pass the running file
    queue.remove(a?.id ?? ''); // running: stays
    queue.remove(c?.id ?? '');
    expect(queue.items.map((i) => i.file.name)).toEqual(['a', 'b', 'd']);
    started[0]?.finish(done('a'));
    await tick();
    started[1]?.finish(done('b'));
    await tick();
    expect(started.map((s) => s.name)).toEqual(['a', 'b', 'd']);
  });

  it('gives a waiting file its own language, and cancels and retries', async () => {
    const { runner, started, cancelled } = manualRunner();
    const queue = new FileQueue(runner);
    queue.add([file('a'), file('b'), file('c')]);
    await tick();
    const [a, b, c] = queue.items;
    queue.override(b?.id ?? '', { language: 'fr' });
    queue.override(b?.id ?? '', { language: undefined }); // back to the shared setting
    expect(queue.items[1]?.overrides.language).toBeUndefined();
    queue.override(b?.id ?? '', { language: 'zh' });
    queue.override(a?.id ?? '', { language: 'fr' }); // running: unchanged
    queue.cancel(c?.id ?? '');
    queue.cancel(a?.id ?? '');
    await tick();
    expect(cancelled()).toBe(1);
    expect(started.map((s) => [s.name, s.overrides.language])).toEqual([['a', undefined], ['b', 'zh']]);
    started[1]?.finish(done('b'));
    await tick();
    expect(queue.items.map((i) => i.status)).toEqual(['cancelled', 'done', 'cancelled']);
    queue.retry(c?.id ?? '');
    await tick();
    expect(started.at(-1)?.name).toBe('c');
    queue.cancelAll();
    await tick();
    expect(queue.count('cancelled')).toBe(2);
    queue.clearFinished();
    expect(queue.items).toEqual([]);
  });

  it('turns a runner that throws into a failed file and goes on', async () => {
    let calls = 0;
    const queue = new FileQueue({
      run: async () => {
        if (++calls === 1) throw new Error('boom');
        return done('b');
      },
      cancel: () => undefined,
    });
    queue.add([file('a'), file('b')]);
    await tick();
    await tick();
    expect(queue.items.map((i) => [i.status, i.error?.code])).toEqual([['failed', 'unknown'], ['done', undefined]]);
  });
});
