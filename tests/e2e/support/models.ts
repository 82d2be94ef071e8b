import { statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { TEST_MODELS } from '../../fixtures/models/generate.ts';
import { MODEL_CACHE_NAME } from '../../../src/lib/storage/model-cache.ts';
import { ROOT } from './app.ts';

/** Where the model server's generated models are, in the hub's layout. */
export const MODELS_OUT = path.join(ROOT, 'tests/fixtures/models/out');
export const modelDir = (modelId: string): string => path.join(MODELS_OUT, modelId);
export const SCRIPTED_DIR = modelDir(TEST_MODELS.scripted);

/** Total size on disk of some of a model folder's files. */
export function bytesOnDisk(dir: string, files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0);
}

/** The URLs in transformers.js' browser cache, read by the page itself (not through the UI). */
export async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => request.url).sort();
  }, MODEL_CACHE_NAME);
}

/** Opens the settings, where the models panel and picker live, unless they are open already. */
export async function openModels(page: Page): Promise<void> {
  if (!(await page.getByTestId('models-panel').isVisible())) await page.getByTestId('open-settings').click();
}

/** The row of a cached model in the models panel. */
export const cachedRow = (page: Page, modelId: string) => page.locator(`[data-testid="cached-model"][data-model-id="${modelId}"]`);
