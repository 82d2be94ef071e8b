import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MEDIA, openApp, ROOT } from './support/app.ts';
import { configureProvider } from './support/llm.ts';
import { OpenAiTestServer } from './support/openai-server.ts';

/**
 * The README's screenshots, made from the e2e fixtures so they show the app as it is: the studio
 * after a run on the 3-minute speech fixture with its translation, in light and dark, Chinese and
 * English, on a phone and a desktop. `npm run screenshots` writes them to docs/screenshots/.
 * (The scripted test model's text is English lines; the translation comes from the local test
 * server that speaks the chat-completions protocol.)
 */
const OUT = path.join(ROOT, 'docs/screenshots');
const server = new OpenAiTestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());

const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 360, height: 740 } } as const;

for (const [device, size] of Object.entries(SIZES)) {
  for (const locale of ['en', 'zh-CN'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`screenshot ${device} ${locale} ${scheme} @screenshots`, async ({ page }) => {
        mkdirSync(OUT, { recursive: true });
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
        await page.getByTestId(`locale-${locale}`).click();
        await page.getByTestId('first-visit-dismiss').click();
        await configureProvider(page, server);
        await chooseFile(page, path.join(MEDIA, 'clip-10s.mp4'));
        await expectDone(page);
        await page.getByTestId('translate-start').click();
        await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
        if (await page.getByTestId('engine-advice-dismiss').isVisible()) await page.getByTestId('engine-advice-dismiss').click();
        // The desktop shows the whole page from the top; the phone, the studio.
        if (device === 'phone') await page.getByTestId('preview').scrollIntoViewIfNeeded();
        else await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(OUT, `${device}-${locale}-${scheme}.png`) });
      });
    }
  }
}
