import { describe, expect, it } from 'vitest';
import { isIsoDate, validateTask, type TaskDraft, type TaskInvalidReason } from './task-validation';

const task = { number: '3', title: '加强站点周边管控', deadlines: ['2026-12-31'] };

describe('validateTask', () => {
  it('accepts a numbered, titled task with real dates or none', () => {
    expect(validateTask(task)).toEqual({ ok: true });
    expect(validateTask({ ...task, deadlines: [] })).toEqual({ ok: true });
  });

  it.each<[Partial<TaskDraft>, TaskInvalidReason]>([
    [{ number: '  ' }, 'empty_number'],
    [{ title: '' }, 'empty_title'],
    [{ deadlines: ['2026-02-30'] }, 'invalid_deadline'],
    [{ deadlines: ['2026-12-31', '年底前'] }, 'invalid_deadline'],
  ])('refuses %j: %s', (change, reason) => {
    expect(validateTask({ ...task, ...change })).toEqual({ ok: false, reason });
  });

  it('knows a calendar date', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
  });
});
