// Chromium for the end-to-end tests: Debian's build, never a downloaded one, with the flags this
// machine needs (no sandbox as root, no GPU: WebGL through SwiftShader, no background network).
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOT_DIR = 'test-results/e2e';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
    ],
  });
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/** A fresh profile (empty IndexedDB) opened on the app at `hash`. */
export async function openApp(browser: Browser, hash = '', locale = 'zh-CN'): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 720 }, locale });
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
