import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SCRIPTED_CUES, TEST_MODELS } from '../fixtures/models/generate.ts';
import { parseSrt } from '../../src/lib/subtitles/srt.ts';
import { asShown, chooseFile, downloadText, expectDone, MEDIA, openApp, SAMPLE, shownCues, waitForEnd } from './support/app.ts';

const scripted = { modelId: TEST_MODELS.scripted, device: 'wasm' } as const;

/** Drops a file on the drop zone, as a user drags one from the desktop. */
async function dropFile(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type }));
      return transfer;
    },
    { name, base64: bytes.toString('base64'), type },
  );
  await page.getByRole('region', { name: 'Drop a video or audio file here' }).dispatchEvent('drop', { dataTransfer });
}

/** The text of each cue the preview's subtitle track holds now. */
async function trackTexts(page: Page): Promise<string[]> {
  return page.getByTestId('preview').evaluate((video: HTMLVideoElement) => {
    const track = video.querySelector('track')?.track;
    return Array.from(track?.cues ?? [], (cue) => (cue instanceof VTTCue ? cue.text : ''));
  });
}

test('a corrupt file ends in its error and "Choose another file", with no empty workspace; that button runs the next file', async ({ page }) => {
  await openApp(page, scripted);
  await chooseFile(page, path.join(MEDIA, 'not-media.mp4'));
  expect(await waitForEnd(page)).toBe('failed');
  const failed = page.getByTestId('run-failed');
  await expect(failed.getByTestId('error')).toHaveAttribute('data-code', 'not-media');
  // Nothing of a workspace: no file line, no subtitle list, no exports.
  for (const id of ['file-name', 'cues', 'exports', 'export-menu', 'status']) await expect(page.getByTestId(id)).toHaveCount(0);
  await page.getByTestId('locale-zh-CN').click();
  await expect(page.getByTestId('choose-another')).toHaveText('换一个文件');

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-another').click()]);
  await chooser.setFiles(SAMPLE);
  await expectDone(page);
  await expect(failed).toHaveCount(0);
  expect(await shownCues(page)).toEqual(asShown(SCRIPTED_CUES));
});

test('with the library unable to save, a second file dropped over the finished project asks first, and cancel keeps the project', async ({ page }) => {
  // Storage refuses every project write (a full disk), so the library keeps nothing.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'projects') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openApp(page, scripted);
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  const clip = readFileSync(path.join(MEDIA, 'clip-10s.mp4'));

  await dropFile(page, 'clip-10s.mp4', clip, 'video/mp4');
  const dialog = page.getByTestId('replace-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('sample.mp4');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'failed');
  await page.keyboard.press('Escape'); // the safe answer: keep it
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('file-name')).toContainText('sample.mp4');
  expect(await shownCues(page)).toEqual(asShown(SCRIPTED_CUES));

  await dropFile(page, 'clip-10s.mp4', clip, 'video/mp4');
  await page.getByTestId('replace-cancel').click();
  await expect(page.getByTestId('file-name')).toContainText('sample.mp4');
  await dropFile(page, 'clip-10s.mp4', clip, 'video/mp4');
  await page.getByTestId('replace-confirm').click();
  await expect(page.getByTestId('file-name')).toContainText('clip-10s.mp4');
  // (expectDone would read the library's storage error as the run's.)
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
});

test('with the library on both projects are kept; the Export menu saves original SRT and bilingual VTT, and the preview switch changes the video\'s track', async ({ page }) => {
  await openApp(page, scripted);
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  // Zimu's own JSON, with a translation, dropped over the finished run.
  const cues = asShown(SCRIPTED_CUES);
  const translations = ['来自 Zimu 的问候。', '这些字幕在你的浏览器里运行。'];
  const json = JSON.stringify({ format: 'zimu-cues', version: 1, language: 'en', translationLanguage: 'Simplified Chinese', cues: cues.map((cue, i) => ({ ...cue, translation: translations[i] })) });
  await dropFile(page, 'talk.json', Buffer.from(json), 'application/json');
  await expect(page.getByTestId('project-kept')).toContainText('The previous project is saved in the library.');
  await expect(page.getByTestId('replace-dialog')).toBeHidden();
  await page.getByTestId('open-library').click();
  await expect(page.getByTestId('library-item')).toHaveCount(2);
  await page.getByTestId('open-library').click();

  // The menu: closed until opened, Esc closes it and gives the focus back.
  const menu = page.getByTestId('export-menu');
  await expect(page.getByTestId('download-srt')).toBeHidden();
  await page.getByTestId('export-menu-button').click();
  await expect(page.getByTestId('download-translation-bilingual-vtt')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open');
  await expect(page.getByTestId('export-menu-button')).toBeFocused();

  const srt = await downloadText(page, 'download-srt');
  expect(srt.name).toBe('talk.srt');
  expect(parseSrt(srt.text)).toEqual(cues);
  const vtt = await downloadText(page, 'download-translation-bilingual-vtt');
  expect(vtt.name).toMatch(/^talk\..+\.vtt$/);
  for (const [i, cue] of cues.entries()) expect(vtt.text).toContain(`${cue.text}\n${translations[i]}`);

  // The preview: its track follows the switch.
  await page.getByTestId('attach-input').setInputFiles(SAMPLE);
  await expect.poll(() => trackTexts(page)).toEqual(cues.map((cue) => cue.text));
  await page.getByTestId('preview-text-translated').check();
  await expect.poll(() => trackTexts(page)).toEqual(translations);
  await page.getByTestId('preview-text-bilingual').check();
  await expect.poll(() => trackTexts(page)).toEqual(cues.map((cue, i) => `${cue.text}\n${translations[i]}`));
});
