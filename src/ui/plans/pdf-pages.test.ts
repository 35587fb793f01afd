// PDFs read through pdf.js (its Node build, the same code as the app's) into plan text: ruled task
// tables become task lines however their rules are drawn, over page breaks, on rotated pages.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../domain/plan/plan-parser';
import { pdfText } from '../../domain/plan/pdf-text';
import { readFileSync } from 'node:fs';
import { LIBREOFFICE_TABLE } from '../../../tests/fixtures/pdf/libreoffice-task-table';
import { cjkPdf, linesPdf, tablePdf, type TableSpec } from '../../../tests/fixtures/pdf';
import { pdfPages } from './pdf-pages';

const assets = new URL('../../../node_modules/pdfjs-dist/', import.meta.url).pathname;

async function read(pdf: Buffer): Promise<string[]> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(pdf),
    cMapUrl: `${assets}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${assets}standard_fonts/`,
  });
  try {
    return pdfText(await pdfPages((await task.promise) as never, pdfjs.OPS));
  } finally {
    await task.destroy();
  }
}

const NOTICE = ['惠济区2026年扬尘污染防治重点任务清单', '一、重点任务'];
const HEADER = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'];
const COLUMNS = [40, 220, 90, 90, 70];

const table = (rows: TableSpec['rows'], more: Partial<TableSpec> = {}): Buffer =>
  tablePdf({ columns: COLUMNS, header: HEADER, rows, before: NOTICE, ...more });

const ROWS = [
  [
    '1',
    '建筑工地扬尘管控。在建工地视频监控联网，未达标工地一律停工整改。',
    '区住房城乡建设局',
    '区城管局\n区生态环境分局',
    '11月30日',
  ],
  ['2', '裸露地块苫盖。完成裸露地块排查和苫盖。', '区自然资源局', '', '12月15日'],
];
const LINES = [
  ...NOTICE,
  '1. 建筑工地扬尘管控。在建工地视频监控联网，未达标工地一律停工整改。完成时限：11月30日前。',
  '牵头单位：区住房城乡建设局',
  '配合单位：区城管局、区生态环境分局',
  '2. 裸露地块苫盖。完成裸露地块排查和苫盖。完成时限：12月15日前。',
  '牵头单位：区自然资源局',
];

describe('PDF task tables', () => {
  it('reads a ruled task table as task lines, wrapped cell lines joined and paragraphs apart', async () => {
    const lines = await read(table(ROWS));
    expect(lines.filter((l) => !/^— \d+ —$/.test(l))).toEqual(LINES);
  });

  it('reads the rules whether stroked or filled as hairline rectangles', async () => {
    const stroked = await read(table(ROWS, { ruleStyle: 'stroke' }));
    expect(await read(table(ROWS, { ruleStyle: 'fill' }))).toEqual(stroked);
  });

  it('reads a task table drawn with horizontal rules only, or with none', async () => {
    for (const rules of ['horizontal', 'none'] as const) {
      const lines = await read(table(ROWS, { rules, after: ['以上任务由区攻坚办每周调度。'] }));
      expect(lines.filter((l) => !/^— \d+ —$/.test(l))).toEqual([...LINES, '以上任务由区攻坚办每周调度。']);
    }
  });

  it('reads a table shown on rotated pages (a landscape annex)', async () => {
    const lines = await read(table(ROWS, { rotated: true }));
    expect(lines.filter((l) => !/^— \d+ —$/.test(l))).toEqual(LINES);
  });

  it('reads a table over pages as one: repeated header, broken rows, a unit merged across the break', async () => {
    const rows = Array.from({ length: 16 }, (_, i) => [
      String(i + 1),
      `第${i + 1}项整治任务。${'对辖区内建筑工地、道路和裸露地块逐一排查，建立问题清单并整改销号。'.repeat(2)}`,
      i % 4 === 0 ? '区城管局' : null,
      '各镇（街道）',
      '年底',
    ]);
    for (const repeatHeader of [true, false]) {
      for (const breakRows of [true, false]) {
        const lines = await read(table(rows, { repeatHeader, breakRows, bottom: 300 }));
        const plan = parsePlan(lines.join('\n'), 'table.pdf');
        const tasks = plan.plans.flatMap((p) => p.tasks);
        expect(
          tasks.map((t) => t.number),
          `${repeatHeader} ${breakRows}`,
        ).toEqual(rows.map((r) => r[0]));
        for (const [i, task] of tasks.entries()) {
          expect(task.title).toBe(`第${i + 1}项整治任务`);
          const lead = task.assignments.find((a) => a.scope === null)?.lead_units;
          expect(lead, `task ${i + 1}`).toEqual(['区城管局']);
          expect(task.deadlines).toHaveLength(1);
        }
        // Each task's text whole: a broken row's two parts are joined.
        expect(lines.filter((l) => l.includes('建立问题清单并整改销号。对辖区内')).length).toBe(16);
      }
    }
  });

  it('reads a table without vertical rules over pages as one, with or without its header repeated', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => [
      String(i + 1),
      `第${i + 1}项整治任务。${'对辖区内建筑工地、道路和裸露地块逐一排查，建立问题清单并整改销号。'.repeat(2)}`,
      i % 2 ? '区城管局' : '区住房城乡建设局',
      '各镇（街道）',
      '年底',
    ]);
    for (const rules of ['horizontal', 'none'] as const) {
      for (const repeatHeader of [true, false]) {
        for (const breakRows of [true, false]) {
          const how = `${rules} ${repeatHeader} ${breakRows}`;
          const pdf = table(rows, { rules, repeatHeader, breakRows, bottom: 300 });
          const lines = await read(pdf);
          const tasks = parsePlan(lines.join('\n'), 'table.pdf').plans.flatMap((p) => p.tasks);
          expect(
            tasks.map((t) => t.number),
            how,
          ).toEqual(rows.map((r) => r[0]));
          for (const [i, task] of tasks.entries()) {
            expect(task.title, how).toBe(`第${i + 1}项整治任务`);
            expect(task.assignments[0]?.lead_units, `${how} task ${i + 1}`).toEqual([rows[i]![2]]);
            expect(task.assignments[0]?.cooperating_units, `${how} task ${i + 1}`).toEqual(['各镇（街道）']);
          }
          expect(lines.filter((l) => l.includes('建立问题清单并整改销号。对辖区内')).length, how).toBe(12);
        }
      }
    }
  });

  it('keeps a table that is not a task table as its cells, and a framed box as lines', async () => {
    const targets = tablePdf({
      columns: [150, 100, 100],
      header: ['指标', '2025年', '2026年目标'],
      rows: [
        ['PM2.5平均浓度（微克/立方米）', '45', '42'],
        ['优良天数比例', '70%', '72%'],
      ],
      before: ['一、工作目标'],
    });
    expect((await read(targets)).filter((l) => !/^— \d+ —$/.test(l))).toEqual([
      '一、工作目标',
      '指标',
      '2025年',
      '2026年目标',
      // A wrapped line runs on.
      'PM2.5平均浓度（微克/立方米）',
      '45',
      '42',
      '优良天数比例',
      '70%',
      '72%',
    ]);
    const boxed = cjkPdf([
      {
        texts: [
          { x: 60, y: 760, text: '注：以下任务均须按期完成。' },
          { x: 60, y: 700, text: '1. 道路机械化清扫。' },
        ],
        rules: [
          { x1: 50, y1: 750, x2: 400, y2: 750 },
          { x1: 50, y1: 780, x2: 400, y2: 780 },
          { x1: 50, y1: 750, x2: 50, y2: 780 },
          { x1: 400, y1: 750, x2: 400, y2: 780 },
          // An underline alone.
          { x1: 60, y1: 695, x2: 200, y2: 695 },
        ],
      },
    ]);
    expect(await read(boxed)).toEqual(['注：以下任务均须按期完成。', '1. 道路机械化清扫。']);
  });

  it('reads a PDF without tables line by line, as before', async () => {
    expect(await read(linesPdf(['一、重点任务', '1. 散煤清零。', '牵头单位：区发改委']))).toEqual([
      '一、重点任务',
      '1. 散煤清零。',
      '牵头单位：区发改委',
    ]);
  });

  it('reads a task table LibreOffice wrote: rows broken over pages, cells merged across the breaks', async () => {
    const pdf = readFileSync(
      new URL('../../../tests/fixtures/pdf/libreoffice-task-table.pdf', import.meta.url),
    );
    const lines = await read(pdf);
    const plan = parsePlan(lines.join('\n'), 'libreoffice-task-table.pdf').plans[0]!;
    expect(plan.title).toBe('惠济区2026年大气污染防治重点任务清单');
    const rows = LIBREOFFICE_TABLE.rows;
    // Merged cells hold the text of the cell they continue.
    const filled = (column: number) => {
      let above = '';
      return rows.map((row) => (above = row[column] ?? above));
    };
    const [categories, titles, leads, cooperating, responsible] = [1, 2, 4, 5, 6].map(filled) as [
      string[],
      string[],
      string[],
      string[],
      string[],
    ];
    const units = (cell: string) => (cell ? cell.split('\n') : []);
    expect(
      plan.tasks.map((t) => ({
        number: t.number,
        title: t.title,
        section: t.section,
        units: t.assignments.map((a) => [a.lead_units, a.cooperating_units, a.responsible_units]),
      })),
    ).toEqual(
      rows.map((row, i) => ({
        number: row[0],
        title: titles[i],
        section: `（${'一二三'[[...new Set(categories)].indexOf(categories[i]!)]}）${categories[i]}`,
        units: [[units(leads[i]!), units(cooperating[i]!), units(responsible[i]!)]],
      })),
    );
    expect(plan.tasks.map((t) => t.deadlines)).toEqual([
      ['2026-11-30'],
      ['2026-12-15'],
      ['2026-12-31'],
      ['2026-12-31'],
      [],
      ['2026-10-31'],
      [],
      ['2026-09-30'],
    ]);
    // Each row's measures whole, though rows broke over the pages.
    for (const row of rows) expect(lines.join('')).toContain(row[3]!.replace(/，$/, '。'));
  });
});
