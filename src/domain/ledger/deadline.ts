// Whether a task is overdue: past its earliest deadline and not yet closed (销号).
import type { TaskStatus } from './types';

/** `deadline` is an ISO date (yyyy-mm-dd), due at the end of that day in China (UTC+8). */
export function isOverdue(deadline: string | null, status: TaskStatus, now: Date): boolean {
  if (!deadline || status === 'closed') return false;
  const due = Date.parse(`${deadline}T23:59:59.999+08:00`);
  return Number.isFinite(due) && now.getTime() > due;
}

const DAY_MS = 86_400_000;

/** Whole days past the deadline (0 when not overdue). */
export function daysOverdue(deadline: string | null, status: TaskStatus, now: Date): number {
  if (!isOverdue(deadline, status, now)) return 0;
  const due = Date.parse(`${deadline}T23:59:59.999+08:00`);
  return Math.ceil((now.getTime() - due) / DAY_MS);
}

/** Not yet overdue, still open, and due within `days` days (flagged in lists). */
export function isDueSoon(deadline: string | null, status: TaskStatus, now: Date, days = 7): boolean {
  if (!deadline || status === 'closed' || isOverdue(deadline, status, now)) return false;
  const due = Date.parse(`${deadline}T23:59:59.999+08:00`);
  return due - now.getTime() <= days * DAY_MS;
}
