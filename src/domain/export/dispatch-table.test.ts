import { describe, expect, it } from 'vitest';
import { buildDispatchTable, taskLabel } from './dispatch-table';
import { DISPATCH_HEADERS, dispatchRow } from './test-fixtures';

describe('buildDispatchTable', () => {
  it('lays out the columns of the dispatch form', () => {
    const sheet = buildDispatchTable({ sheetName: '台账', headers: DISPATCH_HEADERS, rows: [] });
    expect(sheet.name).toBe('台账');
    expect(sheet.title).toBeUndefined();
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '序号',
      '任务',
      '牵头单位',
      '责任单位',
      '时限',
      '进展情况',
      '状态',
    ]);
    expect(sheet.columns.every((c) => (c.width ?? 0) > 0)).toBe(true);
    expect(sheet.rows).toEqual([]);
  });

  it('passes a title through', () => {
    const sheet = buildDispatchTable({
      sheetName: '台账',
      title: '攻坚任务台账',
      headers: DISPATCH_HEADERS,
      rows: [],
    });
    expect(sheet.title).toBe('攻坚任务台账');
  });

  it('writes one numbered row per task', () => {
    const sheet = buildDispatchTable({
      sheetName: '台账',
      headers: DISPATCH_HEADERS,
      rows: [
        dispatchRow(),
        dispatchRow({
          number: '13',
          title: '推进柴油货车治理',
          leadUnits: ['区生态环境分局', '区交通局'],
          responsibleUnits: [],
          deadline: null,
          progress: null,
          statusLabel: '未开始',
        }),
      ],
    });
    expect(sheet.rows).toEqual([
      [
        1,
        '12 加强扬尘污染治理',
        '区住建局',
        '区城管局、各乡镇（街道）',
        { value: '2026年11月30日', warn: false },
        '已完成裸土覆盖85%',
        { value: '推进中', warn: false },
      ],
      [
        2,
        '13 推进柴油货车治理',
        '区生态环境分局、区交通局',
        '',
        { value: null, warn: false },
        null,
        { value: '未开始', warn: false },
      ],
    ]);
  });

  it('marks the deadline and status of an overdue task', () => {
    const [row] = buildDispatchTable({
      sheetName: '台账',
      headers: DISPATCH_HEADERS,
      rows: [dispatchRow({ deadline: '2026-11-01', statusLabel: '已逾期', overdue: true })],
    }).rows;
    expect(row?.[4]).toEqual({ value: '2026年11月1日', warn: true });
    expect(row?.[6]).toEqual({ value: '已逾期', warn: true });
  });

  it('keeps user text as typed: formula safety is the writer’s job', () => {
    const [row] = buildDispatchTable({
      sheetName: '台账',
      headers: DISPATCH_HEADERS,
      rows: [dispatchRow({ progress: '=1+1' })],
    }).rows;
    expect(row?.[5]).toBe('=1+1');
  });
});

describe('taskLabel', () => {
  it('joins number and title with a space, skipping blanks', () => {
    expect(taskLabel('12', '加强扬尘污染治理')).toBe('12 加强扬尘污染治理');
    expect(taskLabel(' 12 ', ' 加强扬尘污染治理 ')).toBe('12 加强扬尘污染治理');
    expect(taskLabel('', '加强扬尘污染治理')).toBe('加强扬尘污染治理');
  });
});
