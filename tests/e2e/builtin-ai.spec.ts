import { expect, test } from '@playwright/test';

/**
 * The browser's built-in AI provider is offered exactly where the browser has the APIs. Debian's
 * Chromium exposes Translator, Summarizer and LanguageDetector (with no model on this machine:
 * the summarizer reports 'unavailable'), so here it shows, with what each API says it can do; a
 * browser without them (the globals removed before the app starts) gets no such option. Its
 * adapter is unit-tested against a stand-in (src/lib/llm/builtin/*.test.ts): the real models
 * can't be downloaded here.
 */

test('offered with each API’s own availability where the browser has the built-in AI APIs', async ({ page }) => {
  await page.goto('/');
  const present = await page.evaluate(() => 'Translator' in self || 'Summarizer' in self);
  await page.getByTestId('open-llm-provider').click();
  await expect(page.getByTestId('llm-kind-builtin')).toHaveCount(present ? 1 : 0);
  test.skip(!present, 'this browser has no built-in AI APIs');
  await page.getByTestId('llm-kind-builtin').check();
  const states = page.getByTestId('llm-builtin-states').locator('dd');
  await expect(states).toHaveCount(3);
  const summarizer = await page.evaluate(async () => {
    const api: unknown = Reflect.get(self, 'Summarizer');
    const availability: unknown = typeof api === 'function' ? Reflect.get(api, 'availability') : undefined;
    return typeof availability === 'function' ? String(await availability.call(api)) : 'absent';
  });
  await expect(states.nth(1)).toHaveAttribute('data-state', summarizer);
  // Chosen and kept: the translation panel would use it (no setup hint about an API key).
  await page.reload();
  await page.getByTestId('open-llm-provider').click();
  await expect(page.getByTestId('llm-kind-builtin')).toBeChecked();
});

test('hidden where the browser lacks the APIs', async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ['Translator', 'Summarizer', 'LanguageDetector']) Reflect.deleteProperty(self, name);
  });
  await page.goto('/');
  await page.getByTestId('open-llm-provider').click();
  await expect(page.getByTestId('llm-kind-local')).toBeVisible();
  await expect(page.getByTestId('llm-kind-api')).toBeVisible();
  await expect(page.getByTestId('llm-kind-builtin')).toHaveCount(0);
});
