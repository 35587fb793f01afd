import { describe, expect, it } from 'vitest';
import { WEEKLY_HEADERS, YES_NO, weeklyItem } from './test-fixtures';
import { buildWeeklyReport } from './weekly-report';

const TITLE = '古荥镇 2026年第47周 攻坚任务周报 (2026-11-16 至 2026-11-22)';

describe('buildWeeklyReport', () => {
  it('puts the title above the report columns', () => {
    const sheet = buildWeeklyReport({
      sheetName: '古荥镇',
      title: TITLE,
      headers: WEEKLY_HEADERS,
      overdueLabels: YES_NO,
      rows: [],
    });
    expect(sheet.name).toBe('古荥镇');
    expect(sheet.title).toBe(TITLE);
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '序号',
      '任务',
      '要素/点位',
      '责任单位',
      '时限',
      '状态',
      '进展情况',
      '最近更新',
      '逾期',
    ]);
    expect(sheet.columns.every((c) => (c.width ?? 0) > 0)).toBe(true);
  });

  it('writes one numbered row per item', () => {
    const sheet = buildWeeklyReport({
      sheetName: '古荥镇',
      title: TITLE,
      headers: WEEKLY_HEADERS,
      overdueLabels: YES_NO,
      rows: [
        weeklyItem(),
        weeklyItem({
          taskNumber: '13',
          taskTitle: '推进柴油货车治理',
          featureName: null,
          deadline: null,
          statusLabel: '未开始',
          latestNote: null,
          latestAt: null,
        }),
      ],
    });
    expect(sheet.rows).toEqual([
      [
        1,
        '12 加强扬尘污染治理',
        '岗李水库',
        '古荥镇',
        { value: '2026年11月30日', warn: false },
        { value: '推进中', warn: false },
        '已完成裸土覆盖',
        new Date('2026-11-20T06:30:00Z'),
        { value: '否', warn: false },
      ],
      [
        2,
        '13 推进柴油货车治理',
        null,
        '古荥镇',
        { value: null, warn: false },
        { value: '未开始', warn: false },
        null,
        null,
        { value: '否', warn: false },
      ],
    ]);
  });

  it('marks the deadline, status and 逾期 of an overdue item', () => {
    const [row] = buildWeeklyReport({
      sheetName: '古荥镇',
      title: TITLE,
      headers: WEEKLY_HEADERS,
      overdueLabels: YES_NO,
      rows: [weeklyItem({ deadline: '2026-11-01', statusLabel: '已逾期', overdue: true })],
    }).rows;
    expect(row?.[4]).toEqual({ value: '2026年11月1日', warn: true });
    expect(row?.[5]).toEqual({ value: '已逾期', warn: true });
    expect(row?.[8]).toEqual({ value: '是', warn: true });
  });
});
