import { expect, test, type Page } from '@playwright/test';
import { SCRIPTED_CUES, TEST_MODELS } from '../fixtures/models/generate.ts';
import { applyCommand, createIdFactory, findMatches, toEditable, type EditableCue, type EditCommand } from '../../src/lib/subtitles/edit/index.ts';
import { toSrt } from '../../src/lib/subtitles/srt.ts';
import { asShown, chooseFile, downloadText, expectDone, openApp, SAMPLE } from './support/app.ts';

/**
 * The studio's edits are checked against the edit core (src/lib/subtitles/edit, unit-tested on its
 * own) applied to the same cues in Node: after every step the app's SRT must equal the model's.
 */
class Model {
  readonly #ids = createIdFactory('m');
  cues: readonly EditableCue[];
  constructor(cues: readonly { start: number; end: number; text: string }[]) {
    this.cues = cues.map((cue) => toEditable(cue, this.#ids));
  }
  apply(command: EditCommand): { count?: number } {
    const result = applyCommand(this.cues, command, this.#ids);
    expect(result.changed, JSON.stringify(command)).toBe(true);
    this.cues = result.cues;
    return result;
  }
}

async function transcribeSample(page: Page): Promise<Model> {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  return new Model(asShown(SCRIPTED_CUES));
}

async function expectSrt(page: Page, model: Model, step: string): Promise<void> {
  expect((await downloadText(page, 'download-srt')).text, step).toBe(toSrt(model.cues));
}

const row = (page: Page, index: number) => page.getByTestId('cue').nth(index);
const id = (model: Model, index: number): string => model.cues[index]?.id ?? 'missing';

async function seekVideo(page: Page, seconds: number): Promise<void> {
  await page.getByTestId('preview').evaluate((video, at) => {
    if (video instanceof HTMLVideoElement) video.currentTime = at;
  }, seconds);
  await expect(page.getByTestId('cue').nth(0)).toBeVisible();
  await expect.poll(() => page.getByTestId('preview').evaluate((v) => (v instanceof HTMLVideoElement ? v.currentTime : -1))).toBe(seconds);
}

test('edit, split at the playhead, merge, shift from here, regex replace; undo to the start and redo: the SRT is exact at every step', async ({ page }) => {
  const model = await transcribeSample(page);
  const states: string[] = [toSrt(model.cues)];
  await expectSrt(page, model, 'recognised');

  await test.step('fix a word', async () => {
    await row(page, 0).getByTestId('cue-text').click();
    await page.getByTestId('cue-text-input').fill('Hello from the Zimu studio.');
    await page.keyboard.press('Escape');
    model.apply({ type: 'set-text', id: id(model, 0), text: 'Hello from the Zimu studio.' });
    await expectSrt(page, model, 'edited');
    states.push(toSrt(model.cues));
  });

  await test.step('split the second cue at the playhead', async () => {
    await seekVideo(page, 4);
    await page.getByTestId('split').click();
    model.apply({ type: 'split', id: id(model, 1), at: 4 });
    await expect(page.getByTestId('cues')).toHaveAttribute('data-count', '3');
    await expectSrt(page, model, 'split');
    states.push(toSrt(model.cues));
  });

  await test.step('merge the first cue with the next', async () => {
    await row(page, 0).getByTestId('cue-index').click();
    await page.getByTestId('merge-next').click();
    model.apply({ type: 'merge', first: id(model, 0), second: id(model, 1) });
    await expect(page.getByTestId('cues')).toHaveAttribute('data-count', '2');
    await expectSrt(page, model, 'merged');
    states.push(toSrt(model.cues));
  });

  await test.step('shift the last cue and everything after it by 1.2 s', async () => {
    await row(page, 1).getByTestId('cue-index').click();
    await page.getByTestId('shift-seconds').fill('1.2');
    await page.getByTestId('shift-seconds').dispatchEvent('change');
    await page.getByTestId('shift-from-here').click();
    model.apply({ type: 'shift', delta: 1.2, from: id(model, 1) });
    await expectSrt(page, model, 'shifted');
    states.push(toSrt(model.cues));
  });

  await test.step('replace with a regular expression', async () => {
    await page.getByTestId('find-replace').click();
    await page.getByTestId('find-regex').check();
    const pattern = '(\\w+)s\\b'; // words ending in "s": "subtitles"
    const options = { regex: true, caseSensitive: false } as const;
    await page.getByTestId('find-text').fill(pattern);
    await page.getByTestId('replace-text').fill('$1z');
    const found = findMatches(model.cues, pattern, options);
    const count = found.ok ? found.matches.reduce((sum, cue) => sum + cue.ranges.length, 0) : 0;
    expect(count).toBeGreaterThan(0);
    await expect(page.getByTestId('find-count')).toHaveAttribute('data-count', String(count));
    await page.getByTestId('replace-all').click();
    const result = model.apply({ type: 'replace', find: pattern, replacement: '$1z', options });
    expect(result.count).toBe(count);
    await expectSrt(page, model, 'replaced');
    expect(toSrt(model.cues)).toContain('subtitlez');
    states.push(toSrt(model.cues));
  });

  await test.step('undo back to the recognised cues, then redo to the end', async () => {
    for (let i = states.length - 2; i >= 0; i--) {
      await page.getByTestId('undo').click();
      expect((await downloadText(page, 'download-srt')).text, `undo to state ${i}`).toBe(states[i]);
    }
    await expect(page.getByTestId('undo')).toBeDisabled();
    for (let i = 1; i < states.length; i++) {
      await page.getByTestId('redo').click();
      expect((await downloadText(page, 'download-srt')).text, `redo to state ${i}`).toBe(states[i]);
    }
    await expect(page.getByTestId('redo')).toBeDisabled();
  });
});

test('keyboard only: edit, split at the caret, merge, undo and download without a mouse', async ({ page }) => {
  const model = await transcribeSample(page);
  // Tab from the top of the page to the first cue row.
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'cue')) break;
  }
  await expect(row(page, 0)).toBeFocused();

  await page.keyboard.press('Enter'); // edit the text
  await expect(page.getByTestId('cue-text-input')).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace'); // "Hello from Zimu" …
  await page.keyboard.type('!');
  await page.keyboard.press('Escape');
  await expect(row(page, 0).getByTestId('cue-text')).toHaveText('Hello from Zimu!');
  model.apply({ type: 'set-text', id: id(model, 0), text: 'Hello from Zimu!' });

  await page.keyboard.press('ArrowDown');
  await expect(row(page, 1)).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'These subtitles'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Alt+s'); // split at the caret
  await expect(page.getByTestId('cues')).toHaveAttribute('data-count', '3');
  await page.keyboard.press('Escape');
  await expect(row(page, 1).getByTestId('cue-text')).toHaveText('These subtitles');
  await expect(row(page, 2).getByTestId('cue-text')).toHaveText('run in your browser.');

  await page.keyboard.press('Alt+Shift+m'); // merge the second half back into the cue before it
  await expect(page.getByTestId('cues')).toHaveAttribute('data-count', '2');
  await expect(row(page, 1).getByTestId('cue-text')).toHaveText('These subtitles run in your browser.');
  await page.keyboard.press('Control+z'); // undo the merge
  await expect(page.getByTestId('cues')).toHaveAttribute('data-count', '3');
  await page.keyboard.press('Control+z'); // undo the split
  await expect(page.getByTestId('cues')).toHaveAttribute('data-count', '2');

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-help')).toBeVisible();
  await expect(page.getByTestId('shortcut').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-help')).toBeHidden();

  // Tab on to the Export menu, open it with Enter, tab to its SRT download and press Enter: the file has the typed edit and nothing else.
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused === 'export-menu-button') await page.keyboard.press('Enter');
    if (focused === 'download-srt') break;
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('sample.srt');
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(await download.path(), 'utf8')).toBe(toSrt(model.cues));
});
