import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { formatBytes } from '../../src/lib/components/models/format-bytes.ts';
import { modelFiles } from '../../src/lib/transcription/catalog.ts';
import { dtypeFor } from '../../src/lib/transcription/models.ts';
import { MODEL_HOST, openApp } from './support/app.ts';
import { bytesOnDisk, modelDir } from './support/models.ts';

test('a first visit says what happens to the file and which model comes from where, sending nothing until the size is asked for', async ({ page, baseURL }) => {
  const requested: string[] = [];
  page.context().on('request', (request) => requested.push(request.url()));
  await page.goto('/');
  const card = page.getByTestId('first-visit');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Your file stays on this device');
  await expect(page.getByTestId('first-visit-model')).toContainText('Whisper base from huggingface.co');
  // Longer than the size estimate's settling time: still nothing but the app itself was asked.
  await page.waitForTimeout(1500);
  const appOrigin = new URL(baseURL ?? '').origin;
  expect(requested.filter((url) => url.startsWith('http') && new URL(url).origin !== appOrigin)).toEqual([]);

  // It follows the settings, and the size comes from the same estimate as the model picker's.
  await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm' });
  await expect(page.getByTestId('first-visit-model')).toContainText(`${TEST_MODELS.micro} from ${new URL(MODEL_HOST).host}`);
  await page.getByTestId('first-visit-check-size').click();
  const size = page.getByTestId('first-visit-size');
  const expected = bytesOnDisk(modelDir(TEST_MODELS.micro), modelFiles(dtypeFor('wasm')));
  await expect(size).toHaveAttribute('data-status', 'known');
  await expect(size).toHaveAttribute('data-bytes', String(expected));
  await expect(size).toContainText(formatBytes(expected));

  // On a phone the model id wraps inside the card instead of widening it.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await card.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  if (viewport) await page.setViewportSize(viewport);

  // In Chinese too.
  await page.getByTestId('locale-zh-CN').click();
  await expect(card).toContainText('文件只留在本机');
  await page.getByTestId('locale-en').click();

  // Dismissed, it stays closed on the next visit, and "How it works" brings it back.
  await page.getByTestId('first-visit-dismiss').click();
  await expect(card).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('first-visit-open')).toBeVisible();
  await expect(card).toHaveCount(0);
  await page.getByTestId('first-visit-open').click();
  await expect(card).toBeVisible();
});
