// Opening the app in Chromium for the end-to-end tests.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';

export { launchChromium } from '../../scripts/chromium';

export const SCREENSHOT_DIR = 'test-results/e2e';

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/** A fresh profile (empty IndexedDB) opened on the app at `hash`. */
export async function openApp(browser: Browser, hash = '', locale = 'zh-CN'): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 720 }, locale });
  // Software WebGL on two cores: a busy machine can take longer than Playwright's 30 s default.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${inject('baseUrl')}${hash}`);
  return { context, page, errors };
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('#root[data-state="ready"]', { timeout: 90_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}
