// A plan whose tasks are a table (an annexed 重点任务清单) becomes the ledger's tasks: uploaded as a
// Word file written at test time (a notice, then the table, its 类别 and 牵头单位 cells merged down
// two rows), pasted from Word as HTML, from Excel as tab-separated rows, as a Markdown table and as
// a web page's text leaves it (cells between spaces, or one cell a paragraph). A
// Word file's text outside tables reads as it did through mammoth's extractRawText.
import {
  Document,
  FootnoteReferenceRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, screenshot, waitReady } from './harness';

const NOTICE = [
  '郑州市惠济区人民政府办公室',
  '关于印发惠济区2026年扬尘污染防治重点任务清单的通知',
  '惠政办〔2026〕52号',
  '各镇人民政府、街道办事处，区直各部门：',
  '现将《惠济区2026年扬尘污染防治重点任务清单》印发给你们，请认真贯彻落实。',
  '附件：惠济区2026年扬尘污染防治重点任务清单',
];
const HEADER = ['序号', '类别', '工作任务', '具体措施', '牵 头 单 位', '配合单位', '责任单位', '完成时限'];
// null: the cell above continues (merged down).
const ROWS: (string | null)[][] = [
  [
    '1',
    '施工扬尘',
    '工地视频监控',
    '在建工地视频监控联网',
    '区住建局',
    '区城管局',
    '各镇（街道）',
    '2026年11月30日',
  ],
  ['2', null, '裸露地块苫盖', '完成裸露地块排查和苫盖', null, '', '各镇（街道）', '12月15日'],
  [
    '3',
    '道路扬尘',
    '道路机械化清扫',
    '主次干道机械化清扫率达到100%',
    '区城管局',
    '区交通局、区公安分局',
    '各镇（街道）',
    '年底',
  ],
];

function cell(text: string | null, below: string | null | undefined): TableCell {
  const merge =
    text === null ? VerticalMergeType.CONTINUE : below === null ? VerticalMergeType.RESTART : undefined;
  return new TableCell({ children: [new Paragraph(text ?? '')], ...(merge ? { verticalMerge: merge } : {}) });
}

async function planDocx(): Promise<Buffer> {
  const rows = [HEADER, ...ROWS].map(
    (row, r) => new TableRow({ children: row.map((text, c) => cell(text, ROWS[r]?.[c])) }),
  );
  const doc = new Document({
    sections: [{ children: [...NOTICE.map((line) => new Paragraph(line)), new Table({ rows })] }],
  });
  return Packer.toBuffer(doc);
}

/** The table as Word puts it on the clipboard: HTML with rowspan for the merged cells. */
function tableHtml(): string {
  const rows = [HEADER, ...ROWS].map((row, r) =>
    row
      .map((text, c) => {
        if (text === null) return '';
        const span = ROWS[r]?.[c] === null ? ' rowspan=2' : '';
        return `<td${span}><p class=MsoNormal><span lang=ZH-CN>${text}</span></p></td>`;
      })
      .join(''),
  );
  return `<html><body><!--StartFragment--><table class=MsoTableGrid>${rows
    .map((r) => `<tr>${r}</tr>`)
    .join('\n')}</table><!--EndFragment--></body></html>`;
}

/** The table as Excel puts it on the clipboard as text: a merged cell's value in its top cell only. */
function tableTsv(): string {
  return [HEADER, ...ROWS].map((row) => row.map((text) => text ?? '').join('\t')).join('\r\n') + '\r\n';
}

/** The table in Markdown, as AI assistants and note tools copy it; a merged cell written out in full. */
function tableMarkdown(): string {
  const filled = ROWS.map((row, r) => row.map((text, c) => text ?? ROWS[r - 1]![c] ?? ''));
  return [HEADER, HEADER.map(() => '---'), ...filled].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/**
 * The table as a web page's text leaves it: one row a line, a space between cells, two for an empty
 * cell and nothing for a merged one.
 */
function tableSpaced(): string {
  return [HEADER.map((name) => name.replace(/ /g, '')), ...ROWS]
    .map((row) => row.filter((text) => text !== null).join(' '))
    .join('\n');
}

async function expectTasks(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=task-editor]');
  const tasks = page.locator('[data-testid=task-editor]');
  expect(await tasks.count()).toBe(3);
  const units = async (n: number, role: string) =>
    tasks.nth(n).locator(`[data-testid=units-${role}]`).first().inputValue();
  // The merged 牵头单位 covers the second task too.
  expect(await units(0, 'lead_units')).toBe('区住建局');
  expect(await units(1, 'lead_units')).toBe('区住建局');
  expect(await units(2, 'lead_units')).toBe('区城管局');
  expect(await units(2, 'cooperating_units')).toBe('区交通局、区公安分局');
  expect(await units(1, 'responsible_units')).toBe('各镇（街道）');
  const deadline = (n: number) => tasks.nth(n).locator('[data-testid=task-deadlines]').inputValue();
  expect([await deadline(0), await deadline(1), await deadline(2)]).toEqual([
    '2026-11-30',
    '2026-12-15',
    '2026-12-31',
  ]);
}

/** A plan in prose with a footnote, a line break and a tab: no table. */
async function proseDocx(): Promise<Buffer> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('脚注：以正式文件为准。')] } },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun(NOTICE[1]!), new FootnoteReferenceRun(1)] }),
          new Paragraph('一、重点任务'),
          new Paragraph({
            children: [new TextRun('1.道路清扫。'), new TextRun({ text: '年底前完成。', break: 1 })],
          }),
          new Paragraph({ children: [new TextRun('牵头单位：'), new TextRun({ text: '\t区城管局' })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

let browser: Browser;
let docx: Buffer;
beforeAll(async () => {
  browser = await launchChromium();
  docx = await planDocx();
});
afterAll(async () => {
  await browser?.close();
});

describe('导入方案: task tables', () => {
  it('reads the task table of a Word file, merged cells included', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.setInputFiles('[data-testid=import-file]', {
      name: '重点任务清单.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await expectTasks(page);
    expect(await page.inputValue('[data-testid=plan-doc-number]')).toBe('惠政办〔2026〕52号');
    // The source shows the table as the task lines that were read, and marks the selected one's.
    const second = page.locator('[data-testid=task-editor]').nth(1);
    await second.click();
    const marked = (await page.locator('[data-testid=import-source] li.on').allTextContents()).join('\n');
    expect(marked).toContain('2. 裸露地块苫盖。完成裸露地块排查和苫盖。完成时限：12月15日前。');
    expect(marked).toContain('牵头单位：区住建局');
    await screenshot(page, '41-import-docx-table');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads the text outside tables as extractRawText does', async () => {
    const prose = await proseDocx();
    const raw = (await mammoth.extractRawText({ buffer: prose })).value;
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.setInputFiles('[data-testid=import-file]', {
      name: '方案.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: prose,
    });
    await page.waitForSelector('[data-testid=task-editor]');
    await page.click('[data-testid=import-edit-source]');
    expect(await page.inputValue('[data-testid=import-text]')).toBe(raw);
    expect(raw).toContain('牵头单位：\t区城管局');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("reads a table pasted from Word (HTML), from Excel (tab-separated), as Markdown and as a web page's text (cells between spaces)", async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.fill('[data-testid=import-text]', `${NOTICE.join('\n')}\n`);
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'plain text of the table');
      const area = document.querySelector<HTMLTextAreaElement>('[data-testid=import-text]')!;
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
      area.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, tableHtml());
    // The textarea shows the task lines before anything is read.
    const pasted = await page.inputValue('[data-testid=import-text]');
    expect(pasted.startsWith(NOTICE.join('\n'))).toBe(true);
    expect(pasted).toContain('1. 工地视频监控。在建工地视频监控联网。完成时限：2026年11月30日前。');
    expect(pasted).not.toContain('plain text of the table');
    await page.click('[data-testid=import-parse]');
    await expectTasks(page);

    await page.click('[data-testid=import-edit-source]');
    await page.fill('[data-testid=import-text]', `${NOTICE.join('\n')}\n${tableTsv()}`);
    await page.click('[data-testid=import-parse]');
    await expectTasks(page);
    // What was read is what the source shows: the rows as task lines.
    const source = (await page.locator('[data-testid=import-source] li').allTextContents()).join('\n');
    expect(source).toContain('3. 道路机械化清扫。主次干道机械化清扫率达到100%。完成时限：年底前。');
    expect(source).not.toContain('\t');

    await page.click('[data-testid=import-edit-source]');
    await page.fill('[data-testid=import-text]', `${NOTICE.join('\n')}\n${tableMarkdown()}`);
    await page.click('[data-testid=import-parse]');
    await expectTasks(page);

    await page.click('[data-testid=import-edit-source]');
    await page.fill('[data-testid=import-text]', `${NOTICE.join('\n')}\n${tableSpaced()}`);
    await page.click('[data-testid=import-parse]');
    await expectTasks(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads a table a web page left one cell a paragraph: a category printed a character a line, year sub-rows', async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    const table = [
      '附件',
      '虹口区生活垃圾分类任务清单',
      ...['类别', '序号', '主要任务', '节点', '指标数', '责任单位', '配合单位'],
      '1.\n分\n类\n投\n放',
      ...[
        '1',
        '创建达标分类小区',
        '2018年',
        '345个',
        '各街道办事处',
        '区文明办\n区房管局',
        '2019年',
        '440个',
      ],
      ...['2', '道路废物箱标识更新\n完成废物箱标识更新', '2018年', '735只', '区绿化市容局'],
      '2.\n分\n类\n运\n输',
      ...['1', '各街道完成整区域分类覆盖', '2018年', '4个街道', '欧阳、曲阳街道', '区房管局'],
      ...['2019年', '4个街道', '川北、嘉兴街道'],
    ].join('\n\n');
    await page.fill('[data-testid=import-text]', `${NOTICE.slice(0, 5).join('\n')}\n${table}`);
    await page.click('[data-testid=import-parse]');
    await page.waitForSelector('[data-testid=task-editor]');
    const tasks = page.locator('[data-testid=task-editor]');
    expect(await tasks.count()).toBe(3);
    expect(await tasks.nth(0).locator('.task-plan').textContent()).toBe('（一）分类投放');
    expect(await tasks.nth(2).locator('.task-plan').textContent()).toBe('（二）分类运输');
    const units = (n: number, role: string) =>
      tasks
        .nth(n)
        .locator(`[data-testid=units-${role}]`)
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    // The 2019 sub-row repeats the 2018 row's units: one assignment.
    expect(await units(0, 'responsible_units')).toEqual(['各街道办事处']);
    expect(await units(0, 'cooperating_units')).toEqual(['区文明办、区房管局']);
    // A row whose one unit cell has nothing above it is the unit responsible.
    expect(await units(1, 'responsible_units')).toEqual(['区绿化市容局']);
    // Sub-rows with units of their own: an assignment each, the merged 配合单位 repeated.
    expect(await units(2, 'responsible_units')).toEqual(['欧阳、曲阳街道', '川北、嘉兴街道']);
    expect(await units(2, 'cooperating_units')).toEqual(['区房管局', '区房管局']);
    await screenshot(page, '49-import-paragraph-table');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("reads a sharing site's copy of a Word file: its chunk numbers dropped, its table run together read", async () => {
    const { page, errors, context } = await openApp(browser, '#/import');
    await waitReady(page);
    // As 文库 sites print a Word file's text: run together, cut into numbered chunks wherever the
    // length ran out ("市\n2、住建局"), cells and rows with no separator between them.
    const copy = [
      '贯彻落实生活垃圾分类制度重点任务责任分工表.docx',
      '《贯彻落实生活垃圾分类制度重点任务责任分工表.docx》由会员分享,可在线阅读。',
      '1、贯彻落实生活垃圾分类制度重点任务责任分工表序号工作内容目标任务责任单位备注1将生活垃圾分类投放作为精神文明建设的重要内容,' +
        '加强生活垃圾分类宣传发动。2021年2月底前,群众对生活垃圾分类的知晓率达90%以上。市委宣传部(市文明办)、市城管委,市妇联等部门,' +
        '各区(市)县政府(管委会)2完善生活垃圾回收利用体系,优化社区回收设施布局。2021年2月底前,基本建成生活垃圾回收利用体系。市商务局,市',
      '2、住建局、市城管委,各区(市)县政府(管委会)3加强家庭源危险废物处置的规范化管理。2021年6月底前,完善家庭源危险废物处置体系。' +
        '市生态环境局,各区(市)县政府(管委会)',
    ].join('\n');
    await page.fill('[data-testid=import-text]', copy);
    await page.click('[data-testid=import-parse]');
    await page.waitForSelector('[data-testid=task-editor]');
    const tasks = page.locator('[data-testid=task-editor]');
    expect(await tasks.count()).toBe(3);
    const units = (n: number) =>
      tasks
        .nth(n)
        .locator('[data-testid=units-responsible_units]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(await units(0)).toEqual(['市委宣传部(市文明办)、市城管委、市妇联、各区(市)县政府(管委会)']);
    // The chunk number "2、" inside 市住建局 is the site's, not the plan's.
    expect(await units(1)).toEqual(['市商务局、市住建局、市城管委、各区(市)县政府(管委会)']);
    expect(await units(2)).toEqual(['市生态环境局、各区(市)县政府(管委会)']);
    await screenshot(page, '50-import-glued-table');
    expect(errors).toEqual([]);
    await context.close();
  });
});
