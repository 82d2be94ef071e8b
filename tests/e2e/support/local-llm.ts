import { expect, type Page } from '@playwright/test';
import { fillAndChange } from './llm.ts';

/**
 * Chooses "In this browser" in the AI provider panel with a model id typed in (the test models
 * are not in the catalog), loads it with the panel's own button, and waits until it is ready.
 */
export async function useLocalModel(page: Page, modelId: string): Promise<void> {
  const panel = page.getByTestId('llm-provider');
  if (!(await panel.isVisible())) await page.getByTestId('open-llm-provider').click();
  await panel.getByTestId('llm-kind-local').check();
  await panel.getByTestId('llm-local-model').selectOption('');
  await fillAndChange(page, 'llm-local-id', modelId);
  const status = panel.getByTestId('llm-local-status');
  if ((await status.getAttribute('data-model')) !== modelId || (await status.getAttribute('data-status')) !== 'ready') {
    await panel.getByTestId('llm-local-load').click();
  }
  await expect(status).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await expect(status).toHaveAttribute('data-model', modelId);
}

/** The device and precision the in-browser model was loaded for, as the panel shows them. */
export async function localModelReady(page: Page): Promise<{ device: string | null; dtype: string | null; replaced: string | null }> {
  const status = page.getByTestId('llm-local-status');
  return { device: await status.getAttribute('data-device'), dtype: await status.getAttribute('data-dtype'), replaced: await status.getAttribute('data-replaced') };
}
