// A plan published as PDF becomes the ledger's tasks: PDFs printed by Chromium itself at test time
// (fonts embedded, three pages with page numbers in the footers), one written by hand the way older
// government PDFs are (宋体 named, not embedded: its text reads only through the CMaps the app
// serves itself), and a scan-like PDF with no text layer, which is refused with a clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { linesPdf } from '../fixtures/pdf';
import { launchChromium, openApp, screenshot, waitReady } from './harness';

const PLAN_LINES = [
  '郑州市惠济区人民政府办公室',
  '关于印发惠济区2026年秋冬季扬尘污染专项整治方案的通知',
  '惠政办〔2026〕47号',
  '各镇人民政府、街道办事处，区直各部门：',
  '现将《惠济区2026年秋冬季扬尘污染专项整治方案》印发给你们，请认真贯彻落实。',
  '惠济区2026年秋冬季扬尘污染专项整治方案',
  '一、工作目标',
  '全区PM10平均浓度不高于80微克/立方米，降尘量不高于7吨/平方公里·月。',
  '二、重点任务',
  '（一）施工扬尘治理',
  '1.建筑工地扬尘管控。严格落实“六个百分之百”，11月30日前完成全区在建工地视频监控联网，对未达标工地一律停工整改。',
  '牵头单位：区住建局',
  '责任单位：各镇（街道）',
  '2.裸露地块苫盖。12月15日前完成全区裸露地块排查和苫盖。',
  '牵头单位：区城管执法局、区自然资源局',
  '配合单位：区农委',
  '责任单位：各镇（街道）',
  '（二）道路扬尘治理',
  '3.道路机械化清扫。12月31日前主次干道机械化清扫率达到100%。',
  '牵头单位：区城管执法局',
  '责任单位：各镇（街道）',
];

/** The plan in 宋体, three A4 pages printed with "— n —" in each page's footer. */
function planHtml(): string {
  const body = PLAN_LINES.map((line) =>
    line === '（二）道路扬尘治理' ? `<p style="break-before: page">${line}</p>` : `<p>${line}</p>`,
  ).join('\n');
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8">
<body style="font: 16pt/1.6 'Noto Serif CJK SC', serif; margin: 0">${body}</body></html>`;
}

/** The annex of a notice: a task table longer than a page, its header printed again on each page. */
const TABLE_ROWS = Array.from({ length: 18 }, (_, i) => [
  String(i + 1),
  `第${i + 1}片区扬尘整治`,
  `对第${i + 1}片区建筑工地、道路和裸露地块逐一排查，建立问题清单，整改一项销号一项。`,
  i < 9 ? '区住建局' : '区城管局',
  i % 2 ? '区生态环境分局<br>区公安分局' : '',
  '12月31日',
]);

function tableHtml(): string {
  const th = ['序号', '工作任务', '具体措施', '牵头单位', '配合单位', '完成时限'].map((c) => `<th>${c}</th>`);
  // 牵头单位 merged down over each half of the table.
  const body = TABLE_ROWS.map((cells, i) => {
    const tds = cells.map((c, k) => (k !== 3 ? `<td>${c}</td>` : i % 9 ? '' : `<td rowspan="9">${c}</td>`));
    return `<tr>${tds.join('')}</tr>`;
  }).join('');
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8">
<style>body { font: 11pt/1.5 'Noto Serif CJK SC', serif } table { border-collapse: collapse; width: 100% }
td, th { border: 0.75pt solid #000; padding: 3pt; vertical-align: middle }</style>
<body><p>附件</p><p>惠济区2026年冬季扬尘污染防治重点任务清单</p>
<table><thead><tr>${th.join('')}</tr></thead>
<tbody>${body}</tbody></table><p>以上任务由区攻坚办每周调度。</p></body></html>`;
}

let browser: Browser;
let textPdf: Buffer;
let tablePdf: Buffer;
let scanPdf: Buffer;

beforeAll(async () => {
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.setContent(planHtml());
  textPdf = await page.pdf({
    format: 'A4',
    margin: { top: '25mm', bottom: '25mm', left: '28mm', right: '26mm' },
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate:
      '<div style="font-size: 11pt; width: 100%; text-align: center">— <span class="pageNumber"></span> —</div>',
  });
  await page.setContent(tableHtml());
  tablePdf = await page.pdf({
    format: 'A4',
    margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' },
  });
  // A "scan": the page is a picture of text, drawn on a canvas, with no text layer.
  await page.setContent(`<canvas width="600" height="300"></canvas><script>
    const g = document.querySelector('canvas').getContext('2d');
    g.font = '28px serif';
    g.fillText('惠济区扬尘污染专项整治方案', 40, 80);
    g.fillText('1.建筑工地扬尘管控', 40, 140);
  </script>`);
  scanPdf = await page.pdf({ format: 'A4' });
  await page.close();
});
afterAll(async () => {
  await browser?.close();
});

describe('导入方案 from PDF', () => {
  it('reads the tasks and units of a text PDF', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.setInputFiles('[data-testid=import-file]', {
      name: '惠济区扬尘污染专项整治方案.pdf',
      mimeType: 'application/pdf',
      buffer: textPdf,
    });
    await page.waitForSelector('[data-testid=task-editor]');
    expect(await page.locator('[data-testid=task-editor]').count()).toBe(3);
    expect(await page.inputValue('[data-testid=plan-doc-number]')).toBe('惠政办〔2026〕47号');
    expect(await page.inputValue('[data-testid=plan-title]')).toBe('惠济区2026年秋冬季扬尘污染专项整治方案');
    const tasks = page.locator('[data-testid=task-editor]');
    expect(await tasks.nth(0).locator('[data-testid=units-lead_units]').inputValue()).toBe('区住建局');
    // Its unit lines come after the first page's footer.
    const second = tasks.nth(1);
    expect(await second.locator('[data-testid=units-lead_units]').inputValue()).toBe(
      '区城管执法局、区自然资源局',
    );
    expect(await second.locator('[data-testid=task-deadlines]').inputValue()).toBe('2026-12-15');
    expect(await tasks.nth(2).locator('[data-testid=units-lead_units]').inputValue()).toBe('区城管执法局');
    await second.click();
    await screenshot(page, '22-import-pdf');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads a PDF whose Chinese font is not embedded, through the CMaps served with the app', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    const cmaps: string[] = [];
    context.on('requestfinished', (request) => {
      if (request.url().includes('/pdfjs/cmaps/')) cmaps.push(request.url().split('/').pop()!);
    });
    await waitReady(page);
    const lines = PLAN_LINES.slice(5, 14);
    await page.setInputFiles('[data-testid=import-file]', {
      name: '方案（宋体未嵌入）.pdf',
      mimeType: 'application/pdf',
      buffer: linesPdf(lines),
    });
    await page.waitForSelector('[data-testid=task-editor]');
    expect(await page.locator('[data-testid=task-editor]').count()).toBe(2);
    expect(await page.inputValue('[data-testid=plan-title]')).toBe('惠济区2026年秋冬季扬尘污染专项整治方案');
    expect(await page.locator('[data-testid=units-responsible_units]').first().inputValue()).toBe(
      '各镇（街道）',
    );
    expect(cmaps).toContain('UniGB-UCS2-H.bcmap');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads an annexed task table over pages as the tasks, merged cells and all', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.setInputFiles('[data-testid=import-file]', {
      name: '重点任务清单.pdf',
      mimeType: 'application/pdf',
      buffer: tablePdf,
    });
    await page.waitForSelector('[data-testid=task-editor]');
    const tasks = page.locator('[data-testid=task-editor]');
    expect(await tasks.count()).toBe(TABLE_ROWS.length);
    expect(await page.inputValue('[data-testid=plan-title]')).toBe(
      '惠济区2026年冬季扬尘污染防治重点任务清单',
    );
    for (const [i, row] of TABLE_ROWS.entries()) {
      const task = tasks.nth(i);
      expect(await task.locator('.task-number-input').inputValue()).toBe(row[0]);
      expect(await task.locator('.task-title-input').inputValue()).toBe(row[1]);
      expect(await task.locator('[data-testid=units-lead_units]').inputValue(), `task ${i + 1}`).toBe(row[3]);
      expect(await task.locator('[data-testid=task-deadlines]').inputValue()).toBe('2026-12-31');
      if (row[4]) {
        expect(await task.locator('[data-testid=units-cooperating_units]').inputValue()).toBe(
          '区生态环境分局、区公安分局',
        );
      }
    }
    // The table runs over pages.
    expect(tablePdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThan(1);
    await tasks.nth(10).click();
    await screenshot(page, '42-import-pdf-table');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a scanned PDF, which has no text layer, and says what to do instead', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.setInputFiles('[data-testid=import-file]', {
      name: '扫描件.pdf',
      mimeType: 'application/pdf',
      buffer: scanPdf,
    });
    const message = page.locator('[data-testid=import-message]');
    await message.waitFor();
    const text = await message.textContent();
    expect(text).toContain('扫描件.pdf');
    expect(text).toContain('没有文字层');
    expect(text).toContain('.docx');
    expect(await page.locator('[data-testid=task-editor]').count()).toBe(0);
    await screenshot(page, '23-import-pdf-scan');
    // A damaged file is refused as unreadable.
    await page.setInputFiles('[data-testid=import-file]', {
      name: '损坏.pdf',
      mimeType: 'application/pdf',
      buffer: textPdf.subarray(0, 400),
    });
    await page.waitForSelector('[data-testid=import-message]:has-text("无法读取文件")');
    expect(errors).toEqual([]);
    await context.close();
  });
});
