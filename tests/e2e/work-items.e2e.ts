// 对账销号 as its users meet it, in Chromium against the built app: a township user sees only its
// own items and map features, reports progress with a photo and marks an item done; the command
// center verifies and closes it (销号); the record shows both steps; the township's weekly report
// downloads as Excel.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_COMMAND, townshipUserId } from '../../data/generator/members';
import { launchChromium, openApp, screenshot, waitReady } from './harness';

const GUXING = '410108105';
// A 2 × 2 PNG, as a phone's photo would arrive (small enough to be kept as it is).
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const count = async (page: Page, kind: string) =>
  Number((await page.textContent(`[data-testid=count-${kind}]`))?.replace(/,/g, '') ?? 'NaN');

async function switchUser(page: Page, id: string) {
  await page.selectOption('[data-testid=user-switch]', id);
}

describe('对账销号', () => {
  it('takes an item from a township report with a photo to 销号 by the command center', async () => {
    const { page, errors, context } = await openApp(browser);
    await waitReady(page);
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid=count-restaurant]')?.textContent?.replace(/,/g, '')) > 0,
    );
    const plannerRestaurants = await count(page, 'restaurant');

    // The township user: the app opens on 我的任务, with its own items only.
    await switchUser(page, townshipUserId(GUXING));
    await page.waitForSelector('[data-testid=work-panel]:has-text("我的任务 · 古荥镇")');
    await page.waitForSelector('[data-testid=work-row]');
    const rows = page.locator('[data-testid=work-row]');
    const rowTexts = await rows.allTextContents();
    expect(rowTexts.length).toBeGreaterThan(5);
    for (const text of rowTexts) expect(text).toContain('古荥镇');
    expect(await page.locator('[data-testid=work-row].work-row-overdue').count()).toBeGreaterThan(0);
    // The map shows the township's features only.
    await page.waitForFunction((before) => {
      const n = Number(
        document.querySelector('[data-testid=count-restaurant]')?.textContent?.replace(/,/g, ''),
      );
      return n > 0 && n < before;
    }, plannerRestaurants);
    await page.waitForTimeout(1000);
    await screenshot(page, '10-township-my-tasks');

    // Report progress with a photo, then mark it done.
    const first = rows.first();
    const itemId = await first.getAttribute('data-item-id');
    await first.locator('button').click();
    await page.waitForSelector(`[data-testid=item-panel][data-item-id="${itemId}"][data-status=not_started]`);
    await page.fill('[data-testid=action-note]', '已完成苫盖，正在复查');
    await page.setInputFiles('[data-testid=action-files]', {
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: PHOTO,
    });
    await page.waitForSelector('[data-testid=chosen-files]:has-text("现场照片.png")');
    await page.click('[data-testid=action-report]');
    await page.waitForSelector('[data-testid=item-panel][data-status=in_progress]');
    await page.waitForSelector('[data-testid=evidence-photo]');
    // Completing without a photo is refused before anything is sent, with a reason in Chinese.
    await page.click('[data-testid=action-complete]');
    expect(await page.textContent('[data-testid=action-error]')).toContain('至少一张照片');
    await page.fill('[data-testid=action-note]', '整改完成');
    await page.setInputFiles('[data-testid=action-files]', {
      name: '整改后.png',
      mimeType: 'image/png',
      buffer: PHOTO,
    });
    await page.click('[data-testid=action-complete]');
    await page.waitForSelector('[data-testid=item-panel][data-status=done]');
    expect(await page.locator('[data-testid=action-close]').count()).toBe(0);
    await screenshot(page, '11-township-done');

    // The weekly report of the township's items, as Excel.
    await page.click('[data-testid=item-back]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-weekly]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^古荥镇-\d{4}-W\d+-周报\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    // A copy: a small Buffer may be a view into a shared pool.
    await workbook.xlsx.load(new Uint8Array(readFileSync((await download.path())!)).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toMatch(/^古荥镇 \d{4}年第\d+周 攻坚任务周报/);
    expect(sheet.getRow(2).values).toEqual(
      expect.arrayContaining([
        '序号',
        '任务',
        '要素/点位',
        '责任单位',
        '时限',
        '状态',
        '进展情况',
        '最近更新',
        '逾期',
      ]),
    );
    const body = Array.from(
      { length: sheet.rowCount - 2 },
      (_, i) => sheet.getRow(i + 3).values as unknown[],
    );
    const total = Number(await page.textContent('[data-testid=work-tab-all] .tab-count'));
    expect(body.length).toBe(total);
    expect(body.some((r) => r.includes('整改完成') && r.includes('已完成（待复核）'))).toBe(true);

    // The command center verifies and closes it.
    await switchUser(page, DEMO_COMMAND);
    await page.click('[data-testid=open-work]');
    await page.waitForSelector('[data-testid=work-panel][data-tab=done]');
    await page.waitForSelector(`[data-testid=work-row][data-item-id="${itemId}"]`);
    await page.click(`[data-testid=work-row][data-item-id="${itemId}"] button`);
    await page.waitForSelector(`[data-testid=item-panel][data-item-id="${itemId}"][data-status=done]`);
    await page.fill('[data-testid=action-note]', '复核通过');
    await page.click('[data-testid=action-close]');
    await page.waitForSelector('[data-testid=item-panel][data-status=closed]');

    // The record shows both steps, by whom.
    const events = await page.locator('[data-testid=timeline-event]').allTextContents();
    expect(events[0]).toContain('复核销号');
    expect(events[0]).toContain('指挥中心（值班）');
    expect(events.some((e) => e.includes('提交完成') && e.includes('古荥镇'))).toBe(true);
    expect(events.some((e) => e.includes('报告进展') && e.includes('已完成苫盖'))).toBe(true);
    await screenshot(page, '12-command-closed');

    // The task's history has the township's step and the command center's.
    await page.click('[data-testid=item-panel] button:has-text("在地图上显示")');
    await page.waitForSelector('[data-testid=task-panel]');
    await page.click('[data-testid=history-show]');
    await page.waitForSelector('[data-testid=history-entry]');
    const history = await page.locator('[data-testid=history-entry]').allTextContents();
    expect(history.some((h) => h.includes('古荥镇') && h.includes('推进中 → 已完成（待复核）'))).toBe(true);
    expect(
      history.some((h) => h.includes('指挥中心（值班）') && h.includes('已完成（待复核） → 已销号')),
    ).toBe(true);
    await screenshot(page, '13-task-history');
    expect(errors).toEqual([]);
    await context.close();
  });
});
