import { describe, expect, it } from 'vitest';
import { tableGrid, type CellDef } from './word-tables';

const cell = (left: number, right: number, more: Partial<CellDef> = {}): CellDef => ({
  left,
  right,
  vMerge: 'none',
  hMerged: false,
  ...more,
});

describe('tableGrid', () => {
  it('spreads a cell over the columns it spans and repeats a cell merged down', () => {
    const rows = [
      {
        cells: ['序号', '任务', '责任单位', '时限'],
        defs: [
          cell(0, 700, { vMerge: 'restart' }),
          cell(700, 3000, { vMerge: 'restart' }),
          cell(3000, 5800),
          cell(5800, 7000, { vMerge: 'restart' }),
        ],
      },
      {
        cells: ['', '', '牵头', '配合', ''],
        defs: [
          cell(0, 700, { vMerge: 'continue' }),
          cell(700, 3000, { vMerge: 'continue' }),
          cell(3000, 4400),
          cell(4400, 5800),
          cell(5800, 7000, { vMerge: 'continue' }),
        ],
      },
    ];
    expect(tableGrid(rows)).toEqual([
      ['序号', '任务', '责任单位', '责任单位', '时限'],
      ['序号', '任务', '牵头', '配合', '时限'],
    ]);
  });

  it('takes edges a few twips apart as one and fills Word 97’s horizontally merged cells', () => {
    const rows = [
      { cells: ['1', '道路清扫'], defs: [cell(0, 700), cell(700, 3000)] },
      {
        cells: ['2', '裸地苫盖', ''],
        defs: [cell(2, 712), cell(712, 2000), cell(2000, 2990, { hMerged: true })],
      },
    ];
    expect(tableGrid(rows)).toEqual([
      ['1', '道路清扫', '道路清扫'],
      ['2', '裸地苫盖', '裸地苫盖'],
    ]);
  });

  it('keeps the cells of a row without definitions in order', () => {
    expect(tableGrid([{ cells: ['a', 'b'], defs: [] }])).toEqual([['a', 'b']]);
  });
});
