import { describe, expect, it } from 'vitest';
import type { PdfTextItem } from './pdf-lines';
import type { Ruling } from './pdf-rulings';
import { pdfText, type PdfPage } from './pdf-text';

const item = (str: string, x: number, y: number, hasEOL = false): PdfTextItem => ({
  str,
  hasEOL,
  transform: [10, 0, 0, 10, x, y],
  width: [...str].length * 10,
});

const COLUMNS = [0, 40, 200, 300];

/** A ruled table whose top is at y, each row 20 high, its cells' text at each column's left. */
function table(rows: string[][], top: number): { items: PdfTextItem[]; rulings: Ruling[] } {
  const bottom = top - 20 * rows.length;
  const rulings: Ruling[] = [
    ...rows.map((_, r) => ({ x1: 0, y1: top - 20 * r, x2: 300, y2: top - 20 * r })),
    { x1: 0, y1: bottom, x2: 300, y2: bottom },
    ...COLUMNS.map((x) => ({ x1: x, y1: bottom, x2: x, y2: top })),
  ];
  const items = rows.flatMap((row, r) =>
    row.map((cell, c) => item(cell, COLUMNS[c]! + 4, top - 20 * r - 14)),
  );
  return { items, rulings };
}

const page = (...parts: { items: PdfTextItem[]; rulings?: Ruling[] }[]): PdfPage => ({
  items: parts.flatMap((p) => p.items),
  rulings: parts.flatMap((p) => p.rulings ?? []),
});
const line = (text: string, y: number) => ({ items: [item(text, 0, y, true)] });

const HEADER = ['序号', '工作任务', '牵头单位'];

describe('pdfText', () => {
  it('puts a task table where it is drawn among the lines', () => {
    const lines = pdfText([
      page(
        line('一、重点任务', 800),
        table([HEADER, ['1', '散煤清零。', '区发改委']], 780),
        line('二、保障措施', 600),
      ),
    ]);
    expect(lines).toEqual(['一、重点任务', '1. 散煤清零。', '牵头单位：区发改委', '二、保障措施']);
  });

  it('continues a table on the next page across page numbers only, and with the same columns only', () => {
    const first = page(table([HEADER, ['1', '散煤清零。', '区发改委']], 780), line('— 1 —', 40));
    const next = page(line('— 2 —', 800), table([['2', '清扫保洁。', '区城管局']], 780));
    expect(pdfText([first, next])).toEqual([
      '1. 散煤清零。',
      '牵头单位：区发改委',
      '2. 清扫保洁。',
      '牵头单位：区城管局',
      '— 1 —',
      '— 2 —',
    ]);
    // Text between: the table on the next page is a table of its own (here not a task table).
    const noted = page(line('附件2', 800), table([['2', '清扫保洁。', '区城管局']], 780));
    expect(pdfText([first, noted])).toEqual([
      '1. 散煤清零。',
      '牵头单位：区发改委',
      '— 1 —',
      '附件2',
      '2',
      '清扫保洁。',
      '区城管局',
    ]);
  });

  describe('a task table without vertical rules', () => {
    // Columns 40, 200, 100 and 100 wide; cells' text 4 in from the left, headers centred.
    const LEFTS = [0, 40, 240, 340];
    const WIDTHS = [40, 200, 100, 100];
    const NAMES = ['序号', '工作任务', '牵头单位', '责任单位'];

    /** Rows of cells of lines, drawn cell by cell as Word does, 16 a line and 8 between rows. */
    function loose(rows: string[][][], top: number): { items: PdfTextItem[]; bottom: number } {
      const items = NAMES.map((name, c) =>
        item(name, LEFTS[c]! + (WIDTHS[c]! - 10 * name.length) / 2, top - 14),
      );
      let y = top - 14 - 24;
      for (const row of rows) {
        row.forEach((cell, c) =>
          cell.forEach((text, i) => items.push(item(text, LEFTS[c]! + 4, y - 16 * i))),
        );
        y -= 16 * Math.max(...row.map((cell) => cell.length)) + 8;
      }
      return { items, bottom: y + 14 };
    }

    const ROWS = [
      [
        ['1'],
        ['推进散煤清零，完成农村地区清洁取暖改', '造任务。'],
        ['区住房和城乡建设管', '理局'],
        ['区城管局', '区环保局'],
      ],
      [['2'], ['清扫保洁。'], [], ['各镇（街道）']],
    ];
    const TASKS = [
      '1. 推进散煤清零，完成农村地区清洁取暖改造任务。',
      '牵头单位：区住房和城乡建设管理局',
      '责任单位：区城管局、区环保局',
      '2. 清扫保洁。',
      '责任单位：各镇（街道）',
    ];

    it('reads a table without rules, between paragraphs', () => {
      const table = loose(ROWS, 780);
      const lines = pdfText([
        page(
          line('一、重点任务', 800),
          table,
          line('二、保障措施：加强组织领导，压实各方责任。', table.bottom - 30),
        ),
      ]);
      expect(lines).toEqual(['一、重点任务', ...TASKS, '二、保障措施：加强组织领导，压实各方责任。']);
    });

    it('reads a three-line table (horizontal rules only)', () => {
      const table = loose(ROWS, 780);
      const rule = (y: number): Ruling => ({ x1: 0, y1: y, x2: 440, y2: y });
      const rulings = [rule(780), rule(760), rule(table.bottom - 4)];
      expect(pdfText([page({ ...table, rulings })])).toEqual(TASKS);
    });

    it('parts rows at horizontal rules, where cells may be centred vertically', () => {
      // The first task's number between its two lines.
      const table = loose(ROWS, 780);
      const items = table.items.map((i) => (i.str === '1' ? item('1', 4, 734) : i));
      const rule = (y: number): Ruling => ({ x1: 0, y1: y, x2: 440, y2: y });
      const rulings = [rule(780), rule(760), rule(714), rule(table.bottom - 4)];
      expect(pdfText([page({ items, rulings })])).toEqual(TASKS);
    });

    it('reads a ruled table and a table without rules on one page', () => {
      const ruled = table([HEADER, ['1', '散煤清零。', '区发改委']], 800);
      expect(pdfText([page(ruled, loose(ROWS, 700))])).toEqual([
        '1. 散煤清零。',
        '牵头单位：区发改委',
        ...TASKS,
      ]);
    });

    /** Body rows only, as the next page continues a table: no header. */
    function body(rows: string[][][], top: number): { items: PdfTextItem[] } {
      const items: PdfTextItem[] = [];
      let y = top - 14;
      for (const row of rows) {
        row.forEach((cell, c) =>
          cell.forEach((text, i) => items.push(item(text, LEFTS[c]! + 4, y - 16 * i))),
        );
        y -= 16 * Math.max(...row.map((cell) => cell.length)) + 8;
      }
      return { items };
    }

    it('carries a table at the foot of a page on at the top of the next, without its header', () => {
      const first = page(line('一、重点任务', 800), loose([ROWS[0]!], 780), line('— 1 —', 40));
      const next = page(body([ROWS[1]!], 800), line('二、保障措施：加强组织领导。', 700), line('— 2 —', 40));
      expect(pdfText([first, next])).toEqual([
        '一、重点任务',
        ...TASKS,
        '— 1 —',
        '二、保障措施：加强组织领导。',
        '— 2 —',
      ]);
    });

    it('carries a table on past a page number printed at the head of the next page', () => {
      const first = page(loose([ROWS[0]!], 780), line('— 1 —', 40));
      const next = page(line('— 2 —', 820), body([ROWS[1]!], 800));
      expect(pdfText([first, next])).toEqual([...TASKS, '— 1 —', '— 2 —']);
    });

    it('does not carry a table on into prose, nor past text after it', () => {
      const first = page(loose([ROWS[0]!], 780), line('— 1 —', 40));
      const prose = page(line('二、保障措施：各单位要按照职责分工，认真组织实施。', 800));
      expect(pdfText([first, prose])).toEqual([
        ...TASKS.slice(0, 3),
        '— 1 —',
        '二、保障措施：各单位要按照职责分工，认真组织实施。',
      ]);
      // A line after the table on its page: the next page's rows are no part of it.
      const ended = page(loose([ROWS[0]!], 780), line('以上任务按期完成。', 600));
      expect(pdfText([ended, page(body([ROWS[1]!], 800))])).not.toContain('2. 清扫保洁。');
    });

    it('reads column names over a paragraph as lines', () => {
      const names = { items: NAMES.map((name, c) => item(name, LEFTS[c]! + 4, 786)) };
      const prose = line('各单位要按照职责分工，认真组织实施，确保各项任务按期完成。', 770);
      expect(pdfText([page(names, prose)])).toEqual([
        '序号工作任务牵头单位责任单位',
        '各单位要按照职责分工，认真组织实施，确保各项任务按期完成。',
      ]);
    });

    it('reads paragraphs, prose in two columns and a signature block as lines', () => {
      const twoColumns = (texts: [string, string][], top: number) => ({
        items: texts.flatMap(([a, b], i) => [item(a, 0, top - 16 * i), item(b, 250, top - 16 * i)]),
      });
      const lines = pdfText([
        page(
          line('为做好大气污染防治工作，制定本方案。', 800),
          twoColumns(
            [
              ['工作任务分工明确，', '牵头单位负总责，'],
              ['责任单位抓落实。', '完成时限不得拖延。'],
            ],
            780,
          ),
          twoColumns([['区发改委', '区人民政府']], 700),
          { items: [item('2024年1月5日', 250, 684)] },
        ),
      ]);
      expect(lines).toEqual([
        '为做好大气污染防治工作，制定本方案。',
        '工作任务分工明确，牵头单位负总责，',
        '责任单位抓落实。完成时限不得拖延。',
        '区发改委区人民政府',
        '2024年1月5日',
      ]);
    });
  });
});
