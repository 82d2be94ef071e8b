import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../errors.ts';
import type { MuxOptions } from '../export/export-client.ts';
import type { MuxEnd } from '../export/export-protocol.ts';
import type { SaveRequest, SaveSink } from '../export/save-target.ts';
import type { ExportVariant } from '../subtitles/formats/export-document.ts';
import { VideoExport, type VideoExportSource, type VideoExportWords } from './video-export.svelte.ts';

const words: VideoExportWords = {
  roles: { original: 'Original', translation: 'Translation', bilingual: 'Bilingual' },
  containers: { mp4: 'MP4 video', mkv: 'Matroska video' },
};

function source(options: { translated?: boolean; file?: File | undefined } = {}): VideoExportSource {
  const translated = options.translated ?? true;
  return {
    file: 'file' in options ? options.file : new File([new Uint8Array(1000)], 'talk.mp4'),
    name: 'talk.mp4',
    canExport: (variant: ExportVariant) => variant === 'original' || translated,
    exportFile: (format, variant) => ({ text: `${format}:${variant}` }),
    transcription: { detectedLanguage: { language: 'en' } },
    transcript: { translationLanguage: translated ? 'Simplified Chinese' : '' },
  };
}

/** A save target that records what happens to it. */
function sink(log: string[]): SaveSink {
  return {
    method: 'picker',
    write: async (position, bytes) => void log.push(`write ${position}+${bytes.length}`),
    close: async () => (log.push('close'), { method: 'picker', name: 'chosen.mp4', bytes: 3 }),
    abort: async () => void log.push('abort'),
  };
}

interface Harness {
  readonly exporter: VideoExport;
  readonly log: string[];
  readonly requests: SaveRequest[];
  readonly muxed: MuxOptions[];
}

function harness(mux: (options: MuxOptions) => Promise<MuxEnd> = defaultMux, openTarget?: (request: SaveRequest) => Promise<SaveSink>): Harness {
  const log: string[] = [];
  const requests: SaveRequest[] = [];
  const muxed: MuxOptions[] = [];
  let clock = 0;
  const exporter = new VideoExport({
    mux: (options) => (muxed.push(options), mux(options)),
    openTarget: (request) => (requests.push(request), openTarget ? openTarget(request) : Promise.resolve(sink(log))),
    now: () => (clock += 1000),
  });
  return { exporter, log, requests, muxed };
}

async function defaultMux(options: MuxOptions): Promise<MuxEnd> {
  options.onStage?.('muxing');
  options.onProgress?.(30, 60);
  await options.output.write(0, new Uint8Array([1, 2, 3]));
  return { bytes: 3, chunks: 1, seconds: 60 };
}

describe('VideoExport', () => {
  it('starts from MP4 with both tracks when there is a translation, the original alone otherwise', () => {
    const { exporter } = harness();
    exporter.prepare(source());
    expect(exporter.options).toEqual({ container: 'mp4', tracks: 'both', mkvFormat: 'ass', bilingual: false });
    const other = harness().exporter;
    other.prepare(source({ translated: false }));
    expect(other.options.tracks).toBe('original');
  });

  it('keeps the choices valid: no translation tracks without a translation', () => {
    const { exporter } = harness();
    const untranslated = source({ translated: false });
    exporter.prepare(untranslated);
    exporter.setTracks('translation', untranslated);
    exporter.setBilingual(true, untranslated);
    expect(exporter.options).toMatchObject({ tracks: 'original', bilingual: false });
  });

  it('remembers the last choices when the dialog opens again', () => {
    const { exporter } = harness();
    exporter.prepare(source());
    exporter.setContainer('mkv');
    exporter.setMkvFormat('srt');
    exporter.prepare(source());
    expect(exporter.options).toMatchObject({ container: 'mkv', mkvFormat: 'srt' });
  });

  it('muxes the planned tracks with their texts, then saves and reports the file', async () => {
    const { exporter, log, requests, muxed } = harness();
    const project = source();
    exporter.prepare(project);
    exporter.setContainer('mkv');
    exporter.setBilingual(true, project);
    await exporter.start(project, words);
    expect(exporter.status).toBe('done');
    expect(exporter.saved).toEqual({ method: 'picker', name: 'chosen.mp4', bytes: 3 });
    expect(requests).toEqual([{ name: 'talk.subtitled.mkv', mime: 'video/x-matroska', description: 'Matroska video', expectedBytes: 1000 + 3 * (12 + 14 + 13) }]);
    expect(muxed[0]?.container).toBe('mkv');
    expect(muxed[0]?.tracks.map((t) => [t.text, t.format, t.language, t.isDefault])).toEqual([
      ['ass:original', 'ass', 'eng', false],
      ['ass:translated', 'ass', 'chi', false],
      ['ass:bilingual', 'ass', 'chi', true],
    ]);
    expect(log).toEqual(['write 0+3', 'close']);
    expect(exporter.progress).toBe(0.5);
  });

  it('tells progress and time left from the media written', async () => {
    let resume: () => void = () => undefined;
    const { exporter } = harness(async (options) => {
      options.onStage?.('muxing'); // at clock 1000
      options.onProgress?.(20, 60);
      await new Promise<void>((resolve) => (resume = resolve));
      return { bytes: 0, chunks: 0, seconds: 60 };
    });
    exporter.prepare(source());
    const done = exporter.start(source(), words);
    await Promise.resolve();
    await Promise.resolve();
    expect(exporter.running).toBe(true);
    expect(exporter.stage).toBe('muxing');
    expect(exporter.progress).toBeCloseTo(1 / 3, 9);
    // 20 s of media in 4 s: 40 s more take 8 s.
    expect(exporter.remaining((exporter.startedAt ?? 0) + 4000)).toBe(8);
    resume();
    await done;
  });

  it('discards the partial file when cancelled, and never reports it as saved', async () => {
    const { exporter, log } = harness(async (options) => {
      await options.output.write(0, new Uint8Array([1]));
      exporter.cancel();
      throw new AppErrorException({ code: 'cancelled' });
    });
    exporter.prepare(source());
    await exporter.start(source(), words);
    expect(exporter.status).toBe('cancelled');
    expect(exporter.saved).toBeUndefined();
    expect(log).toEqual(['write 0+1', 'abort']);
  });

  it('shows a failure as a typed error and discards the partial file', async () => {
    const { exporter, log } = harness(async () => Promise.reject(new AppErrorException({ code: 'export-unsupported-codec', detail: 'pcm_s16le' })));
    exporter.prepare(source());
    await exporter.start(source(), words);
    expect(exporter.status).toBe('failed');
    expect(exporter.error).toEqual({ code: 'export-unsupported-codec', detail: 'pcm_s16le' });
    expect(log).toEqual(['abort']);
  });

  it('goes back to the choices when the save dialog is closed, with nothing muxed', async () => {
    const { exporter, muxed } = harness(defaultMux, async () => Promise.reject(new AppErrorException({ code: 'cancelled' })));
    exporter.prepare(source());
    await exporter.start(source(), words);
    expect(exporter.status).toBe('idle');
    expect(exporter.error).toBeUndefined();
    expect(muxed).toEqual([]);
  });

  it('reports a file too large for memory before anything runs', async () => {
    const { exporter, muxed } = harness(defaultMux, async () => Promise.reject(new AppErrorException({ code: 'export-too-large' })));
    exporter.prepare(source());
    await exporter.start(source(), words);
    expect(exporter.error?.code).toBe('export-too-large');
    expect(muxed).toEqual([]);
  });

  it('asks for the save target before awaiting anything, and starts nothing without media', () => {
    const { exporter, requests } = harness();
    exporter.prepare(source());
    void exporter.start(source(), words);
    expect(requests).toHaveLength(1);
    const none = harness();
    expect(none.exporter.canStart(source({ file: undefined }))).toBe(false);
    void none.exporter.start(source({ file: undefined }), words);
    expect(none.requests).toEqual([]);
  });
});
