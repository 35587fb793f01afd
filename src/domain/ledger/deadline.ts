// Whether a task is overdue: past its earliest deadline and not yet closed (销号).
import type { TaskStatus } from './types';

/** `deadline` is an ISO date (yyyy-mm-dd), due at the end of that day in China (UTC+8). */
export function isOverdue(deadline: string | null, status: TaskStatus, now: Date): boolean {
  if (!deadline || status === 'closed') return false;
  const due = Date.parse(`${deadline}T23:59:59.999+08:00`);
  return Number.isFinite(due) && now.getTime() > due;
}
