import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Download, type Page } from '@playwright/test';
import { MODEL_PORT } from '../../../playwright.config.ts';
import type { Cue } from '../../../src/lib/subtitles/cue.ts';
import { normalizeCues } from '../../../src/lib/subtitles/normalize.ts';
import { fixCues } from '../../../src/lib/subtitles/segment/check.ts';
import { PROFILES, type ReadabilityProfile } from '../../../src/lib/subtitles/segment/profiles.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../../..');
export const MEDIA = path.join(ROOT, 'tests/fixtures/media');
export const SAMPLE = path.join(ROOT, 'static/sample/sample.mp4');
export const MODEL_HOST = `http://127.0.0.1:${MODEL_PORT}`;

export interface ModelChoice {
  readonly modelId: string;
  readonly device: 'auto' | 'webgpu' | 'wasm';
  /** Random weights never say "end": cap each window so tests stay fast. */
  readonly maxTokens?: number;
  /**
   * Voice activity detection (the app's default is on). Off unless a test is about it: the
   * scripted model says its script for any window, so exact times need windows from 0 s.
   */
  readonly vad?: boolean;
  /** Another model host than the suite's own server. */
  readonly host?: string;
}

/** Opens the app and points it at the local test models through the settings panel, as a user would. */
export async function openApp(page: Page, model: ModelChoice): Promise<void> {
  await page.goto('/');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-host').fill(model.host ?? MODEL_HOST);
  await page.getByTestId('setting-host').dispatchEvent('change');
  await page.getByTestId('model-id').fill(model.modelId);
  await page.getByTestId('model-id').dispatchEvent('change');
  await page.getByTestId('setting-device').selectOption(model.device);
  await page.getByTestId('setting-max-tokens').fill(model.maxTokens ? String(model.maxTokens) : '');
  await page.getByTestId('setting-max-tokens').dispatchEvent('change');
  await page.getByTestId('setting-vad').setChecked(model.vad ?? false);
  await page.getByTestId('settings-close').click();
}

export async function chooseFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
  // The new run has started once its name shows (the previous run's status is gone by then).
  await expect(page.getByTestId('file-name')).toContainText(path.basename(file));
}

/** Waits for the run to end and returns how it ended. */
export async function waitForEnd(page: Page, timeout = 150_000): Promise<'done' | 'cancelled' | 'failed'> {
  const ended = page.locator('[data-testid="status"], [data-testid="error"]');
  await expect(ended.first()).toBeVisible({ timeout });
  if (await page.getByTestId('error').isVisible()) return 'failed';
  const status = await page.getByTestId('status').getAttribute('data-status');
  return status === 'done' ? 'done' : 'cancelled';
}

/** Waits for the run to end and asserts it succeeded, showing the UI's error text if it did not. */
export async function expectDone(page: Page, timeout?: number): Promise<void> {
  if ((await waitForEnd(page, timeout)) === 'done') return;
  const error = page.getByTestId('error');
  const shown = (await error.isVisible()) ? `${await error.getAttribute('data-code')}: ${await error.textContent()}` : 'cancelled';
  expect(shown, 'the run should end in done').toBe('done');
}

export interface ShownCue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The project's cues, read through the app's own JSON export (the studio's list is virtualised,
 * so the page holds only the rows in view). None while the export is not offered yet.
 */
export async function shownCues(page: Page): Promise<ShownCue[]> {
  return (await exportedCues(page)).map(({ start, end, text }) => ({ start, end, text }));
}

export interface ExportedCue extends ShownCue {
  readonly translation?: string;
  readonly words?: readonly ShownCue[];
}

/** Every cue as the JSON export writes it, words and (for `variant`) translations included. */
export async function exportedCues(page: Page, testId = 'download-json'): Promise<ExportedCue[]> {
  if (await page.getByTestId(testId).isDisabled()) return [];
  const { text } = await downloadText(page, testId);
  const parsed: { cues: ExportedCue[] } = JSON.parse(text);
  return parsed.cues;
}

/** Cues as the app shows them: cut and spaced to the readability profile (English by default). */
export function asShown(cues: readonly Cue[], profile: ReadabilityProfile = PROFILES['netflix-en']): ShownCue[] {
  return fixCues(normalizeCues(cues), profile).map(({ start, end, text }) => ({ start, end, text }));
}

export async function downloadText(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const download = await clickDownload(page, testId);
  const file = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

export async function clickDownload(page: Page, testId: string): Promise<Download> {
  await revealExport(page, testId);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return download;
}

/** Subtitle, summary and audio downloads live in the Export menu: it is opened when the button is in it and hidden. */
export async function revealExport(page: Page, testId: string): Promise<void> {
  const button = page.getByTestId(testId);
  await button.waitFor({ state: 'attached' });
  const inMenu = (await page.getByTestId('export-menu').getByTestId(testId).count()) > 0;
  if (inMenu && !(await button.isVisible())) await page.getByTestId('export-menu-button').click();
}

/** Asserts cues are ordered, non-overlapping, non-empty and inside [0, duration]. */
export function expectWellFormed(cues: readonly ShownCue[], duration: number): void {
  let previousEnd = 0;
  for (const cue of cues) {
    expect(cue.text.trim()).not.toBe('');
    expect(cue.start).toBeGreaterThanOrEqual(previousEnd);
    expect(cue.end).toBeGreaterThan(cue.start);
    expect(cue.end).toBeLessThanOrEqual(duration + 0.001);
    previousEnd = cue.end;
  }
}

export interface StageMark {
  readonly stage: string;
  readonly percent: string;
  /** Cues on screen at that moment. */
  readonly cues: number;
}

/**
 * Records, inside the page, every change of the progress bar's stage and percentage with the
 * number of cues shown at that moment. Call before `page.goto`.
 */
export async function recordProgress(page: Page): Promise<() => Promise<StageMark[]>> {
  await page.addInitScript(() => {
    const marks: { stage: string; percent: string; cues: number }[] = [];
    Reflect.set(window, '__progressMarks', marks);
    new MutationObserver(() => {
      const stage = document.querySelector('[data-testid="progress"]')?.getAttribute('data-stage') ?? '';
      const percent = document.querySelector('[data-testid="percent"]')?.textContent ?? '';
      const cues = document.querySelectorAll('[data-testid="cue"]').length;
      const last = marks.at(-1);
      if (stage && (stage !== last?.stage || percent !== last.percent || cues !== last.cues)) marks.push({ stage, percent, cues });
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => page.evaluate(() => Reflect.get(window, '__progressMarks') as StageMark[]);
}
