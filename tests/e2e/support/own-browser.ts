import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { APP_PORT, CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../../../playwright.config.ts';

/**
 * A browser of the test's own, in a fresh profile folder whose path identifies its processes, so
 * that memory can be measured on this browser alone (support/memory.ts).
 */
export interface OwnBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly profile: string;
  close(): Promise<void>;
}

/** Launches Chromium with the suite's switches in a new profile folder. */
export async function launchOwnBrowser(): Promise<OwnBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'zimu-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: SYSTEM_CHROMIUM,
    args: CHROMIUM_ARGS,
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
