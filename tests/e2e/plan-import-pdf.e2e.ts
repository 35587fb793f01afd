// A plan published as PDF becomes the ledger's tasks: PDFs printed by Chromium itself at test time
// (fonts embedded, three pages with page numbers in the footers), one written by hand the way older
// government PDFs are (宋体 named, not embedded: its text reads only through the CMaps the app
// serves itself), and a scan-like PDF with no text layer, which is refused with a clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

/**
 * A one-page PDF written the way many government PDFs are: the text in STSong-Light through the
 * predefined CMap UniGB-UCS2-H, the font not embedded. Without Adobe's CMaps pdf.js reads no text.
 */
function nonEmbeddedCjkPdf(lines: string[]): Buffer {
  const hex = (s: string) =>
    [...s]
      .map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0'))
      .join('')
      .toUpperCase();
  const content = `BT /F1 14 Tf 56 780 Td 20 TL ${lines.map((l) => `<${hex(l)}> Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

let browser: Browser;
let textPdf: Buffer;
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
      buffer: nonEmbeddedCjkPdf(lines),
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
