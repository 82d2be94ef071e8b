/**
 * Slow export test, not part of `npm test`: `npm run test:slow`. Soft subtitles muxed into the
 * generated file over 4 GiB (bench/make-media.ts, shared with slow.spec.ts and bench:export),
 * saved through the streamed path into a picked file, with the renderer's memory sampled.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { bigFile } from '../../bench/make-media.ts';
import { ROOT } from './support/app.ts';
import { probeStreams } from './support/export-native.ts';
import { pickerLog, standInSavePicker } from './support/export-picker.ts';
import { mib, sampleRendererMemory } from './support/memory.ts';
import { launchOwnBrowser } from './support/own-browser.ts';

/** Every file under `dir` whose size is `bytes`: the picked file's bytes as the profile stores them. */
function filesOfSize(dir: string, bytes: number): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => statSync(file).size === bytes);
}

function durationOf(file: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).toString());
}

test('a file over 4 GiB gets soft subtitle tracks in MKV, streamed into the picked file without running out of memory', { tag: '@slow' }, async () => {
  const input = bigFile(ROOT, path.join(ROOT, 'bench/out'));
  const size = statSync(input).size;
  expect(size).toBeGreaterThan(4 * 2 ** 30);
  const duration = durationOf(input);
  const browser = await launchOwnBrowser();
  try {
    const { page, profile } = browser;
    await standInSavePicker(page);
    await page.goto('/');
    // A cue every 3 s over the whole film, original and French translation.
    const cues = Array.from({ length: Math.floor(duration / 3) }, (_, i) => ({
      start: i * 3, end: i * 3 + 2.5, text: `Line ${i + 1}.`, translation: `Ligne ${i + 1}.`,
    }));
    const json = JSON.stringify({ format: 'zimu-cues', version: 1, translationLanguage: 'French', cues });
    await page.getByTestId('file-input').setInputFiles({ name: 'big-over-4gb.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'imported');
    await page.getByTestId('attach-input').setInputFiles(input);

    await page.getByTestId('export-video').click();
    await expect(page.getByTestId('video-export')).toBeVisible();
    // MKV: the raw video of the generated file has no MP4 form (bench:export says the same).
    await page.getByTestId('video-export-container-mkv').check();
    await page.getByTestId('video-export-format-srt').check();
    await expect(page.getByTestId('video-export-track')).toHaveCount(2);
    const memory = sampleRendererMemory(profile);
    const started = performance.now();
    await page.getByTestId('video-export-start').click();
    const saved = page.getByTestId('video-export-saved');
    await expect(saved).toHaveAttribute('data-method', 'picker', { timeout: 1_500_000 });
    const seconds = (performance.now() - started) / 1000;
    const peak = memory.stop();
    await expect(saved).toHaveAttribute('data-name', 'picked-big-over-4gb.subtitled.mkv');
    expect(await pickerLog(page)).toEqual(expect.arrayContaining(['pick big-over-4gb.subtitled.mkv video/x-matroska', 'close']));
    const bytes = Number(await saved.getAttribute('data-bytes'));
    expect(bytes).toBeGreaterThan(4 * 2 ** 30);
    console.log(`${path.basename(input)}: ${(size / 2 ** 30).toFixed(2)} GiB, ${(duration / 60).toFixed(1)} min → MKV of ` +
      `${(bytes / 2 ** 30).toFixed(2)} GiB in ${seconds.toFixed(1)} s; renderer peak ${mib(peak)}`);
    // The output is read where the browser keeps the private file system, not copied through the page.
    const [output, ...others] = filesOfSize(profile, bytes);
    expect(output, 'the picked file in the profile').toBeDefined();
    expect(others).toEqual([]);
    const streams = probeStreams(output ?? '');
    expect(streams.map((s) => [s.codec_type, s.codec_name])).toEqual([['video', 'rawvideo'], ['audio', 'aac'], ['subtitle', 'subrip'], ['subtitle', 'subrip']]);
    // An imported transcript has no detected language: its track is "Original", undetermined
    // (Matroska's `und`, which ffprobe leaves out); the translation's is French in Matroska's form.
    expect(streams.filter((s) => s.codec_type === 'subtitle').map((s) => [s.tags?.language ?? 'und', s.tags?.title])).toEqual([
      ['und', 'Original'],
      ['fre', expect.stringMatching(/^français/i)],
    ]);
    expect(Math.abs(durationOf(output ?? '') - duration)).toBeLessThan(0.1);
    // Nowhere near the file's size: the input is read in slices, the output leaves in chunks.
    expect(peak).toBeLessThan(1.5 * 2 ** 30);
  } finally {
    await browser.close();
  }
});
