import { expect, type Page } from '@playwright/test';
import type { OpenAiTestServer } from './openai-server.ts';

export const TEST_KEY = 'sk-zimu-test-3f9c1a7e5b2d4c6e8a0f';

export interface ProviderChoice {
  readonly key?: string;
  readonly model?: string;
  readonly timeoutSeconds?: number;
  readonly contextTokens?: number;
}

/** Points the app at the local OpenAI-compatible server through the AI provider panel, as a user would. */
export async function configureProvider(page: Page, server: OpenAiTestServer, choice: ProviderChoice = {}): Promise<void> {
  const panel = page.getByTestId('llm-provider');
  if (!(await panel.isVisible())) await page.getByTestId('open-llm-provider').click();
  await panel.getByTestId('llm-preset').selectOption('custom');
  await fillAndChange(page, 'llm-base-url', server.baseURL);
  await page.getByTestId('llm-api-key').fill(choice.key ?? TEST_KEY);
  await fillAndChange(page, 'llm-model', choice.model ?? 'zimu-test-chat');
  if (choice.timeoutSeconds !== undefined || choice.contextTokens !== undefined) {
    await panel.locator('details > summary').click();
    if (choice.timeoutSeconds !== undefined) await fillAndChange(page, 'llm-timeout', String(choice.timeoutSeconds));
    if (choice.contextTokens !== undefined) await fillAndChange(page, 'llm-context', String(choice.contextTokens));
  }
  await page.getByTestId('llm-provider-close').click();
}

/** Sets a translation option in the panel's advanced section. */
export async function setTranslationOption(page: Page, testId: 'translate-batch-size' | 'translate-context-lines', value: number): Promise<void> {
  const field = page.getByTestId(testId);
  if (!(await field.isVisible())) await page.getByTestId('translation').locator('details > summary').first().click();
  await fillAndChange(page, testId, String(value));
}

export async function fillAndChange(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(testId).dispatchEvent('change');
}

/** The error shown in one panel, by its code. */
export async function expectPanelError(page: Page, panel: 'translation' | 'summary', code: string): Promise<void> {
  await expect(page.getByTestId(panel).getByTestId('error')).toHaveAttribute('data-code', code);
}

/** The translation under each cue in the studio (stale mark left out), '…' where there is none yet. */
export async function shownTranslations(page: Page): Promise<string[]> {
  return page.getByTestId('cue').evaluateAll((rows) =>
    rows.map((row) => {
      const shown = row.querySelector('[data-testid="cue-translation"]');
      if (!shown) return '…';
      const copy = shown.cloneNode(true);
      if (copy instanceof Element) copy.querySelector('[data-testid="translation-stale"]')?.remove();
      return copy.textContent?.trim() ?? '';
    }),
  );
}
