// A ledger longer than a page, as a planner meets it in Chromium: a plan of 520 tasks is pasted
// and saved; the ledger shows the first 500 with 再显示 20 项, then all of them; the Excel export
// holds every task, whatever the view shows.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, screenshot, waitReady } from './harness';

const TASKS = 520;
const DOC_NUMBER = '惠环攻坚〔2026〕52号';
const PLAN = [
  '郑州市惠济区环境污染防治攻坚战领导小组办公室',
  '关于印发惠济区2026年散乱污点位清零行动方案的通知',
  DOC_NUMBER,
  '',
  '惠济区2026年散乱污点位清零行动方案',
  '',
  '一、重点任务',
  ...Array.from({ length: TASKS }, (_, i) => [
    `${i + 1}.清零点位${i + 1}整治。12月31日前完成整治销号。`,
    '牵头单位：区环保局',
    '责任单位：各镇（街道）',
  ]).flat(),
].join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('台账 longer than a page', () => {
  it('shows 500 tasks, then the rest on request, and exports them all', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.fill('[data-testid=import-text]', PLAN);
    await page.click('[data-testid=import-parse]');
    await page.waitForSelector('[data-testid=task-editor]');
    expect(await page.locator('[data-testid=task-editor]').count()).toBe(TASKS);
    await page.click('[data-testid=import-save]');
    await page.waitForSelector('[data-testid=import-saved]', { timeout: 120_000 });
    expect(await page.textContent('[data-testid=import-saved]')).toContain(`${TASKS} 项任务`);

    await page.click('[data-testid=import-open-ledger]');
    await page.waitForSelector('[data-testid=ledger]');
    await page.fill('[data-testid=ledger-q]', DOC_NUMBER);
    // The whole ledger is longer than a page too: wait for the filter (applied after a pause in
    // typing) to count this plan's tasks.
    const summary = () => page.textContent('[data-testid=ledger-summary]');
    await expect.poll(summary, { timeout: 30_000 }).toContain(`共 ${TASKS} 项`);
    const rows = page.locator('[data-testid=ledger-row]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(500);
    expect(await page.textContent('[data-testid=show-more]')).toContain(`已显示 500 项，共 ${TASKS} 项`);
    expect(await page.textContent('[data-testid=show-more-button]')).toBe('再显示 20 项');
    await page.locator('[data-testid=show-more]').scrollIntoViewIfNeeded();
    await screenshot(page, '39-ledger-show-more');
    await page.click('[data-testid=show-more-button]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(TASKS);
    expect(await page.locator('[data-testid=show-more]').count()).toBe(0);
    expect(await rows.last().textContent()).toContain(`清零点位${TASKS}整治`);
    await rows.last().scrollIntoViewIfNeeded();
    await screenshot(page, '40-ledger-all-pages');

    // Another filter starts again from one page.
    await page.fill('[data-testid=ledger-q]', '清零点位');
    await expect.poll(summary, { timeout: 30_000 }).toContain(`共 ${TASKS} 项`);
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(500);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=ledger-export]'),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync((await download.path())!)).buffer);
    const titles = workbook.worksheets[0]!.getSheetValues()
      .flatMap((r) => (Array.isArray(r) ? r : []))
      .map(String)
      .filter((c) => /清零点位\d+整治/.test(c));
    expect(new Set(titles).size).toBe(TASKS);
    expect(errors).toEqual([]);
    await context.close();
  });
});
