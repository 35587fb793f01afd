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
});
