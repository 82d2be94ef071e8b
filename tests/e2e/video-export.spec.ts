import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { parseSrt } from '../../src/lib/subtitles/srt.ts';
import { chooseFile, downloadText, expectDone, MEDIA, openApp } from './support/app.ts';
import { extractedCues, packetMd5, probeStreams, startOf, type NativeCue } from './support/export-native.ts';
import { holdWrites, pickerLog, privateFile, privateFiles, standInSavePicker, withoutSavePicker } from './support/export-picker.ts';
import { configureProvider, fillAndChange, TEST_KEY } from './support/llm.ts';
import { OpenAiTestServer } from './support/openai-server.ts';

const INPUT = path.join(MEDIA, 'speech-3min.mp4');
const server = new OpenAiTestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());
test.beforeEach(() => server.reset({ key: TEST_KEY }));

/** Transcribes the 3-minute fixture with the scripted model and translates it into Simplified Chinese. */
async function transcribeAndTranslate(page: Page): Promise<void> {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, INPUT);
  await expectDone(page);
  await configureProvider(page, server);
  await fillAndChange(page, 'translate-language', 'Simplified Chinese');
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
}

/** Opens the dialog and sets its choices. */
async function chooseExport(page: Page, container: 'mp4' | 'mkv', options: { format?: 'ass' | 'srt'; bilingual?: boolean } = {}): Promise<void> {
  await page.getByTestId('export-video').click();
  await expect(page.getByTestId('video-export')).toBeVisible();
  await page.getByTestId(`video-export-container-${container}`).check();
  if (options.format) await page.getByTestId(`video-export-format-${options.format}`).check();
  await page.getByTestId('video-export-bilingual').setChecked(options.bilingual ?? false);
}

/** Asserts the output's video and audio packets are the input's, bit for bit. */
function expectCopied(output: string): void {
  expect(packetMd5(output, '0:v'), 'video packets').toBe(packetMd5(INPUT, '0:v'));
  expect(packetMd5(output, '0:a'), 'audio packets').toBe(packetMd5(INPUT, '0:a'));
}

/**
 * Asserts a subtitle stream reads back as the SRT export: same texts, same times (to the
 * millisecond for mov_text and SRT, the centisecond for ASS), once the container's own shift
 * of every stream (`offset`) is taken off.
 */
function expectSameCues(read: readonly NativeCue[], srt: string, precision: number, offset: number, label: string): void {
  const expected = parseSrt(srt);
  expect(read.map((c) => c.text), `${label}: texts`).toEqual(expected.map((c) => c.text));
  read.forEach((cue, i) => {
    const want = expected[i];
    expect(Math.abs(cue.start - offset - (want?.start ?? NaN)), `${label}: start of cue ${i + 1}`).toBeLessThanOrEqual(precision + 1e-6);
    expect(Math.abs(cue.end - offset - (want?.end ?? NaN)), `${label}: end of cue ${i + 1}`).toBeLessThanOrEqual(precision + 1e-6);
  });
}

test('soft subtitles into MP4 and MKV: streams copied bit for bit, tracks tagged eng and zho/chi that read back as the exports', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await standInSavePicker(page);
  await transcribeAndTranslate(page);
  await expect(page.getByTestId('detected-language')).toHaveAttribute('data-language', 'en');
  const original = (await downloadText(page, 'download-srt')).text;
  const translation = (await downloadText(page, 'download-translation-srt')).text;
  expect(parseSrt(translation)[0]?.text).toMatch(/^译1：/);

  await test.step('MP4 with mov_text tracks, written into the picked file', async () => {
    await chooseExport(page, 'mp4');
    await expect(page.getByTestId('video-export-track')).toHaveCount(2);
    const started = performance.now();
    await page.getByTestId('video-export-start').click();
    const saved = page.getByTestId('video-export-saved');
    await expect(saved).toHaveAttribute('data-method', 'picker');
    testInfo.annotations.push({ type: 'mp4 export (click to saved)', description: `${((performance.now() - started) / 1000).toFixed(2)} s` });
    await expect(saved).toHaveAttribute('data-name', 'picked-speech-3min.subtitled.mp4');
    expect(await pickerLog(page)).toEqual(expect.arrayContaining(['pick speech-3min.subtitled.mp4 video/mp4', 'close']));
    const output = testInfo.outputPath('speech-3min.subtitled.mp4');
    writeFileSync(output, await privateFile(page, 'picked-speech-3min.subtitled.mp4'));
    await expect(saved).toHaveAttribute('data-bytes', String((await privateFile(page, 'picked-speech-3min.subtitled.mp4')).length));

    const streams = probeStreams(output);
    expect(streams.map((s) => s.codec_type)).toEqual(['video', 'audio', 'subtitle', 'subtitle']);
    const subtitles = streams.filter((s) => s.codec_type === 'subtitle');
    expect(subtitles.map((s) => [s.codec_name, s.tags?.language, s.disposition?.default])).toEqual([['mov_text', 'eng', 0], ['mov_text', 'zho', 1]]);
    expect(subtitles.map((s) => s.tags?.handler_name)).toEqual(['English', expect.stringMatching(/^中文/)]);
    expectCopied(output);
    // MP4 keeps every stream where it was (an edit list takes the audio's priming): no shift.
    expectSameCues(extractedCues(output, 0), original, 0.001, 0, 'mp4 original');
    expectSameCues(extractedCues(output, 1), translation, 0.001, 0, 'mp4 translation');
    await page.getByTestId('video-export-close').click();
  });

  await test.step('MKV with styled ASS tracks and a bilingual one', async () => {
    await chooseExport(page, 'mkv', { format: 'ass', bilingual: true });
    await expect(page.getByTestId('video-export-track')).toHaveCount(3);
    await page.getByTestId('video-export-start').click();
    await expect(page.getByTestId('video-export-saved')).toHaveAttribute('data-name', 'picked-speech-3min.subtitled.mkv');
    const output = testInfo.outputPath('speech-3min.subtitled.mkv');
    writeFileSync(output, await privateFile(page, 'picked-speech-3min.subtitled.mkv'));

    const streams = probeStreams(output);
    const subtitles = streams.filter((s) => s.codec_type === 'subtitle');
    expect(subtitles.map((s) => [s.codec_name, s.tags?.language, s.tags?.title, s.disposition?.default])).toEqual([
      ['ass', 'eng', 'English', 0],
      ['ass', 'chi', expect.stringMatching(/^中文/), 0],
      ['ass', 'chi', expect.stringMatching(/^中文.* \/ English$/), 1],
    ]);
    expectCopied(output);
    // Matroska can't start a stream before 0, so ffmpeg shifts every stream by the audio's
    // priming (21 ms here) alike: the subtitles keep their place against the picture.
    const shift = startOf(streams.find((s) => s.codec_type === 'video')) - startOf(probeStreams(INPUT).find((s) => s.codec_type === 'video'));
    expect(shift).toBeGreaterThanOrEqual(0);
    expect(shift).toBeLessThan(0.05);
    expectSameCues(extractedCues(output, 0), original, 0.005, shift, 'mkv original');
    expectSameCues(extractedCues(output, 1), translation, 0.005, shift, 'mkv translation');
    const bilingual = extractedCues(output, 2).map((c) => c.text);
    expect(bilingual[0]).toBe(`${parseSrt(translation)[0]?.text}\n${parseSrt(original)[0]?.text}`);
    await page.getByTestId('video-export-close').click();
  });
});

test('without a save dialog, the video is made in the private file system and downloaded; SRT tracks in MKV', async ({ page }, testInfo) => {
  await withoutSavePicker(page);
  await transcribeAndTranslate(page);
  const original = (await downloadText(page, 'download-srt')).text;
  await chooseExport(page, 'mkv', { format: 'srt' });
  await page.getByTestId('video-export-tracks-original').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('video-export-start').click()]);
  expect(download.suggestedFilename()).toBe('speech-3min.subtitled.mkv');
  await expect(page.getByTestId('video-export-saved')).toHaveAttribute('data-method', 'download');
  const output = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(output);
  const streams = probeStreams(output);
  expect(streams.filter((s) => s.codec_type === 'subtitle').map((s) => [s.codec_name, s.tags?.language, s.disposition?.default])).toEqual([['subrip', 'eng', 1]]);
  expectCopied(output);
  const shift = startOf(streams.find((s) => s.codec_type === 'video'));
  expectSameCues(extractedCues(output, 0), original, 0.001, shift, 'mkv srt');
  // The temporary copy stays for the download to read, until the next export clears it.
  expect(await privateFiles(page)).toEqual(['zimu-video-export', 'zimu-video-export/speech-3min.subtitled.mkv']);
});

test('cancel mid-export discards the partial file, claims nothing, and the next export works', async ({ page }, testInfo) => {
  // 40 MB of video: more than the chunks the worker may get ahead of a held disk.
  const big = testInfo.outputPath('big.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440',
    '-t', '40', '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '8M', '-c:a', 'aac', '-shortest', big]);
  await standInSavePicker(page);
  await page.goto('/');
  const json = JSON.stringify({ format: 'zimu-cues', version: 1, translationLanguage: 'French', cues: [
    { start: 1, end: 2.5, text: 'Hello.', translation: 'Bonjour.' },
    { start: 30, end: 32, text: 'Goodbye.', translation: 'Au revoir.' },
  ] });
  await page.getByTestId('file-input').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'imported');
  await page.getByTestId('attach-input').setInputFiles(big);

  await holdWrites(page, true);
  await chooseExport(page, 'mp4');
  await page.getByTestId('video-export-start').click();
  await expect(page.getByTestId('video-export-progress')).toHaveAttribute('data-stage', 'muxing');
  // A write is waiting on the held disk, and the worker on it: the export is mid-way.
  await expect.poll(() => pickerLog(page)).toContain('write asked');
  await expect(page.getByTestId('video-export-close')).toBeDisabled();
  await page.keyboard.press('Escape'); // an export is not stopped by accident
  await expect(page.getByTestId('video-export')).toBeVisible();
  await page.getByTestId('video-export-cancel').click();
  await expect(page.getByTestId('video-export')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('video-export-cancelled')).toBeVisible();
  await expect(page.getByTestId('video-export-saved')).toHaveCount(0);
  await expect.poll(() => pickerLog(page)).toEqual(expect.arrayContaining(['abort', 'aborted', 'remove picked-big.subtitled.mp4', 'removed']));
  expect(await pickerLog(page)).not.toContain('close');
  expect(await privateFiles(page)).not.toContain('picked-big.subtitled.mp4');

  // The page goes on: the same export, with the disk released, completes and reads back.
  await holdWrites(page, false);
  await page.getByTestId('video-export-start').click();
  await expect(page.getByTestId('video-export-saved')).toHaveAttribute('data-name', 'picked-big.subtitled.mp4');
  const output = testInfo.outputPath('big.subtitled.mp4');
  writeFileSync(output, await privateFile(page, 'picked-big.subtitled.mp4'));
  expect(packetMd5(output, '0:v')).toBe(packetMd5(big, '0:v'));
  expect(probeStreams(output).filter((s) => s.codec_type === 'subtitle').map((s) => s.tags?.language)).toEqual(['und', 'fra']);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('video-export')).toBeHidden();
});

test('a stream MP4 cannot hold is a clear error, and MKV takes it', async ({ page }, testInfo) => {
  const pcm = testInfo.outputPath('pcm.mov');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=5', '-f', 'lavfi', '-i', 'sine', '-t', '3',
    '-c:v', 'libx264', '-c:a', 'pcm_s16le', pcm]);
  await withoutSavePicker(page);
  await page.goto('/');
  const json = JSON.stringify({ format: 'zimu-cues', version: 1, cues: [{ start: 0.5, end: 2, text: 'Hi.' }] });
  await page.getByTestId('file-input').setInputFiles({ name: 'pcm.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.getByTestId('attach-input').setInputFiles(pcm);
  await chooseExport(page, 'mp4');
  await expect(page.getByTestId('video-export-tracks-translation')).toBeDisabled();
  await page.getByTestId('video-export-start').click();
  const error = page.getByTestId('video-export').getByTestId('error');
  await expect(error).toHaveAttribute('data-code', 'export-unsupported-codec');
  await expect(error).toContainText('pcm_s16le');
  await expect(error).toContainText('Choose MKV');
  expect(await privateFiles(page)).toEqual(['zimu-video-export']);
  await page.getByTestId('video-export-container-mkv').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('video-export-start').click()]);
  const output = testInfo.outputPath('pcm.subtitled.mkv');
  await download.saveAs(output);
  expect(probeStreams(output).map((s) => s.codec_name)).toEqual(['h264', 'pcm_s16le', 'ass']);
});
