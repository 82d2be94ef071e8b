import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { TEST_MODELS } from '../../fixtures/models/generate.ts';
import { parseSrt } from '../../../src/lib/subtitles/srt.ts';
import type { Cue } from '../../../src/lib/subtitles/cue.ts';
import { chooseFile, downloadText, expectDone, MEDIA, openApp } from './app.ts';
import { changedShare, frameAt, frameCountAndDuration, meanDifference, type Band } from './export-frames.ts';
import { privateFile, standInSavePicker } from './export-picker.ts';
import { configureProvider, fillAndChange } from './llm.ts';
import type { OpenAiTestServer } from './openai-server.ts';

/** The burn-in specs' input: 9 s of 320×180 speech. */
export const BURN_INPUT = path.join(MEDIA, 'clip-10s.mp4');
export const BURN_WIDTH = 320;
export const BURN_HEIGHT = 180;
/** Where bottom subtitles land on this frame (margin 6 %, two lines at 12 %), and where none do. */
export const SUBTITLE_BAND: Band = { from: 0.5, to: 1 };
export const CLEAR_BAND: Band = { from: 0, to: 0.4 };
/** Mean per-channel difference the encoder alone may cause (a re-encode of a re-encode). */
export const CODEC_NOISE = 6;

/** Transcribes the 9 s clip with the scripted model and translates it into Simplified Chinese. */
export async function transcribeAndTranslate(page: Page, server: OpenAiTestServer): Promise<{ translation: Cue[] }> {
  await standInSavePicker(page);
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, BURN_INPUT);
  await expectDone(page);
  await configureProvider(page, server);
  await fillAndChange(page, 'translate-language', 'Simplified Chinese');
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
  return { translation: parseSrt((await downloadText(page, 'download-translation-srt')).text) };
}

/** Opens the burn-in dialog with the translation, large, and waits for the device estimate. */
export async function openBurnIn(page: Page, testInfo: TestInfo): Promise<{ path: string; codec: string; container: string }> {
  await page.getByTestId('burn-in-open').click();
  await expect(page.getByTestId('burn-in')).toBeVisible();
  await expect(page.getByTestId('burn-in-preview')).toBeVisible();
  await page.getByTestId('burn-in-text-translated').check();
  await page.getByTestId('burn-in-size').fill('12');
  const estimate = page.getByTestId('burn-in-estimate');
  const failure = page.getByTestId('burn-in').getByRole('alert');
  await expect(estimate.or(failure)).toBeVisible({ timeout: 90_000 });
  if (await failure.isVisible()) throw new Error(`burn-in estimate failed: ${await failure.textContent()}`);
  testInfo.annotations.push({ type: 'burn-in estimate', description: `${await estimate.textContent()}` });
  return {
    path: (await estimate.getAttribute('data-path')) ?? '',
    codec: (await estimate.getAttribute('data-codec')) ?? '',
    container: (await estimate.getAttribute('data-container')) ?? '',
  };
}

/** Burns in and returns the saved file's path on disk. */
export async function burnAndSave(page: Page, testInfo: TestInfo, container: string, label: string): Promise<string> {
  const started = performance.now();
  await page.getByTestId('burn-in-start').click();
  const saved = page.getByTestId('burn-in-saved');
  await expect(saved).toHaveAttribute('data-method', 'picker', { timeout: 180_000 });
  testInfo.annotations.push({ type: `burn-in ${label} (click to saved)`, description: `${((performance.now() - started) / 1000).toFixed(2)} s` });
  const name = `picked-clip-10s.burned.${container}`;
  await expect(saved).toHaveAttribute('data-name', name);
  const output = testInfo.outputPath(`${label}.${container}`);
  writeFileSync(output, await privateFile(page, name));
  return output;
}

/** A time inside the longest cue, and one outside every cue (a gap, or before the first). */
export function sampleTimes(cues: readonly Cue[]): { inside: number; outside: number } {
  const longest = [...cues].sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  if (!longest) throw new Error('no cues');
  const gaps: { from: number; to: number }[] = [{ from: 0, to: cues[0]?.start ?? 0 }];
  cues.forEach((cue, i) => gaps.push({ from: cue.end, to: cues[i + 1]?.start ?? 9 }));
  const gap = gaps.sort((a, b) => b.to - b.from - (a.to - a.from))[0];
  if (!gap || gap.to - gap.from < 0.3) throw new Error('no gap between cues to sample');
  return { inside: (longest.start + longest.end) / 2, outside: (gap.from + gap.to) / 2 };
}

/**
 * What every burn-in path must give, checked with native ffprobe/ffmpeg: the input's frame count
 * and duration; at a cue's midpoint the subtitle band changed and the rest not beyond codec noise;
 * between cues the frame equal to the source within codec noise.
 */
export async function expectBurnedLikeSource(output: string, translation: readonly Cue[], testInfo: TestInfo): Promise<void> {
  await test.step('duration and frame count equal the input’s', () => {
    const source = frameCountAndDuration(BURN_INPUT);
    const burned = frameCountAndDuration(output);
    expect(burned.frames).toBe(source.frames);
    expect(Math.abs(burned.duration - source.duration)).toBeLessThanOrEqual(0.05);
  });

  const { inside, outside } = sampleTimes(translation);
  await test.step('at a cue’s midpoint the subtitle area differs from the source and the rest does not', () => {
    const source = frameAt(BURN_INPUT, inside, BURN_WIDTH, BURN_HEIGHT);
    const burned = frameAt(output, inside, BURN_WIDTH, BURN_HEIGHT);
    const subtitle = changedShare(source, burned, SUBTITLE_BAND);
    const clear = meanDifference(source, burned, CLEAR_BAND);
    testInfo.annotations.push({ type: 'cue midpoint', description: `${inside.toFixed(2)} s: ${(subtitle * 100).toFixed(1)} % of the subtitle band changed, clear band mean diff ${clear.toFixed(2)}` });
    expect(subtitle).toBeGreaterThan(0.01);
    expect(clear).toBeLessThan(CODEC_NOISE);
  });

  await test.step('between cues the frame equals the source within codec noise', () => {
    const diff = meanDifference(frameAt(BURN_INPUT, outside, BURN_WIDTH, BURN_HEIGHT), frameAt(output, outside, BURN_WIDTH, BURN_HEIGHT), { from: 0, to: 1 });
    testInfo.annotations.push({ type: 'between cues', description: `${outside.toFixed(2)} s: mean diff ${diff.toFixed(2)}` });
    expect(diff).toBeLessThan(CODEC_NOISE);
  });
}

/**
 * Two burns of the same cue whose text was drawn differently (the font, against none or against
 * boxes): their subtitle bands differ at `seconds` and the rest of the frame does not.
 */
export function expectSubtitleBandDiffers(output: string, other: string, seconds: number, testInfo: TestInfo, label: string): void {
  const first = frameAt(output, seconds, BURN_WIDTH, BURN_HEIGHT);
  const second = frameAt(other, seconds, BURN_WIDTH, BURN_HEIGHT);
  const differs = changedShare(first, second, SUBTITLE_BAND);
  testInfo.annotations.push({ type: label, description: `${(differs * 100).toFixed(1)} % of the subtitle band differs` });
  expect(differs).toBeGreaterThan(0.005);
  expect(meanDifference(first, second, CLEAR_BAND)).toBeLessThan(CODEC_NOISE);
}
