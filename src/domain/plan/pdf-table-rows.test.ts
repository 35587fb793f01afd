import { describe, expect, it } from 'vitest';
import type { PdfTextItem } from './pdf-lines';
import { appendPart, continues, partRows, type TableRows } from './pdf-table-rows';
import { findTables } from './pdf-tables';
import type { Ruling } from './pdf-rulings';

/** A 10 pt item, each character 10 wide, on baseline y. */
const item = (str: string, x: number, y: number): PdfTextItem => ({
  str,
  hasEOL: false,
  transform: [10, 0, 0, 10, x, y],
  width: [...str].length * 10,
});

/** One row of cells 64 wide (text room 56 after 4 of padding a side: five characters), 60 high. */
function oneRow(cells: string[][]): TableRows {
  const right = 64 * cells.length;
  const rulings: Ruling[] = [
    { x1: 0, y1: 100, x2: right, y2: 100 },
    { x1: 0, y1: 160, x2: right, y2: 160 },
    ...cells.map((_, c) => ({ x1: 64 * c, y1: 100, x2: 64 * c, y2: 160 })),
    { x1: right, y1: 100, x2: right, y2: 160 },
  ];
  const grid = findTables(rulings)[0]!;
  const items = cells.map((lines, c) => lines.map((line, i) => item(line, 64 * c + 4, 146 - 15 * i)));
  return partRows({ grid, items });
}

describe('partRows', () => {
  it('runs a wrapped line on and ends a paragraph where the next word would have fit', () => {
    expect(
      oneRow([
        ['区住房城乡', '建设局'],
        ['区城管局', '区环保局'],
        ['各镇（街', '道）'],
        ['沿线各镇', '（街道）'],
        ['整改完成销', '号。'],
        ['浓度', 'ug/m3'],
        ['PM', '浓度'],
      ]).rows,
    ).toEqual([
      [
        '区住房城乡建设局',
        '区城管局\n区环保局',
        '各镇（街道）',
        '沿线各镇（街道）',
        '整改完成销号。',
        '浓度ug/m3',
        'PM\n浓度',
      ],
    ]);
  });
});

/** Rows as a part: each row's cells their own ids unless given as the same string object above. */
function part(rows: string[][], merged: [number, number][] = []): TableRows {
  let id = 0;
  const ids = rows.map((row) => row.map(() => id++));
  for (const [r, c] of merged) ids[r]![c] = ids[r - 1]![c]!;
  return { xs: [0, 50, 150, 250], rows, ids };
}

describe('appendPart', () => {
  const header = ['序号', '工作任务', '牵头单位'];

  it('drops a header repeated at the top of the page', () => {
    const table = part([header, ['1', '散煤清零。', '区发改委']]);
    appendPart(table, part([header, ['2', '清扫保洁。', '区城管局']]));
    expect(table.rows).toEqual([header, ['1', '散煤清零。', '区发改委'], ['2', '清扫保洁。', '区城管局']]);
  });

  it('joins a row broken by the page break, a paragraph ending there only after a sentence end', () => {
    const table = part([header, ['1', '建立问题清单并整改', '区城管局'], ['2', '开展排查。', '区发改委']]);
    appendPart(
      table,
      part([
        ['', '销号。', ''],
        ['3', '清扫保洁。', '区交通局'],
      ]),
    );
    expect(table.rows.slice(2)).toEqual([
      ['2', '开展排查。\n销号。', '区发改委'],
      ['3', '清扫保洁。', '区交通局'],
    ]);
    const broken = part([header, ['1', '建立问题清单并整改', '区城管局']]);
    appendPart(broken, part([['', '销号。', '']]));
    expect(broken.rows[1]).toEqual(['1', '建立问题清单并整改销号。', '区城管局']);
  });

  it('gives a cell merged across the break its text below it, when the merge shows on either side', () => {
    // 牵头单位 merged over rows 1–2 above the break: the empty cell below continues it.
    const above = part([header, ['1', '散煤清零。', '区发改委'], ['2', '清洁取暖。', '区发改委']], [[2, 2]]);
    appendPart(
      above,
      part([
        ['3', '煤质抽检。', ''],
        ['4', '清扫保洁。', '区城管局'],
      ]),
    );
    expect(above.rows.map((r) => r[2])).toEqual(['牵头单位', '区发改委', '区发改委', '区发改委', '区城管局']);
    // Merged over rows 1–2 below the break.
    const below = part([header, ['1', '散煤清零。', '区发改委']]);
    appendPart(
      below,
      part(
        [
          ['2', '清洁取暖。', ''],
          ['3', '煤质抽检。', ''],
        ],
        [[1, 2]],
      ),
    );
    expect(below.rows.map((r) => r[2])).toEqual(['牵头单位', '区发改委', '区发改委', '区发改委']);
    // A single empty cell under a single cell: nothing shows a merge, so it stays empty.
    const single = part([header, ['1', '散煤清零。', '区发改委']]);
    appendPart(single, part([['2', '清洁取暖。', '']]));
    expect(single.rows.map((r) => r[2])).toEqual(['牵头单位', '区发改委', '']);
  });

  it('continues a table only with the same columns', () => {
    const table = part([header]);
    expect(continues(table, { ...part([header]), xs: [0, 50.8, 149, 251] })).toBe(true);
    expect(continues(table, { ...part([header]), xs: [0, 80, 150, 250] })).toBe(false);
    expect(continues(table, { ...part([header]), xs: [0, 50, 150] })).toBe(false);
  });
});
