// A planner corrects features and tasks in the panel and on the map, as in Chromium against the
// built app: rename, add an attribute, move a station by a click, redraw a mine's outline (a
// crossing outline is refused with a Chinese reason, nothing lost), correct a task; a township
// user is offered no editing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { townshipUserId } from '../../data/generator/members';
import { launchChromium, openApp, screenshot, waitReady } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Clicks the map at these pixels: right of the legend (x > 270), left of the panel (x < 690). */
async function clickMap(page: Page, points: [number, number][]) {
  for (const [x, y] of points) {
    await page.mouse.click(x, y);
    // Each click is a corner: let the app take it before the next one.
    await page.waitForTimeout(400);
  }
}

describe('editing features and tasks (planner)', () => {
  it('renames a station, adds an attribute and moves it by a click on the map', async () => {
    const { page, errors, context } = await openApp(browser, '#/feature/station-1324A');
    await waitReady(page);
    await page.waitForSelector('[data-testid=feature-name]:has-text("岗李水库")');
    // Let the map settle on the station before clicking it.
    await page.waitForTimeout(1500);
    await page.click('[data-testid=feature-edit]');
    await page.waitForSelector('[data-testid=feature-editor]');

    // An empty name is refused before anything is sent, and the form keeps the rest.
    await page.fill('[data-testid=edit-name]', '   ');
    await page.click('[data-testid=edit-save]');
    expect(await page.textContent('[data-testid=edit-error]')).toBe('名称不能为空');

    await page.fill('[data-testid=edit-name]', '岗李水库（校核）');
    await page.click('[data-testid=edit-add-attribute]');
    const row = page.locator('[data-testid=edit-attributes] .attribute-row').last();
    await row.locator('input').first().fill('联系人');
    await row.locator('input').nth(1).fill('张三');

    await page.click('[data-testid=edit-draw]');
    await page.waitForSelector('[data-testid=draw-banner]');
    expect(await page.textContent('[data-testid=draw-banner]')).toContain('请在地图上点击要素的新位置');
    await clickMap(page, [[300, 420]]);
    await page.click('[data-testid=draw-done]');
    expect(await page.textContent('[data-testid=edit-shape-state]')).toContain('已在地图上选定新位置');
    await screenshot(page, '30-feature-edit-form');
    await page.click('[data-testid=edit-save]');

    await page.waitForSelector('[data-testid=feature-name]:has-text("岗李水库（校核）")');
    const facts = await page.textContent('[data-testid=feature-panel] .facts');
    expect(facts).toContain('联系人');
    expect(facts).toContain('张三');
    await page.click('[data-testid=history-show]');
    await page.waitForSelector('[data-testid=history-entry]');
    const newest = await page.locator('[data-testid=history-entry]').first().textContent();
    expect(newest).toContain('岗李水库（校核）');
    expect(newest).toContain('位置');
    // The search finds it by its new name (the map's data was read again).
    await page.fill('[data-testid=search-input]', '校核');
    await page.waitForSelector('[data-testid=search-results] li:has-text("岗李水库（校核）")');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
    await screenshot(page, '31-feature-edited');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("redraws a mine's outline: a crossing one is refused with its reason, a proper one is saved", async () => {
    const { page, errors, context } = await openApp(browser, '#/feature/mine-SB001');
    await waitReady(page);
    await page.waitForSelector('[data-testid=feature-name]:has-text("送表矿区")');
    await page.waitForTimeout(1500);
    await page.click('[data-testid=feature-edit]');
    await page.click('[data-testid=edit-draw]');
    expect(await page.textContent('[data-testid=draw-banner]')).toContain('已点 0 个');
    // A bow tie: the second and fourth corners cross.
    await clickMap(page, [
      [320, 300],
      [520, 480],
      [520, 300],
      [320, 480],
    ]);
    expect(await page.textContent('[data-testid=draw-banner]')).toContain('已点 4 个');
    await page.click('[data-testid=draw-done]');
    await page.click('[data-testid=edit-save]');
    expect(await page.textContent('[data-testid=edit-error]')).toContain('范围的边相互交叉');

    // Redraw: a slip is undone, then three corners make a triangle.
    await page.click('[data-testid=edit-draw]');
    await clickMap(page, [
      [320, 300],
      [540, 310],
      [620, 540],
    ]);
    await page.click('[data-testid=draw-undo]');
    expect(await page.textContent('[data-testid=draw-banner]')).toContain('已点 2 个');
    await clickMap(page, [[380, 500]]);
    await screenshot(page, '32-mine-outline-drawing');
    await page.click('[data-testid=draw-done]');
    expect(await page.textContent('[data-testid=edit-shape-state]')).toContain('已在地图上画好新范围');
    await page.click('[data-testid=edit-save]');
    await page.waitForSelector('[data-testid=feature-editor]', { state: 'detached' });
    await page.click('[data-testid=history-show]');
    await page.waitForSelector('[data-testid=history-entry]');
    expect(await page.locator('[data-testid=history-entry]').first().textContent()).toContain('位置');
    await page.waitForTimeout(1000);
    await screenshot(page, '33-mine-outline-saved');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('corrects a task: title and a new deadline; a number the plan already has is refused', async () => {
    const { page, errors, context } = await openApp(browser, '#/task/task-huiji-2017-air-35');
    await waitReady(page);
    await page.waitForSelector('[data-testid=task-edit]');
    await page.click('[data-testid=task-edit]');
    await page.fill('[data-testid=task-edit-number]', '3');
    await page.click('[data-testid=task-edit-save]');
    await page.waitForSelector('[data-testid=edit-error]');
    expect(await page.textContent('[data-testid=edit-error]')).toBe('本方案已有这个序号的任务，请换一个序号');

    await page.fill('[data-testid=task-edit-number]', '35');
    await page.fill('[data-testid=task-edit-title]', '站点周边道路机械化清扫');
    await page.click('[data-testid=task-add-deadline]');
    await page.locator('[data-testid=task-edit-deadline]').last().fill('2017-12-31');
    await page.click('[data-testid=task-edit-save]');
    await page.waitForSelector('[data-testid=task-editor]', { state: 'detached' });
    await page.waitForSelector('[data-testid=task-panel] h2:has-text("站点周边道路机械化清扫")');
    expect(await page.textContent('[data-testid=task-card]')).toContain('2017-12-31');
    await screenshot(page, '34-task-edited');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers a township user no editing', async () => {
    const { page, errors, context } = await openApp(browser, '#/feature/station-1324A');
    await waitReady(page);
    await page.selectOption('[data-testid=user-switch]', townshipUserId('410108105'));
    await page.goto(page.url().replace(/#.*$/, '#/task/task-huiji-2017-air-35'));
    await waitReady(page);
    await page.waitForSelector('[data-testid=task-panel] h2');
    expect(await page.locator('[data-testid=task-edit]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
