// The 台账 dispatch table in the weekly form district offices circulate: one row per task.
import { chineseDate } from './dates';
import type { Cell, SheetSpec } from './spreadsheet';

export interface DispatchRow {
  number: string;
  title: string;
  leadUnits: string[];
  responsibleUnits: string[];
  /** ISO date. */
  deadline: string | null;
  progress: string | null;
  statusLabel: string;
  overdue: boolean;
}

/** Column headers, translated by the caller (序号, 任务, 牵头单位, 责任单位, 时限, 进展情况, 状态). */
export interface DispatchHeaders {
  index: string;
  task: string;
  leadUnits: string;
  responsibleUnits: string;
  deadline: string;
  progress: string;
  status: string;
}

export interface DispatchTableInput {
  sheetName: string;
  title?: string;
  headers: DispatchHeaders;
  rows: DispatchRow[];
}

/** Units are listed with the enumeration comma, as in Chinese documents. */
export const UNIT_SEPARATOR = '、';

export function taskLabel(number: string, title: string): string {
  return [number.trim(), title.trim()].filter(Boolean).join(' ');
}

export function buildDispatchTable({ sheetName, title, headers, rows }: DispatchTableInput): SheetSpec {
  return {
    name: sheetName,
    ...(title ? { title } : {}),
    columns: [
      { header: headers.index, width: 6 },
      { header: headers.task, width: 36 },
      { header: headers.leadUnits, width: 18 },
      { header: headers.responsibleUnits, width: 28 },
      { header: headers.deadline, width: 16 },
      { header: headers.progress, width: 48 },
      { header: headers.status, width: 10 },
    ],
    rows: rows.map((row, i): Cell[] => [
      i + 1,
      taskLabel(row.number, row.title),
      row.leadUnits.join(UNIT_SEPARATOR),
      row.responsibleUnits.join(UNIT_SEPARATOR),
      { value: row.deadline && chineseDate(row.deadline), warn: row.overdue },
      row.progress,
      { value: row.statusLabel, warn: row.overdue },
    ]),
  };
}
