// Linking features to a task from the 台账 (搜索关联) as a planner does it, in Chromium against the
// built app: a mine of 登封市 is refused for a task of 惠济区's plan, with both districts named and
// nothing linked; a station of 惠济区 links, and the task's feature count follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, screenshot, waitReady } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const TASK = '开展重点行业深度治理';

async function linkBySearch(page: Page, q: string, name: string) {
  await page.fill('[data-testid=ledger-link-input]', q);
  await page.click(`[data-testid=ledger-link-hits] button:has(.hit-name:text-is("${name}"))`);
}

describe('linking from the 台账', () => {
  it("refuses a feature outside the plan's district and links one inside", async () => {
    const { page, errors, context } = await openApp(browser, '#/ledger');
    await waitReady(page);
    await page.waitForSelector('[data-testid=ledger]');
    await page.fill('[data-testid=ledger-q]', TASK);
    const row = page.locator(`[data-testid=ledger-row]:has-text("${TASK}")`);
    // The filter applies after a pause in typing: the list shrinks to the one task.
    await expect.poll(() => page.locator('[data-testid=ledger-row]').count(), { timeout: 30_000 }).toBe(1);
    await row.waitFor();
    const count = async () =>
      Number.parseInt((await row.locator('[data-testid=ledger-feature-count]').textContent())!, 10);
    const before = await count();

    await row.locator('[data-testid=ledger-search-link]').click();
    await linkBySearch(page, '西送表铝土', '送表矿区西送表铝土露天矿1号');
    const notice = page.locator('[data-testid=ledger-notice]');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toBe(
      '关联失败：“送表矿区西送表铝土露天矿1号”位于登封市，不在本方案所属的惠济区范围内，不能关联',
    );
    await screenshot(page, '40-ledger-link-outside');
    expect(await count()).toBe(before);

    await linkBySearch(page, '岗李水库', '岗李水库');
    await page.waitForSelector('[data-testid=ledger-notice][role=status]');
    expect(await notice.textContent()).toContain(`已将“岗李水库”关联到任务`);
    await expect.poll(count, { timeout: 30_000 }).toBe(before + 1);

    expect(errors).toEqual([]);
    await context.close();
  });
});
