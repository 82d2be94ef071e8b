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
  /** Closes the browser and deletes its profile, unless it is kept for a restart. */
  close(keep?: { readonly profile: boolean }): Promise<void>;
}

/** Launches Chromium with the suite's switches in a new profile folder. */
export interface OwnBrowserOptions {
  readonly baseURL?: string;
  /** Service workers are blocked unless a test is about them (as in playwright.config.ts). */
  readonly serviceWorkers?: 'allow' | 'block';
  /** Reopen this profile folder (a browser restart) instead of a new one. */
  readonly profile?: string;
}

export async function launchOwnBrowser(options: OwnBrowserOptions = {}): Promise<OwnBrowser> {
  const profile = options.profile ?? mkdtempSync(path.join(tmpdir(), 'zimu-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: SYSTEM_CHROMIUM,
    args: CHROMIUM_ARGS,
    baseURL: options.baseURL ?? `http://127.0.0.1:${APP_PORT}`,
    acceptDownloads: true,
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profile,
    close: async (keep = { profile: false }) => {
      await context.close();
      if (!keep.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
