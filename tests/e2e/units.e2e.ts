// 单位管理 as a planner meets it, in Chromium against the built app: the registry of 惠济区 with
// kinds, group coverage and usage; merging 区黄标办 into 区环保局 moves its assignments onto the
// kept unit and keeps the old name as an alias, and the merge is still there after a reload. Other
// roles read the registry but cannot merge. Renaming 区环保局 in place says why a name will not do
// (blank, too long, another unit's) and keeps the old name as an alias; a merge into it is undone
// with 拆分…, giving 区黄标办 back everything it had.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_COMMAND } from '../../data/generator/members';
import { launchChromium, openApp, screenshot, waitReady } from './harness';

const HUIJI = '410108';
const USAGE = ['lead', 'cooperating', 'responsible', 'items', 'features'] as const;
type Usage = Record<(typeof USAGE)[number], number>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const row = (page: Page, name: string) =>
  page.locator(`[data-testid=unit-row]:has([data-testid=unit-name]:text-is("${name}"))`);

async function usage(r: Locator): Promise<Usage> {
  const entries = await Promise.all(
    USAGE.map(async (k) => [k, Number(await r.locator(`[data-testid=unit-${k}]`).textContent())] as const),
  );
  return Object.fromEntries(entries) as Usage;
}

/** The registry page of 惠济区, once its rows are there. */
async function openHuiji(page: Page) {
  await page.waitForSelector('[data-testid=units]');
  await page.selectOption('[data-testid=units-district]', HUIJI);
  await row(page, '区环保局').waitFor();
}

describe('单位管理', () => {
  it('merges two units of 惠济区 into one, keeping the old name as an alias', async () => {
    const { page, errors, context } = await openApp(browser, '#/units');
    await waitReady(page);
    await openHuiji(page);

    // The registry as the sample data has it.
    expect(await row(page, '区城管执法局').count()).toBe(1);
    const group = row(page, '各镇（街道）');
    expect(await group.getAttribute('data-kind')).toBe('group');
    expect(await group.textContent()).toContain('全部乡镇（街道）');
    const old = row(page, '区黄标办');
    const kept = row(page, '区环保局');
    const oldId = (await old.getAttribute('data-unit-id'))!;
    const keptId = (await kept.getAttribute('data-unit-id'))!;
    const oldUsage = await usage(old);
    const keptUsage = await usage(kept);
    expect(oldUsage.lead + oldUsage.cooperating + oldUsage.responsible).toBeGreaterThan(0);
    expect(keptUsage.lead).toBeGreaterThan(0);
    expect(await kept.locator('[data-testid=unit-aliases]').textContent()).toBe('—');

    // The filters: by kind, and by part of a name in either width.
    await page.selectOption('[data-testid=units-kind]', 'group');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=unit-row]')].every(
        (r) => r.getAttribute('data-kind') === 'group',
      ),
    );
    expect(await page.locator('[data-testid=unit-row]').count()).toBeGreaterThan(0);
    await screenshot(page, '30-units-groups');
    await page.selectOption('[data-testid=units-kind]', '');
    await page.fill('[data-testid=units-q]', '黄标');
    await expect.poll(() => page.locator('[data-testid=unit-row]').count(), { timeout: 30_000 }).toBe(1);
    await page.fill('[data-testid=units-q]', '');
    await screenshot(page, '31-units-registry');

    // 合并到…: choose 区环保局 and read what will happen before confirming.
    await old.locator('[data-testid=unit-merge]').click();
    const chooser = page.locator('[data-testid=unit-merge-chooser]');
    await chooser.locator('[data-testid=unit-merge-q]').fill('环保');
    await chooser.locator('[data-testid=unit-merge-into]').selectOption(keptId);
    const assignments = oldUsage.lead + oldUsage.cooperating + oldUsage.responsible;
    expect(await chooser.locator('[data-testid=unit-merge-confirm-text]').textContent()).toBe(
      `将“区黄标办”并入“区环保局”：其 ${assignments} 条任务分工、${oldUsage.items} 个事项、` +
        `${oldUsage.features} 个要素改由“区环保局”负责；原名称作为别名保留，今后导入方案时自动识别；` +
        '各条分工仍保留方案原文中的名称。',
    );
    await screenshot(page, '32-units-merge-confirm');
    await chooser.locator('[data-testid=unit-merge-confirm]').click();

    // The old row goes; the kept one lists the old name and holds what the old one held.
    const notice = page.locator('[data-testid=units-notice]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      `已将“区黄标办”并入“区环保局”：转移任务分工 ${assignments} 条`,
    );
    await page.waitForSelector(`[data-testid=unit-row][data-unit-id="${oldId}"]`, { state: 'detached' });
    expect(await kept.locator('[data-testid=unit-aliases]').textContent()).toBe('区黄标办');
    const summed = Object.fromEntries(USAGE.map((k) => [k, keptUsage[k] + oldUsage[k]]));
    expect(await usage(kept)).toEqual(summed);
    await screenshot(page, '33-units-merged');

    // Kept in the local database: the same after a reload.
    await page.reload();
    await waitReady(page);
    await openHuiji(page);
    expect(await row(page, '区黄标办').count()).toBe(0);
    expect(await page.locator(`[data-testid=unit-row][data-unit-id="${oldId}"]`).count()).toBe(0);
    expect(await kept.locator('[data-testid=unit-aliases]').textContent()).toBe('区黄标办');
    expect(await usage(kept)).toEqual(summed);
    // The alias finds the kept unit.
    await page.fill('[data-testid=units-q]', '黄标办');
    await expect.poll(() => page.locator('[data-testid=unit-row]').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('[data-testid=unit-row]').getAttribute('data-unit-id')).toBe(keptId);

    // The command center reads the registry but cannot merge.
    await page.selectOption('[data-testid=user-switch]', DEMO_COMMAND);
    await openHuiji(page);
    expect(await page.locator('[data-testid=unit-merge]').count()).toBe(0);
    await screenshot(page, '34-units-command');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('renames a unit in place and splits a merged unit out again', async () => {
    const { page, errors, context } = await openApp(browser, '#/units');
    await waitReady(page);
    await openHuiji(page);
    const kept = row(page, '区环保局');
    const keptId = (await kept.getAttribute('data-unit-id'))!;
    const keptRow = page.locator(`[data-testid=unit-row][data-unit-id="${keptId}"]`);
    const keptUsage = await usage(keptRow);

    // 重命名: what is typed is checked at once, in words.
    await keptRow.locator('[data-testid=unit-rename-open]').click();
    const input = keptRow.locator('[data-testid=unit-rename-input]');
    const message = keptRow.locator('[data-testid=unit-rename-message]');
    const save = keptRow.locator('[data-testid=unit-rename-save]');
    expect(await input.inputValue()).toBe('区环保局');
    await input.fill(' ');
    expect(await message.textContent()).toBe('请输入单位名称');
    expect(await save.isDisabled()).toBe(true);
    await input.fill('局'.repeat(51));
    expect(await message.textContent()).toBe('单位名称不能超过 50 个字');
    await input.fill('区 城管执法局');
    expect(await message.textContent()).toBe('本区（县、市）的“区城管执法局”已使用这个名称或别名');
    expect(await save.isDisabled()).toBe(true);
    await message.scrollIntoViewIfNeeded();
    await screenshot(page, '35-units-rename-taken');
    await input.fill('郑州市生态环境局惠济分局');
    expect(await message.textContent()).toBe(
      '原名称“区环保局”将作为别名保留，今后导入方案时自动识别；各条分工仍保留方案原文中的名称。',
    );
    await input.press('Enter');
    const notice = page.locator('[data-testid=units-notice-text]');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      '已将“区环保局”更名为“郑州市生态环境局惠济分局”；“区环保局”作为别名保留，今后导入方案时自动识别。',
    );
    const renamed = row(page, '郑州市生态环境局惠济分局');
    await renamed.waitFor();
    expect(await renamed.getAttribute('data-unit-id')).toBe(keptId);
    expect(await renamed.locator('[data-testid=unit-aliases]').textContent()).toBe('区环保局');
    expect(await usage(renamed)).toEqual(keptUsage);

    // Merge 区黄标办 into it, then take the merge back with 拆分….
    const old = row(page, '区黄标办');
    const oldId = (await old.getAttribute('data-unit-id'))!;
    const oldUsage = await usage(old);
    await old.locator('[data-testid=unit-merge]').click();
    const chooser = page.locator('[data-testid=unit-merge-chooser]');
    await chooser.locator('[data-testid=unit-merge-into]').selectOption(keptId);
    await chooser.locator('[data-testid=unit-merge-confirm]').click();
    await page.waitForSelector(`[data-testid=unit-row][data-unit-id="${oldId}"]`, { state: 'detached' });
    expect(await notice.textContent()).toContain('如合并有误，可点“拆分…”撤销。');
    expect(await renamed.locator('[data-testid=unit-aliases]').textContent()).toBe('区环保局、区黄标办');

    await renamed.locator('[data-testid=unit-unmerge-open]').click();
    const panel = page.locator('[data-testid=unit-unmerge]');
    const confirm = panel.locator('[data-testid=unit-unmerge-confirm]');
    expect(await confirm.isDisabled()).toBe(true);
    const merge = panel.locator('[data-testid=unit-unmerge-item]');
    expect(await merge.count()).toBe(1);
    expect(await merge.locator('.units-unmerge-name').textContent()).toBe('区黄标办');
    await merge.locator('[data-testid=unit-unmerge-choose]').click();
    expect(await panel.locator('[data-testid=unit-unmerge-confirm-text]').textContent()).toBe(
      '将“区黄标办”从“郑州市生态环境局惠济分局”中拆分出来，恢复为独立单位：合并时转给“郑州市生态环境局惠济分局”的' +
        '任务分工、事项和要素交还“区黄标办”，“区黄标办”不再是“郑州市生态环境局惠济分局”的别名。' +
        '合并后已被调整过的分工、事项和要素保持现状。',
    );
    await screenshot(page, '36-units-unmerge-confirm');
    await confirm.click();

    await row(page, '区黄标办').waitFor();
    const assignments = oldUsage.lead + oldUsage.cooperating + oldUsage.responsible;
    expect(await notice.textContent()).toBe(
      `已将“区黄标办”从“郑州市生态环境局惠济分局”中拆分出来：交还任务分工 ${assignments} 条、` +
        `事项 ${oldUsage.items} 个、要素 ${oldUsage.features} 个。`,
    );
    const split = async () => {
      expect(await row(page, '区黄标办').getAttribute('data-unit-id')).toBe(oldId);
      expect(await usage(row(page, '区黄标办'))).toEqual(oldUsage);
      expect(await usage(renamed)).toEqual(keptUsage);
      expect(await renamed.locator('[data-testid=unit-aliases]').textContent()).toBe('区环保局');
      expect(await renamed.locator('[data-testid=unit-unmerge-open]').count()).toBe(0);
    };
    await split();
    await screenshot(page, '37-units-split');

    // Kept in the local database.
    await page.reload();
    await waitReady(page);
    await page.waitForSelector('[data-testid=units]');
    await page.selectOption('[data-testid=units-district]', HUIJI);
    await renamed.waitFor();
    await split();

    expect(errors).toEqual([]);
    await context.close();
  });
});
