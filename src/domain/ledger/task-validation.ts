// A planner's edit of a task, checked before it is sent; the database holds the same rules
// (tasks_number_present, the title check, date[] deadlines; migration check_feature_edits).
import { btrim } from '../sql-text';
import type { Validation } from '../feature/feature-validation';

export type TaskInvalidReason = 'empty_number' | 'empty_title' | 'invalid_deadline';

export interface TaskDraft {
  number: string;
  title: string;
  /** ISO dates (YYYY-MM-DD). */
  deadlines: string[];
}

/** A real calendar date in ISO form: 2026-02-30 is not one. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function validateTask(draft: TaskDraft): Validation<TaskInvalidReason> {
  if (btrim(draft.number).length === 0) return { ok: false, reason: 'empty_number' };
  if (btrim(draft.title).length === 0) return { ok: false, reason: 'empty_title' };
  if (!draft.deadlines.every(isIsoDate)) return { ok: false, reason: 'invalid_deadline' };
  return { ok: true };
}
