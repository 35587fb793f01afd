// The map ledger as a user meets it, in Chromium against the built app.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { FEATURE_KINDS } from '../../src/domain/feature/kinds';
import { launchChromium, openApp, screenshot, waitReady } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the map ledger', () => {
  it('starts on the embedded database with no console errors and lists every layer', async () => {
    const { page, errors, context } = await openApp(browser);
    // The map and the legend are there before the database is.
    await page.waitForSelector('[data-testid=legend]');
    expect(await page.getAttribute('#root', 'data-state')).toBe('loading');
    await waitReady(page);
    await page.waitForSelector('#root[data-map-painted="true"]');
    for (const kind of [...FEATURE_KINDS, 'control_zone']) {
      await page.waitForSelector(`[data-testid=legend] li[data-layer=${kind}]`);
    }
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid=count-station]')?.textContent?.replace(/,/g, '')) > 0,
    );
    const legend = await page.textContent('[data-testid=legend]');
    for (const name of [
      '监测站点',
      '站点一公里管控区',
      '渣土车/商砼车禁行区',
      '高污染燃料禁燃区',
      '入河排污口',
      '露天矿山',
      '工业企业',
      '建筑工地',
      '餐饮单位',
    ]) {
      expect(legend).toContain(name);
    }
    expect(await page.textContent('[data-testid=count-restaurant]')).toMatch(/^[\d,]+$/);
    await page.waitForTimeout(1500);
    await screenshot(page, '01-overview');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens 岗李水库 from its permalink with control-zone sources and tasks with units', async () => {
    const { page, errors, context } = await openApp(browser, '#/feature/station-1324A');
    await waitReady(page);
    await page.waitForSelector('[data-testid=feature-name]:has-text("岗李水库")');
    expect(await page.textContent('[data-testid=feature-panel]')).toContain('国控');
    await page.waitForSelector('[data-testid=zone-total]');
    expect(await page.textContent('[data-testid=zone-total]')).toMatch(/共 \d+ 个/);
    expect(await page.locator('.zone-counts li').count()).toBeGreaterThan(0);
    const task = page.locator('[data-testid=task-card]').first();
    await task.waitFor();
    const taskText = await task.textContent();
    expect(taskText).toContain('惠政〔2017〕2号');
    expect(taskText).toContain('牵头单位');
    expect(taskText).toContain('区环保局');
    expect(taskText).toContain('责任单位');
    expect(taskText).toContain('各镇（街道）');
    await page.waitForTimeout(1500);
    await screenshot(page, '02-station-permalink');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('highlights every feature of a task and lists them (挂图作战)', async () => {
    const { page, errors, context } = await openApp(browser, '#/feature/sewage_outlet-WD001');
    await waitReady(page);
    const card = page.locator('[data-testid=task-card]').first();
    await card.waitFor();
    await card.locator('[data-testid=task-show]').click();
    await page.waitForSelector('[data-testid=task-panel]');
    expect(page.url()).toContain('#/task/task-weidong-2021-60day-22');
    await page.waitForSelector('[data-testid=task-feature-list] li');
    const listed = await page.locator('[data-testid=task-feature-list] li').count();
    expect(listed).toBe(16);
    await page.waitForSelector(`.app[data-highlighted="${listed}"]`);
    await page.waitForTimeout(1500);
    await screenshot(page, '03-task-highlight');
    // Opening one of the listed features keeps the task highlighted.
    await page.locator('[data-testid=task-feature-list] li button').first().click();
    await page.waitForSelector('[data-testid=feature-panel]');
    await page.waitForSelector('[data-testid=highlight-banner]');
    expect(await page.getAttribute('.app', 'data-highlighted')).toBe(String(listed));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the panel of a feature clicked on the map', async () => {
    const { page, errors, context } = await openApp(browser, '#/feature/station-1324A');
    await waitReady(page);
    await page.waitForSelector('[data-testid=feature-name]:has-text("岗李水库")');
    await page.click('[data-testid=panel-close]');
    await page.waitForSelector('[data-testid=feature-panel]', { state: 'detached' });
    await page.waitForTimeout(1500); // the fit animation has ended and the map is idle
    // The map fitted the station into the middle of the area the panels leave free
    // (padding left 280, right 420, top 80, bottom 60 of 1100 × 720).
    await page.mouse.click(480, 370);
    await page.waitForSelector('[data-testid=feature-name]:has-text("岗李水库")');
    expect(page.url()).toContain('#/feature/station-1324A');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds 新华旅馆 by name and opens it', async () => {
    const { page, errors, context } = await openApp(browser);
    await waitReady(page);
    await page.fill('[data-testid=search-input]', '新华旅馆');
    const hit = page.locator('[data-testid=search-results] button', { hasText: '新华旅馆' });
    await hit.first().waitFor();
    await screenshot(page, '04-search');
    await hit.first().click();
    await page.waitForSelector('[data-testid=feature-name]:has-text("新华旅馆")');
    expect(page.url()).toContain('#/feature/station-1832A');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when a permalink names no feature', async () => {
    const { page, errors, context } = await openApp(browser, '#/feature/station-NOPE');
    await waitReady(page);
    await page.waitForSelector('[data-testid=not-found]');
    expect(await page.textContent('[data-testid=not-found]')).toContain('station-NOPE');
    expect(await page.getAttribute('#root', 'data-state')).toBe('ready');
    await screenshot(page, '05-unknown-permalink');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to English and back', async () => {
    const { page, context } = await openApp(browser);
    await page.click('[data-testid=language-switch]');
    expect(await page.textContent('[data-testid=legend]')).toContain('Monitoring stations');
    await page.click('[data-testid=language-switch]');
    expect(await page.textContent('[data-testid=legend]')).toContain('监测站点');
    await context.close();
  });

  it('shows a database start failure with retry, and retry recovers', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1100, height: 720 } });
    // As openApp's contexts: a loaded CI machine can take longer than playwright's 30 s default.
    fresh.setDefaultTimeout(60_000);
    const p = await fresh.newPage();
    await p.route('**/db/tuzhang.tar.gz', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await p.goto(`${inject('baseUrl')}#/feature/station-1324A`);
    await p.waitForSelector('#root[data-state="error"]', { timeout: 60_000 });
    await p.waitForSelector('[data-testid=startup-error]');
    expect(await p.textContent('[data-testid=startup-error]')).toContain('数据库启动失败');
    await screenshot(p, '06-startup-error');
    await p.unroute('**/db/tuzhang.tar.gz');
    await p.click('[data-testid=startup-error] button:has-text("重试")');
    await waitReady(p);
    await p.waitForSelector('[data-testid=feature-name]:has-text("岗李水库")');
    await fresh.close();
  });
});
