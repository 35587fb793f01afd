// Plans as Word 97–2003 files become the ledger's tasks: LibreOffice's .doc of a task table (merged
// cells, two-row header, cells of two paragraphs) and of a plan in prose (uploaded as a WPS .wps),
// a web page and a single-file web page saved as .doc, as office systems and Word write them; RTF
// files, named .rtf or served as .doc; and password-protected and damaged files refused with what to
// do instead.
import { readFileSync } from 'node:fs';
import CFB from 'cfb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { singleFileWebPage } from '../fixtures/doc/mht';
import { TABLE_DOC } from '../fixtures/doc/word97-fixtures';
import { launchChromium, openApp, screenshot, waitReady } from './harness';

const DOC = 'application/msword';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/doc/${name}`, import.meta.url));

/** The task table as a web page Word saved: rowspan and colspan for the merged cells. */
function tableHtml(): string {
  const { header, subHeader, rows } = TABLE_DOC;
  const top = header.map((h, i) => (i === 4 ? `<td colspan=2>${h}</td>` : `<td rowspan=2>${h}</td>`));
  const body = rows.map((row, r) =>
    row.map((text, c) => {
      if (text === null) return '';
      let span = 1;
      while (rows[r + span]?.[c] === null) span++;
      const paragraphs = text.split('\n').map((p) => `<p class=MsoNormal>${p}</p>`);
      return `<td${span > 1 ? ` rowspan=${span}` : ''}>${paragraphs.join('')}</td>`;
    }),
  );
  const tr = (cells: string[]) => `<tr>${cells.join('')}</tr>`;
  return `<html xmlns:w="urn:schemas-microsoft-com:office:word"><head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8"></head><body>
${TABLE_DOC.before.map((p) => `<p class=MsoNormal>${p}</p>`).join('\n')}
<table class=MsoTableGrid>${tr(top)}${tr(subHeader.map((h) => `<td>${h}</td>`))}${body.map(tr).join('')}</table>
${TABLE_DOC.after.map((p) => `<p class=MsoNormal>${p}</p>`).join('\n')}</body></html>`;
}

/** The page as Word's single-file web page: a MIME message, the page quoted-printable. */
function tableMht(): Buffer {
  const qp = [...Buffer.from(tableHtml(), 'utf8')]
    .map((b) =>
      b === 0x3d || b > 0x7e ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b),
    )
    .join('')
    .replace(/\n/g, '\r\n');
  return Buffer.from(singleFileWebPage(qp, 'utf-8'), 'latin1');
}

/** A copy of the .doc with the FIB's fEncrypted flag set, as a password-protected file has. */
function encryptedDoc(): Buffer {
  const container = CFB.read(fixture('word97-plan.doc'), { type: 'buffer' });
  const entry = CFB.find(container, '/WordDocument')!;
  const stream = Buffer.from(entry.content);
  stream[0x0b]! |= 0x01;
  entry.content = stream;
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Buffer);
}

async function upload(page: Page, name: string, buffer: Buffer, mimeType = DOC): Promise<void> {
  await page.setInputFiles('[data-testid=import-file]', { name, mimeType, buffer });
}

async function expectTableTasks(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=task-editor]');
  const tasks = page.locator('[data-testid=task-editor]');
  expect(await tasks.count()).toBe(5);
  expect(await page.inputValue('[data-testid=plan-doc-number]')).toBe('惠政办〔2026〕62号');
  const units = (n: number, role: string) =>
    tasks.nth(n).locator(`[data-testid=units-${role}]`).first().inputValue();
  // 牵头单位 merged down over three rows, then two.
  for (const [n, lead] of [
    '区住房城乡建设局',
    '区住房城乡建设局',
    '区住房城乡建设局',
    '区城管局',
    '区城管局',
  ].entries()) {
    expect(await units(n, 'lead_units'), `task ${n + 1}`).toBe(lead);
  }
  // A cell of two paragraphs: two units.
  expect(await units(0, 'cooperating_units')).toBe('区城管局、区生态环境分局');
  expect(await units(3, 'cooperating_units')).toBe('区交通运输局、区公安分局');
  const deadline = (n: number) => tasks.nth(n).locator('[data-testid=task-deadlines]').inputValue();
  expect([await deadline(0), await deadline(1), await deadline(3)]).toEqual([
    '2026-11-30',
    '2026-12-15',
    '2026-12-31',
  ]);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('导入方案 from Word 97–2003 files', () => {
  it('reads the task table of a .doc, merged cells and cells of two paragraphs', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await upload(page, '重点任务清单.doc', fixture('word97-task-table.doc'));
    await expectTableTasks(page);
    const second = page.locator('[data-testid=task-editor]').nth(1);
    await second.click();
    const marked = (await page.locator('[data-testid=import-source] li.on').allTextContents()).join('\n');
    expect(marked).toContain('2. 裸露地块苫盖。完成裸露地块排查和苫盖。完成时限：12月15日前。');
    expect(marked).toContain('牵头单位：区住房城乡建设局');
    await screenshot(page, '43-import-doc-table');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads a plan in prose from a WPS .wps: fields as their text, no header, footer or footnote', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await upload(page, '攻坚方案.wps', fixture('word97-plan.doc'), '');
    await page.waitForSelector('[data-testid=task-editor]');
    const tasks = page.locator('[data-testid=task-editor]');
    expect(await tasks.count()).toBe(3);
    expect(await page.inputValue('[data-testid=plan-title]')).toBe('惠济区2026年秋冬季大气污染防治攻坚方案');
    expect(await page.inputValue('[data-testid=plan-doc-number]')).toBe('惠政办〔2026〕61号');
    expect(await tasks.nth(0).locator('[data-testid=units-cooperating_units]').inputValue()).toBe(
      '区工业和信息化局、区发展改革委',
    );
    expect(await tasks.nth(2).locator('[data-testid=units-lead_units]').inputValue()).toBe(
      '区住房城乡建设局',
    );
    await tasks.nth(1).click();
    const source = (await page.locator('[data-testid=import-source] li').allTextContents()).join('\n');
    expect(source).toContain('排查结果在区政府网站公示。');
    expect(source).not.toMatch(/HYPERLINK|惠济区人民政府办公室文件|指每家企业/);
    await screenshot(page, '44-import-wps');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads a web page and a single-file web page saved as .doc', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await upload(page, '重点任务清单（网页）.doc', Buffer.from(tableHtml(), 'utf8'));
    await expectTableTasks(page);
    // Back to the text, so that the tasks shown next are the next file's.
    await page.click('[data-testid=import-edit-source]');
    await page.fill('[data-testid=import-text]', '');
    await upload(page, '重点任务清单（单个文件网页）.doc', tableMht());
    await expectTableTasks(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads RTF files, named .rtf or served as .doc', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await upload(page, '重点任务清单.rtf', fixture('libreoffice-task-table.rtf'), 'application/rtf');
    await expectTableTasks(page);
    await page.click('[data-testid=import-edit-source]');
    await page.fill('[data-testid=import-text]', '');
    await upload(page, '攻坚方案.doc', fixture('libreoffice-plan.rtf'));
    await page.waitForSelector('[data-testid=task-editor]');
    expect(await page.locator('[data-testid=task-editor]').count()).toBe(3);
    expect(await page.inputValue('[data-testid=plan-title]')).toBe('惠济区2026年秋冬季大气污染防治攻坚方案');
    const source = (await page.locator('[data-testid=import-source] li').allTextContents()).join('\n');
    expect(source).not.toMatch(/rtf1|fonttbl|HYPERLINK/);
    await screenshot(page, '46-import-rtf');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses password-protected and damaged files with what to do instead', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    const message = page.locator('[data-testid=import-message]');
    await upload(page, '加密方案.doc', encryptedDoc());
    await page.waitForSelector('[data-testid=import-message]:has-text("已加密")');
    expect(await message.textContent()).toContain('加密方案.doc');
    expect(await page.locator('[data-testid=task-editor]').count()).toBe(0);
    await screenshot(page, '45-import-doc-encrypted');
    // An RTF file with no text in it.
    await upload(page, '方案.doc', Buffer.from('{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}', 'latin1'));
    await page.waitForSelector('[data-testid=import-message]:has-text("是空的")');
    await upload(page, '损坏.doc', fixture('word97-task-table.doc').subarray(0, 4096));
    await page.waitForSelector('[data-testid=import-message]:has-text("无法读取文件")');
    expect(errors).toEqual([]);
    await context.close();
  });
});
