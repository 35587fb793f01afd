// A township's weekly report (周报): the items assigned to it, one row per task and map feature.
import { chineseDate } from './dates';
import { taskLabel } from './dispatch-table';
import type { Cell, SheetSpec } from './spreadsheet';

export interface WeeklyItemRow {
  taskNumber: string;
  taskTitle: string;
  featureName: string | null;
  unitName: string;
  /** ISO date. */
  deadline: string | null;
  statusLabel: string;
  latestNote: string | null;
  /** ISO timestamp of the latest progress note. */
  latestAt: string | null;
  overdue: boolean;
}

/** Column headers, translated by the caller (序号, 任务, 要素/点位, 责任单位, 时限, 状态, 进展情况, 最近更新, 逾期). */
export interface WeeklyReportHeaders {
  index: string;
  task: string;
  feature: string;
  unit: string;
  deadline: string;
  status: string;
  latestNote: string;
  latestAt: string;
  overdue: string;
}

export interface WeeklyReportInput {
  sheetName: string;
  /** E.g. "XX镇 2026年第47周 攻坚任务周报 (2026-11-16 至 2026-11-22)"; see isoWeek. */
  title: string;
  headers: WeeklyReportHeaders;
  /** The 逾期 column's words (是/否). */
  overdueLabels: { yes: string; no: string };
  rows: WeeklyItemRow[];
}

export function buildWeeklyReport({
  sheetName,
  title,
  headers,
  overdueLabels,
  rows,
}: WeeklyReportInput): SheetSpec {
  return {
    name: sheetName,
    title,
    columns: [
      { header: headers.index, width: 6 },
      { header: headers.task, width: 32 },
      { header: headers.feature, width: 20 },
      { header: headers.unit, width: 18 },
      { header: headers.deadline, width: 16 },
      { header: headers.status, width: 10 },
      { header: headers.latestNote, width: 40 },
      { header: headers.latestAt, width: 17 },
      { header: headers.overdue, width: 6 },
    ],
    rows: rows.map((row, i): Cell[] => [
      i + 1,
      taskLabel(row.taskNumber, row.taskTitle),
      row.featureName,
      row.unitName,
      { value: row.deadline && chineseDate(row.deadline), warn: row.overdue },
      { value: row.statusLabel, warn: row.overdue },
      row.latestNote,
      row.latestAt === null ? null : new Date(row.latestAt),
      { value: row.overdue ? overdueLabels.yes : overdueLabels.no, warn: row.overdue },
    ]),
  };
}
