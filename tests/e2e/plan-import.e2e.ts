// A plan document becomes the ledger, as a planner does it in Chromium against the built app:
// paste the plan, check what was read beside the source, correct one unit, save, find the task in
// the ledger (台账) and export the dispatch table as Excel. Bad input gets a clear message.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, screenshot, waitReady } from './harness';

// A small plan in the style of the district plans: numbered sections and tasks, unit lines,
// deadlines, a standing rule. Its 文号 is not in the sample ledger.
const PLAN = `郑州市惠济区人民政府办公室
关于印发惠济区2026年冬季大气污染防治攻坚方案的通知
惠政办〔2026〕31号

各镇人民政府、街道办事处，区直各部门：
现将《惠济区2026年冬季大气污染防治攻坚方案》印发给你们，请认真贯彻落实。

惠济区2026年冬季大气污染防治攻坚方案

一、工作目标
全区PM2.5平均浓度不高于55微克/立方米，优良天数达到45天以上。

二、重点任务
（一）扬尘污染治理
1.建筑工地扬尘管控。严格落实“六个百分之百”，11月30日前完成全区在建工地视频监控联网。
牵头单位：区住建局
责任单位：各镇（街道）
2.裸露地块苫盖。12月15日前完成全区裸露地块排查和苫盖。
牵头单位：区城管执法局、区自然资源局
配合单位：区农委
责任单位：各镇（街道）
（二）燃煤污染治理
3.散煤清零。年底前完成剩余散煤用户清洁取暖改造。
牵头单位：区发改统计局
责任单位：各镇（街道）
`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('导入方案 → 台账', () => {
  it('refuses empty and binary input with a clear message', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.waitForSelector('[data-testid=import-view]');
    await page.click('[data-testid=import-parse]');
    expect(await page.textContent('[data-testid=import-message]')).toContain('没有内容');
    await page.setInputFiles('[data-testid=import-file]', {
      name: '方案.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
    });
    await page.waitForSelector('[data-testid=import-message]:has-text("不是文本文件")');
    await page.fill('[data-testid=import-text]', '今天天气很好。\n没有任何任务。');
    await page.click('[data-testid=import-parse]');
    expect(await page.textContent('[data-testid=import-message]')).toContain('没有识别出任务');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pastes a plan, corrects a unit, saves, finds the task in the ledger and exports it', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.fill('[data-testid=import-text]', PLAN);
    await page.click('[data-testid=import-parse]');
    await page.waitForSelector('[data-testid=task-editor]');
    expect(await page.locator('[data-testid=task-editor]').count()).toBe(3);
    expect(await page.inputValue('[data-testid=plan-doc-number]')).toBe('惠政办〔2026〕31号');
    expect(await page.inputValue('[data-testid=plan-title]')).toBe('惠济区2026年冬季大气污染防治攻坚方案');
    expect(await page.inputValue('[data-testid=import-district]')).toBe('410108');

    // Clicking a task marks the lines it came from.
    const second = page.locator('[data-testid=task-editor]').nth(1);
    await second.click();
    const marked = await page.locator('[data-testid=import-source] li.on').allTextContents();
    expect(marked.join('\n')).toContain('裸露地块苫盖');
    expect(marked.join('\n')).not.toContain('散煤清零');
    expect(await second.locator('[data-testid=task-deadlines]').inputValue()).toBe('2026-12-15');

    // The planner corrects a unit: the bureau has a new name.
    const lead = second.locator('[data-testid=units-lead_units]');
    expect(await lead.inputValue()).toBe('区城管执法局、区自然资源局');
    await lead.fill('区城市管理局、区自然资源局');
    await lead.blur();
    await screenshot(page, '20-import-review');

    await page.click('[data-testid=import-save]');
    await page.waitForSelector('[data-testid=import-saved]');
    expect(await page.textContent('[data-testid=import-saved]')).toContain('3 项任务');

    // Saving the same 文号 again offers to update, never duplicates.
    await page.click('[data-testid=import-save]');
    await page.waitForSelector('[data-testid=import-exists]');
    expect(await page.textContent('[data-testid=import-exists]')).toContain('惠政办〔2026〕31号');
    await page.click('[data-testid=import-exists] button.primary');
    await page.waitForSelector('[data-testid=import-saved]:has-text("已更新")');

    // The ledger has the task, with the corrected unit as printed by the planner.
    await page.click('[data-testid=import-open-ledger]');
    await page.waitForSelector('[data-testid=ledger]');
    await page.fill('[data-testid=ledger-q]', '裸露地块苫盖');
    // The new task is in the whole list too: the filter applies after a pause in typing, so wait
    // for the list to shrink to it.
    const rows = page.locator('[data-testid=ledger-row]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    await page.waitForSelector('[data-testid=ledger-row]:has-text("裸露地块苫盖")');
    const row = await rows.first().textContent();
    expect(row).toContain('区城市管理局');
    expect(row).not.toContain('区城管执法局');
    expect(row).toContain('各镇（街道）');
    await screenshot(page, '21-ledger');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=ledger-export]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    // A copy: a small Buffer may be a view into a shared pool.
    await workbook.xlsx.load(new Uint8Array(readFileSync((await download.path())!)).buffer);
    const sheet = workbook.worksheets[0]!;
    const cells = sheet
      .getSheetValues()
      .flatMap((r) => (Array.isArray(r) ? r : []))
      .map(String);
    for (const header of ['序号', '任务', '牵头单位', '责任单位', '时限', '进展情况', '状态']) {
      expect(cells).toContain(header);
    }
    const task = cells.find((c) => c.includes('裸露地块苫盖'));
    expect(task).toBeDefined();
    expect(cells).toContain('区城市管理局、区自然资源局');
    expect(cells.some((c) => c.includes('2026年12月15日'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
