import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, openApp, SAMPLE } from './support/app.ts';

/**
 * axe-core's rules on every main state of the page, in both languages and both colour schemes:
 * no serious or critical violation anywhere. The states: empty; the settings, AI provider, library
 * and network panels; a run in progress; a finished run in the studio.
 */

interface Finding {
  readonly state: string;
  readonly rule: string;
  readonly impact: string;
  readonly targets: string[];
}

/**
 * Every rule runs in English/light and Chinese/dark; the other two pairings run the one rule that
 * depends on the colour scheme (contrast), which keeps the spec's time in check: the rest don't
 * change with the scheme, and each language gets them all once.
 */
let contrastOnly = false;

async function audit(page: Page, state: string): Promise<Finding[]> {
  const builder = new AxeBuilder({ page });
  const rules = contrastOnly ? builder.withRules(['color-contrast']) : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  const results = await rules.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ state, rule: violation.id, impact: violation.impact ?? '', targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
}

async function toggle(page: Page, opener: string, panel: string, state: string): Promise<Finding[]> {
  await page.getByTestId(opener).click();
  await expect(page.getByTestId(panel)).toBeVisible();
  const found = await audit(page, state);
  await page.getByTestId(opener).click();
  return found;
}

for (const locale of ['en', 'zh-CN'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no serious or critical axe violation in any main state (${locale}, ${colorScheme})`, async ({ page }) => {
      contrastOnly = (locale === 'en') !== (colorScheme === 'light');
      await page.emulateMedia({ colorScheme });
      await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
      await page.getByTestId(`locale-${locale}`).click();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const findings: Finding[] = [];
      findings.push(...(await audit(page, 'empty')));
      findings.push(...(await toggle(page, 'open-settings', 'settings', 'settings')));
      findings.push(...(await toggle(page, 'open-llm-provider', 'llm-provider', 'provider')));
      findings.push(...(await toggle(page, 'open-library', 'library-panel', 'library')));
      findings.push(...(await toggle(page, 'open-privacy', 'privacy-panel', 'network')));

      await chooseFile(page, SAMPLE);
      await expect(page.getByTestId('progress')).toBeVisible();
      findings.push(...(await audit(page, 'running')));
      await expectDone(page);
      findings.push(...(await audit(page, 'done')));
      if (locale === 'en' && colorScheme === 'light') {
        // The audit reads the live page: a nameless button added now is found.
        await page.evaluate(() => document.body.append(document.createElement('button')));
        expect((await audit(page, 'probe')).map((finding) => finding.rule)).toContain('button-name');
      }
      expect(findings).toEqual([]);
    });
  }
}
