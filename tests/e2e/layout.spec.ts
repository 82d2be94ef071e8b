import { expect, test, type Page } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, openApp, SAMPLE } from './support/app.ts';

/**
 * What breaks a layout: a page wider than the window, and header controls whose text wraps. (On a
 * phone the header's controls sit in one row that scrolls sideways on its own.)
 */
async function layoutProblems(page: Page, state: string): Promise<string[]> {
  return page.evaluate((state) => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`${state}: page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
    for (const control of document.querySelectorAll<HTMLElement>('header.top button, header.top select, header.top a, header.top summary')) {
      if (control.offsetParent === null) continue; // hidden (e.g. folded into the phone menu)
      const style = getComputedStyle(control);
      const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5;
      const text = control.getBoundingClientRect().height - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom) - Number.parseFloat(style.borderTopWidth) - Number.parseFloat(style.borderBottomWidth);
      if (text > line * 1.5) problems.push(`${state}: "${control.textContent?.trim()}" wraps onto ${Math.round(text / line)} lines`);
    }
    return problems;
  }, state);
}

for (const [name, size] of [
  ['phone', { width: 360, height: 740 }],
  ['desktop', { width: 1440, height: 900 }],
] as const) {
  test(`${name} ${size.width}×${size.height}, English and Chinese: no horizontal scroll, header controls on one line each`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
    const problems: string[] = [];
    const inBothLanguages = async (state: string) => {
      for (const locale of ['en', 'zh-CN'] as const) {
        await page.getByTestId(`locale-${locale}`).click();
        problems.push(...(await layoutProblems(page, `${state} (${locale})`)));
      }
    };
    await inBothLanguages('empty');
    await page.getByTestId('open-settings').click();
    await inBothLanguages('settings');
    await page.getByTestId('settings-close').click();
    await chooseFile(page, SAMPLE);
    await expectDone(page);
    await inBothLanguages('done');
    expect(problems).toEqual([]);
  });
}
