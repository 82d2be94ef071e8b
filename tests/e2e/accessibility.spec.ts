import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, openApp, SAMPLE } from './support/app.ts';

/**
 * axe-core's rules on every main state of the page, in both languages and both colour schemes:
 * no serious or critical violation anywhere. The states: empty; the settings, AI provider, library,
 * network and queue panels; a run in progress; a finished run in the studio.
 */

interface Finding {
  readonly state: string;
  readonly rule: string;
  readonly impact: string;
  readonly targets: string[];
}

type Scheme = 'light' | 'dark';

/**
 * Every rule runs in English/light and Chinese/dark; the other two pairings run the one rule that
 * depends on the colour scheme (contrast), which keeps the spec's time in check: the rest don't
 * change with the scheme, and each language gets them all once. One page per language: the
 * scheme is switched on it (as the system or the header's switch would), and one run serves both.
 */
async function audit(page: Page, state: string, locale: string, scheme: Scheme): Promise<Finding[]> {
  await page.emulateMedia({ colorScheme: scheme });
  // Colours that change with the scheme may be mid-transition (the drop zone's): measure the end.
  await page.evaluate(() => Promise.all(document.getAnimations().filter((animation) => animation instanceof CSSTransition).map((animation) => animation.finished.catch(() => undefined))));
  const builder = new AxeBuilder({ page });
  const contrastOnly = (locale === 'en') !== (scheme === 'light');
  const rules = contrastOnly ? builder.withRules(['color-contrast']) : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  const results = await rules.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ state: `${state} (${locale}, ${scheme})`, rule: violation.id, impact: violation.impact ?? '', targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
}

/** The state as it stands, audited in both schemes. */
async function auditBoth(page: Page, state: string, locale: string): Promise<Finding[]> {
  return [...(await audit(page, state, locale, 'light')), ...(await audit(page, state, locale, 'dark'))];
}

async function toggle(page: Page, opener: string, panel: string, state: string, locale: string): Promise<Finding[]> {
  await page.getByTestId(opener).click();
  await expect(page.getByTestId(panel)).toBeVisible();
  const found = await auditBoth(page, state, locale);
  await page.getByTestId(opener).click();
  return found;
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`no serious or critical axe violation in any main state, light and dark (${locale})`, async ({ page }) => {
    await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
    await page.getByTestId(`locale-${locale}`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    const findings: Finding[] = [];
    findings.push(...(await auditBoth(page, 'empty', locale)));
    findings.push(...(await toggle(page, 'open-settings', 'settings', 'settings', locale)));
    findings.push(...(await toggle(page, 'open-llm-provider', 'llm-provider', 'provider', locale)));
    findings.push(...(await toggle(page, 'open-library', 'library-panel', 'library', locale)));
    findings.push(...(await toggle(page, 'open-privacy', 'privacy-panel', 'network', locale)));
    findings.push(...(await toggle(page, 'open-queue', 'queue-panel', 'queue', locale)));

    await chooseFile(page, SAMPLE);
    await expect(page.getByTestId('progress')).toBeVisible();
    findings.push(...(await auditBoth(page, 'running', locale)));
    await expectDone(page);
    findings.push(...(await auditBoth(page, 'done', locale)));
    if (locale === 'en') {
      // The audit reads the live page: a nameless button added now is found.
      await page.evaluate(() => document.body.append(document.createElement('button')));
      expect((await audit(page, 'probe', locale, 'light')).map((finding) => finding.rule)).toContain('button-name');
    }
    expect(findings).toEqual([]);
  });
}

interface FocusStop {
  readonly testId: string;
  readonly text: string;
  readonly visible: boolean;
}

/** Presses Tab until the focused element matches, noting each stop and whether its focus shows. */
async function tabTo(page: Page, matches: (stop: FocusStop) => boolean, stops: FocusStop[]): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((): FocusStop => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement) || element === document.body) return { testId: '', text: '', visible: true };
      // A <video>'s own controls take focus inside it and draw their own ring.
      if (element instanceof HTMLMediaElement) return { testId: element.dataset.testid ?? '', text: '', visible: true };
      const style = getComputedStyle(element);
      const visible = (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return { testId: element.dataset.testid ?? '', text: (element.textContent ?? element.getAttribute('aria-label') ?? '').trim(), visible };
    });
    stops.push(stop);
    if (matches(stop)) return;
  }
  throw new Error(`not reached by Tab; stops: ${stops.map((s) => s.testId || s.text).join(' → ')}`);
}

test('keyboard only: from choosing a file to saving its SRT, with visible focus at every stop', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await page.locator('body').focus();
  const stops: FocusStop[] = [];
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, (stop) => stop.text === 'Choose a file', stops);
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(SAMPLE);
  await expectDone(page);
  await tabTo(page, (stop) => stop.testId === 'export-menu-button', stops);
  await page.keyboard.press('Enter');
  await tabTo(page, (stop) => stop.testId === 'download-srt', stops);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.srt$/);
  expect(stops.filter((stop) => !stop.visible)).toEqual([]);
});
