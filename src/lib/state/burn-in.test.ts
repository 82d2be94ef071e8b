import { describe, expect, it, vi } from 'vitest';
import { AppErrorException } from '../errors.ts';
import type { BurnEstimate } from '../export/burn-in/burn-in-protocol.ts';
import type { SaveSink } from '../export/save-target.ts';
import type { BurnOptions } from '../export/burn-in/burn-in-client.ts';
import { BurnIn, type BurnInDeps } from './burn-in.svelte.ts';
import type { VideoExportSource } from './video-export.svelte.ts';

const ESTIMATE: BurnEstimate = { path: 'webcodecs', codec: 'avc', container: 'mp4', width: 640, height: 360, duration: 9, speed: 3, seconds: 3 };
const WORDS = { mp4: 'MP4 video', webm: 'WebM video' };
const SRT = '1\n00:00:01,000 --> 00:00:02,000\nHello\n';

function source(translated = false): VideoExportSource {
  return {
    file: new File([new Uint8Array(10)], 'talk.mp4'),
    name: 'talk.mp4',
    canExport: (variant) => variant === 'original' || translated,
    exportFile: () => ({ text: SRT }),
    transcription: {},
    transcript: { translationLanguage: '' },
  };
}

function sink(): SaveSink & { aborted: boolean } {
  const result = {
    method: 'memory' as const, aborted: false,
    write: async () => undefined,
    close: async () => ({ method: 'download' as const, name: 'talk.burned.mp4', bytes: 10 }),
    abort: async () => void (result.aborted = true),
  };
  return result;
}

function deps(overrides: Partial<BurnInDeps> = {}): BurnInDeps {
  return { estimate: async () => ESTIMATE, burn: async () => ({ bytes: 10, chunks: 1, frames: 270 }), openTarget: async () => sink(), ...overrides };
}

describe('BurnIn', () => {
  it('estimates when prepared, then burns the shown cues and saves under a .burned name', async () => {
    const openTarget = vi.fn(async () => sink());
    const burn = vi.fn(deps().burn);
    const burnIn = new BurnIn(deps({ openTarget, burn }));
    const project = source();
    burnIn.prepare(project);
    expect(burnIn.open).toBe(true);
    await vi.waitFor(() => expect(burnIn.estimate).toEqual(ESTIMATE));
    await burnIn.start(project, WORDS);
    expect(openTarget).toHaveBeenCalledWith(expect.objectContaining({ name: 'talk.burned.mp4', mime: 'video/mp4' }));
    expect(burn.mock.calls[0]?.[0].cues).toEqual([{ start: 1, end: 2, text: 'Hello' }]);
    expect(burnIn.status).toBe('done');
    expect(burnIn.saved?.name).toBe('talk.burned.mp4');
  });

  it('keeps the text choice to what the project has', () => {
    const burnIn = new BurnIn(deps());
    burnIn.setVariant('bilingual', source(false));
    expect(burnIn.variant).toBe('original');
    burnIn.setVariant('bilingual', source(true));
    expect(burnIn.variant).toBe('bilingual');
  });

  it('discards the partial file on cancel and never reports it saved', async () => {
    const target = sink();
    const burnIn = new BurnIn(deps({
      openTarget: async () => target,
      burn: (options) => new Promise((_resolve, reject) => options.signal?.addEventListener('abort', () => reject(new AppErrorException({ code: 'cancelled' })))),
    }));
    const project = source();
    burnIn.prepare(project);
    await vi.waitFor(() => expect(burnIn.estimate).toBeDefined());
    const running = burnIn.start(project, WORDS);
    await vi.waitFor(() => expect(burnIn.running).toBe(true));
    burnIn.cancel();
    await running;
    expect(burnIn.status).toBe('cancelled');
    expect(target.aborted).toBe(true);
    expect(burnIn.saved).toBeUndefined();
  });

  it('shows an encoder-less browser’s error and cannot start', async () => {
    const burnIn = new BurnIn(deps({ estimate: async () => Promise.reject(new AppErrorException({ code: 'burn-in-unsupported', detail: '640×360' })) }));
    const project = source();
    burnIn.prepare(project);
    await vi.waitFor(() => expect(burnIn.status).toBe('failed'));
    expect(burnIn.error?.code).toBe('burn-in-unsupported');
    expect(burnIn.canStart(project)).toBe(false);
  });

  it('runs the path its estimate chose; on the fallback the ETA counts from when burning starts', async () => {
    let clock = 0;
    const fallback: BurnEstimate = { ...ESTIMATE, path: 'ffmpeg', codec: 'x264', speed: 0.3, seconds: 30 };
    let seen: BurnOptions | undefined;
    const burnIn = new BurnIn(deps({
      now: () => clock,
      estimate: async () => fallback,
      burn: async (options) => {
        seen = options;
        options.onStage?.('loading-engine');
        clock = 5000; // five seconds loading ffmpeg and the font
        options.onStage?.('burning');
        clock = 7000;
        options.onProgress?.(1, undefined);
        expect(burnIn.stage).toBe('burning');
        expect(burnIn.duration).toBe(9); // the estimate's, as ffmpeg had not said
        expect(burnIn.remaining(9000)).toBe(32); // 1 s of media in 4 s since burning began: 8 s left take 32 s
        return { bytes: 10, chunks: 1, frames: 225 };
      },
    }));
    const project = source();
    burnIn.prepare(project);
    await vi.waitFor(() => expect(burnIn.estimate?.path).toBe('ffmpeg'));
    await burnIn.start(project, WORDS);
    expect(seen?.path).toBe('ffmpeg');
    expect(burnIn.status).toBe('done');
  });
});
