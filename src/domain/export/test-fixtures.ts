// Rows and headers shared by the export tests, in the words of a real district ledger.
import type { DispatchHeaders, DispatchRow } from './dispatch-table';
import type { WeeklyItemRow, WeeklyReportHeaders } from './weekly-report';

export const DISPATCH_HEADERS: DispatchHeaders = {
  index: '序号',
  task: '任务',
  leadUnits: '牵头单位',
  responsibleUnits: '责任单位',
  deadline: '时限',
  progress: '进展情况',
  status: '状态',
};

export function dispatchRow(overrides: Partial<DispatchRow> = {}): DispatchRow {
  return {
    number: '12',
    title: '加强扬尘污染治理',
    leadUnits: ['区住建局'],
    responsibleUnits: ['区城管局', '各乡镇（街道）'],
    deadline: '2026-11-30',
    progress: '已完成裸土覆盖85%',
    statusLabel: '推进中',
    overdue: false,
    ...overrides,
  };
}

export const WEEKLY_HEADERS: WeeklyReportHeaders = {
  index: '序号',
  task: '任务',
  feature: '要素/点位',
  unit: '责任单位',
  deadline: '时限',
  status: '状态',
  latestNote: '进展情况',
  latestAt: '最近更新',
  overdue: '逾期',
};

export const YES_NO = { yes: '是', no: '否' };

export function weeklyItem(overrides: Partial<WeeklyItemRow> = {}): WeeklyItemRow {
  return {
    taskNumber: '12',
    taskTitle: '加强扬尘污染治理',
    featureName: '岗李水库',
    unitName: '古荥镇',
    deadline: '2026-11-30',
    statusLabel: '推进中',
    latestNote: '已完成裸土覆盖',
    latestAt: '2026-11-20T06:30:00Z',
    overdue: false,
    ...overrides,
  };
}
