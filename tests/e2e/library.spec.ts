import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, downloadText, expectDone, MEDIA, openApp, ROOT } from './support/app.ts';
import { launchOwnBrowser } from './support/own-browser.ts';
import { traceWorkers, workerTraces } from './support/worker-trace.ts';

const SUBTITLES = path.join(ROOT, 'tests/fixtures/subtitles');

/** Waits for the change just made to be saved: the state leaves "saved" (the debounce lasts 800 ms) and comes back. */
async function saved(page: Page): Promise<void> {
  const state = page.getByTestId('save-state');
  await expect(state).not.toHaveAttribute('data-state', 'saved');
  await expect(state).toHaveAttribute('data-state', 'saved');
}

async function openLibrary(page: Page): Promise<void> {
  if (!(await page.getByTestId('library-panel').isVisible())) await page.getByTestId('open-library').click();
}

/** The library as its export file has it, without the export's own time stamp. */
async function exportedLibrary(page: Page): Promise<unknown> {
  await openLibrary(page);
  const { text } = await downloadText(page, 'library-export-all');
  const file: { projects: unknown[] } = JSON.parse(text);
  return file.projects;
}

test('projects save themselves, survive a reload and a browser restart, and export → delete all → import restores them exactly', async () => {
  let browser = await launchOwnBrowser();
  try {
    let page = browser.page;
    await page.goto('/');
    await page.getByTestId('file-input').setInputFiles(path.join(SUBTITLES, 'lecture.srt'));
    await saved(page);
    // An edit is saved too.
    await page.getByTestId('cue-text').first().click();
    await page.getByTestId('cue-text-input').fill('Welcome to the first lecture. Edited.');
    await page.keyboard.press('Escape');
    await saved(page);
    await page.getByTestId('file-input').setInputFiles(path.join(SUBTITLES, 'lecture.vtt'));
    await saved(page);
    const before = await exportedLibrary(page);
    expect(before).toHaveLength(2);

    await page.reload();
    await openLibrary(page);
    await expect(page.getByTestId('library-item')).toHaveCount(2);
    expect(await exportedLibrary(page)).toEqual(before);

    await browser.close({ profile: true });
    browser = await launchOwnBrowser({ profile: browser.profile });
    page = browser.page;
    await page.goto('/');
    await openLibrary(page);
    await expect(page.getByTestId('library-item')).toHaveCount(2);
    await page.locator('[data-testid="library-item"][data-name="lecture.srt"]').getByTestId('library-open').click();
    await expect(page.getByTestId('cue-text').first()).toContainText('Edited.');

    const exported = await exportedLibrary(page);
    expect(exported).toEqual(before);
    const { text } = await downloadText(page, 'library-export-all');
    await page.getByTestId('library-delete-all').click();
    await page.getByTestId('library-delete-all-confirm').click();
    await expect(page.getByTestId('library-empty')).toBeVisible();

    await page.getByTestId('library-import-input').setInputFiles({ name: 'zimu-library.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('library-imported')).toHaveAttribute('data-count', '2');
    expect(await exportedLibrary(page)).toEqual(before);

    // A damaged file imports nothing and says so.
    await page.getByTestId('library-import-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, -40)) });
    await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'library-file-invalid');
    await expect(page.getByTestId('library-item')).toHaveCount(2);
  } finally {
    await browser.close();
  }
});

test('a full storage quota on save: the message shows, and the previous save is intact', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(path.join(SUBTITLES, 'lecture.srt'));
  await saved(page);
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByTestId('cue-text').first().click();
  await page.getByTestId('cue-text-input').fill('Welcome to the first lecture. Not saved.');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'failed');
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'storage-full');
  await expect(page.getByTestId('cue-text').first()).toContainText('Not saved.'); // nothing on screen is lost

  // Work neither saved nor exported: leaving the page asks first.
  const leaving = new Promise<string>((resolve) => page.once('dialog', (dialog) => (resolve(dialog.type()), void dialog.accept())));
  await page.reload();
  expect(await leaving).toBe('beforeunload');
  await openLibrary(page);
  await page.getByTestId('library-open').first().click();
  await expect(page.getByTestId('cue-text').first()).toHaveText('Welcome to the first lecture.');
});

test('a tab closed in the middle of a long file resumes when the file is dropped again, and the SRT equals an uninterrupted run’s', async () => {
  const browser = await launchOwnBrowser();
  const file = path.join(MEDIA, 'speech-3min.mp4');
  try {
    const first = browser.page;
    // 24 tokens a window keeps the run long enough to be closed in the middle.
    await openApp(first, { modelId: TEST_MODELS.micro, device: 'wasm', maxTokens: 24 });
    await chooseFile(first, file);
    const recognised = () => first.getByTestId('progress').getAttribute('data-recognised', { timeout: 1000 }).then(Number, () => 0);
    await expect.poll(recognised, { timeout: 120_000, intervals: [50] }).toBeGreaterThan(60);
    await first.close(); // the tab is closed, not cancelled: what was saved (and the flush on pagehide) is all there is

    const page = await browser.context.newPage();
    await traceWorkers(page);
    await page.goto('/');
    await chooseFileAgain(page, file);
    await expect(page.getByTestId('known-file')).toHaveAttribute('data-choice', 'resume');
    const until = Number(await page.getByTestId('known-file').getAttribute('data-until'));
    expect(until).toBeGreaterThan(30);
    await page.getByTestId('known-file-resume').click();
    await expectDone(page);
    const resumed = (await downloadText(page, 'download-srt')).text;
    const resumedRequests = await transcriberRequests(page);

    // The file of the project open now starts a new run when dropped again (no offer).
    await chooseFileAgain(page, file);
    await expect(page.getByTestId('progress')).toBeVisible();
    await expect(page.getByTestId('known-file')).toHaveCount(0);
    await expectDone(page);
    const uninterrupted = (await downloadText(page, 'download-srt')).text;
    expect(resumed).toBe(uninterrupted);
    // The audio before the interruption was decoded again but not recognised again.
    const uninterruptedRequests = (await transcriberRequests(page)) - resumedRequests;
    expect(resumedRequests).toBeLessThan(uninterruptedRequests);
  } finally {
    await browser.close();
  }
});

async function chooseFileAgain(page: Page, file: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles([]);
  await page.getByTestId('file-input').setInputFiles(file);
}

/** Requests the page has sent to transcriber workers so far (model loads, detection, windows). */
async function transcriberRequests(page: Page): Promise<number> {
  return (await workerTraces(page)).filter((worker) => worker.url.includes('transcriber')).reduce((sum, worker) => sum + Object.keys(worker.sent).length, 0);
}
