import { describe, expect, it, vi } from 'vitest';
import type { LiveRecording, RecordingEvents } from '../media/recording-devices.ts';
import type { RecordingEnvironment, RecordingSource } from '../media/recording.ts';
import { Recording, RECORDING_TICK_MS, type RecordingDeps } from './recording.svelte.ts';

const DESKTOP: RecordingEnvironment = { mediaRecorder: true, getUserMedia: true, getDisplayMedia: true, mime: 'audio/webm;codecs=opus' };

/** A browser stand-in: a manual clock and interval, and a recorder whose sound is a fixed blob. */
function harness(options: { environment?: RecordingEnvironment; refuse?: unknown; sound?: Blob } = {}) {
  let now = 1000;
  let tick: (() => void) | undefined;
  let events: RecordingEvents | undefined;
  const finalized: Blob[] = [];
  const finish = vi.fn(async () => options.sound ?? new Blob(['opus bytes'], { type: 'audio/webm;codecs=opus' }));
  const start = vi.fn(async (_source: RecordingSource, mime: string, e: RecordingEvents): Promise<LiveRecording> => {
    if (options.refuse !== undefined) throw options.refuse;
    events = e;
    return { mime, level: () => 0.42, finish };
  });
  const deps: RecordingDeps = {
    environment: options.environment ?? DESKTOP,
    start,
    every: (ms, t) => {
      expect(ms).toBe(RECORDING_TICK_MS);
      tick = t;
      return () => (tick = undefined);
    },
    now: () => now,
    date: () => new Date(2026, 11, 1, 9, 5, 7),
    finalize: async (recorded) => {
      finalized.push(recorded);
      return new Blob([await recorded.text(), ' with duration'], { type: recorded.type });
    },
  };
  const recorded: File[] = [];
  const recording = new Recording(deps, (file) => recorded.push(file));
  return {
    recording,
    recorded,
    start,
    finish,
    finalized,
    advance: (ms: number) => {
      now += ms;
      tick?.();
    },
    ticking: () => tick !== undefined,
    events: () => events,
  };
}

describe('Recording', () => {
  it('records from the microphone, shows the clock and the level, and hands the file on when stopped', async () => {
    const h = harness();
    await h.recording.start('microphone');
    expect(h.start).toHaveBeenCalledWith('microphone', 'audio/webm;codecs=opus', expect.anything());
    expect(h.recording.status).toBe('recording');
    expect(h.recording.source).toBe('microphone');
    h.advance(2500);
    expect(h.recording.elapsedMs).toBe(2500);
    expect(h.recording.level).toBe(0.42);

    const file = await h.recording.stop();
    expect(file?.name).toBe('recording-2026-12-01-090507.webm');
    expect(file?.type).toBe('audio/webm');
    expect(await file?.text()).toBe('opus bytes with duration'); // finalized before it is handed on
    expect(h.recorded).toEqual([file]);
    expect(h.recording.last).toBe(file);
    expect(h.recording.status).toBe('idle');
    expect(h.recording.level).toBe(0);
    expect(h.ticking()).toBe(false);
  });

  it('names an MP4 recording .m4a (Safari)', async () => {
    const h = harness({ environment: { ...DESKTOP, mime: 'audio/mp4' }, sound: new Blob(['aac'], { type: 'audio/mp4' }) });
    await h.recording.start('microphone');
    expect((await h.recording.stop())?.name).toBe('recording-2026-12-01-090507.m4a');
  });

  it('turns a refused microphone into its error and stays ready for another try', async () => {
    const h = harness({ refuse: new DOMException('Permission denied', 'NotAllowedError') });
    await h.recording.start('microphone');
    expect(h.recording.status).toBe('idle');
    expect(h.recording.source).toBeUndefined();
    expect(h.recording.error).toEqual({ code: 'recording-denied', detail: 'Permission denied' });
    expect(h.recorded).toEqual([]);
    h.recording.dismissError();
    expect(h.recording.error).toBeUndefined();
  });

  it('says when no microphone exists or it is busy', async () => {
    const missing = harness({ refuse: new DOMException('Requested device not found', 'NotFoundError') });
    await missing.recording.start('microphone');
    expect(missing.recording.error?.code).toBe('recording-no-device');
    const busy = harness({ refuse: new DOMException('Could not start audio source', 'NotReadableError') });
    await busy.recording.start('microphone');
    expect(busy.recording.error?.code).toBe('recording-device-busy');
  });

  it('does not offer or start a source the browser lacks', async () => {
    const phone = harness({ environment: { ...DESKTOP, getDisplayMedia: false } });
    expect(phone.recording.support).toEqual({ microphone: true, display: false });
    await phone.recording.start('display');
    expect(phone.start).not.toHaveBeenCalled();
    expect(phone.recording.error?.code).toBe('recording-unsupported');

    const old = harness({ environment: { ...DESKTOP, mediaRecorder: false, mime: undefined } });
    expect(old.recording.support).toEqual({ microphone: false, display: false });
  });

  it('stops by itself when the shared tab stops sharing, and still hands the recording on', async () => {
    const h = harness();
    await h.recording.start('display');
    h.advance(1000);
    h.events()?.onEnded();
    await vi.waitFor(() => expect(h.recorded).toHaveLength(1));
    expect(h.recording.status).toBe('idle');
  });

  it('a recorder error ends the recording with its message and hands nothing on', async () => {
    const h = harness();
    await h.recording.start('microphone');
    h.events()?.onError(new Error('encoder died'));
    await vi.waitFor(() => expect(h.recording.error).toEqual({ code: 'recording-failed', detail: 'encoder died' }));
    expect(h.finish).toHaveBeenCalledTimes(1);
    expect(h.recorded).toEqual([]);
    expect(h.recording.status).toBe('idle');
  });

  it('discard stops without handing anything on; an empty recording is an error, not a file', async () => {
    const h = harness();
    await h.recording.start('microphone');
    await h.recording.discard();
    expect(h.finish).toHaveBeenCalledTimes(1);
    expect(h.recorded).toEqual([]);
    expect(h.finalized).toEqual([]); // nothing to make a file of

    const empty = harness({ sound: new Blob([], { type: 'audio/webm' }) });
    await empty.recording.start('microphone');
    expect(await empty.recording.stop()).toBeUndefined();
    expect(empty.recording.error?.code).toBe('recording-failed');
    expect(empty.recorded).toEqual([]);
  });

  it('a recording discarded while permission is asked for is stopped as soon as it starts', async () => {
    const h = harness();
    const starting = h.recording.start('microphone');
    expect(h.recording.status).toBe('starting');
    await h.recording.discard();
    await starting;
    expect(h.finish).toHaveBeenCalledTimes(1);
    expect(h.recording.status).toBe('idle');
    expect(h.ticking()).toBe(false);
    expect(h.recorded).toEqual([]);
  });

  it('ignores a second start while recording and a stop when idle; forget lets go of the last file', async () => {
    const h = harness();
    expect(await h.recording.stop()).toBeUndefined();
    await h.recording.start('microphone');
    await h.recording.start('display');
    expect(h.start).toHaveBeenCalledTimes(1);
    const stopping = [h.recording.stop(), h.recording.stop()];
    const files = await Promise.all(stopping);
    expect(files.filter(Boolean)).toHaveLength(1);
    expect(h.finish).toHaveBeenCalledTimes(1);
    h.recording.forget();
    expect(h.recording.last).toBeUndefined();
  });
});
