import { describe, expect, it } from 'vitest';
import type { Ruling } from './pdf-rulings';
import { cellAt, findTables } from './pdf-tables';

const h = (y: number, x1: number, x2: number): Ruling => ({ x1, y1: y, x2, y2: y });
const v = (x: number, y1: number, y2: number): Ruling => ({ x1: x, y1, x2: x, y2 });

describe('findTables', () => {
  it('makes a grid of crossing rules, slots merged where a border is missing', () => {
    // Two header rows: "责任单位" spans columns 1–2 above "牵头 | 配合"; column 0 ("序号") spans both.
    // Drawn in pieces and a little off, as writers do.
    const rulings = [
      h(700, 0, 300),
      h(680, 100, 300),
      h(660.6, 0, 150),
      h(660, 150, 300),
      h(620, 0, 300),
      v(0, 620, 700),
      v(100.4, 620, 700),
      v(200, 620, 680),
      v(300, 620, 700),
    ];
    const [table, ...rest] = findTables(rulings);
    expect(rest).toEqual([]);
    expect(table!.xs.map(Math.round)).toEqual([0, 100, 200, 300]);
    expect(table!.ys.map(Math.round)).toEqual([700, 680, 660, 620]);
    expect(table!.slots).toEqual([
      [0, 1, 1],
      [0, 2, 3],
      [4, 5, 6],
    ]);
    expect(cellAt(table!, 50, 670)).toBe(0);
    expect(cellAt(table!, 250, 690)).toBe(1);
    expect(cellAt(table!, 250, 630)).toBe(6);
    expect(cellAt(table!, 350, 630)).toBeNull();
    expect(table!.cells[0]).toEqual({
      left: 0,
      right: expect.closeTo(100.4) as number,
      top: 700,
      bottom: expect.closeTo(660.3) as number,
    });
  });

  it('finds each table on a page, top first, and no table in a framed box or an underline', () => {
    const box = (x: number, y: number, w: number, hh: number) => [
      h(y, x, x + w),
      h(y + hh, x, x + w),
      v(x, y, y + hh),
      v(x + w, y, y + hh),
    ];
    const lower = [...box(0, 100, 200, 40), v(100, 100, 140)];
    const upper = [...box(0, 500, 200, 40), h(520, 0, 200)];
    const tables = findTables([...lower, ...box(0, 300, 300, 30), h(250, 0, 400), ...upper]);
    expect(tables.map((t) => [t.ys[0], t.slots])).toEqual([
      [540, [[0], [1]]],
      [140, [[0, 1]]],
    ]);
  });
});
