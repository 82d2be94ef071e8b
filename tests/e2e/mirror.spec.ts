import path from 'node:path';
import { expect, test } from '@playwright/test';
import { MEDIA } from './support/app.ts';

test('where huggingface.co does not answer, the first run offers the mirror within seconds, and the choice is remembered', async ({ page }) => {
  // The suite's browser resolves no host but loopback, as a network that blocks the hub would.
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).host));
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(path.join(MEDIA, 'clip-10s.mp4'));
  await expect(page.getByTestId('mirror-offer')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('mirror-offer')).toContainText('huggingface.co');
  expect(asked).toContain('huggingface.co');

  await page.getByTestId('mirror-use').click();
  await expect(page.getByTestId('mirror-offer')).toHaveCount(0);
  await page.reload();
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('setting-host')).toHaveValue('https://hf-mirror.com');
});
