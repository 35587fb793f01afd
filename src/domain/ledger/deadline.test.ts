import { describe, expect, it } from 'vitest';
import { daysOverdue, isDueSoon, isOverdue } from './deadline';

const at = (iso: string) => new Date(iso);

describe('deadlines in China time', () => {
  it('is overdue only after the end of the deadline day (UTC+8) and never once closed', () => {
    expect(isOverdue('2026-11-20', 'in_progress', at('2026-11-20T15:59:59Z'))).toBe(false);
    expect(isOverdue('2026-11-20', 'in_progress', at('2026-11-20T16:00:00Z'))).toBe(true);
    expect(isOverdue('2026-11-20', 'done', at('2026-12-01T00:00:00Z'))).toBe(true);
    expect(isOverdue('2026-11-20', 'closed', at('2026-12-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(null, 'not_started', at('2030-01-01T00:00:00Z'))).toBe(false);
  });
  it('counts whole days overdue', () => {
    expect(daysOverdue('2026-11-20', 'not_started', at('2026-11-20T16:00:00Z'))).toBe(1);
    expect(daysOverdue('2026-11-20', 'not_started', at('2026-11-23T12:00:00Z'))).toBe(3);
    expect(daysOverdue('2026-11-20', 'closed', at('2026-11-23T12:00:00Z'))).toBe(0);
  });
  it('flags open items due within 7 days', () => {
    expect(isDueSoon('2026-11-30', 'in_progress', at('2026-11-24T00:00:00Z'))).toBe(true);
    expect(isDueSoon('2026-12-10', 'in_progress', at('2026-11-24T00:00:00Z'))).toBe(false);
    expect(isDueSoon('2026-11-30', 'closed', at('2026-11-24T00:00:00Z'))).toBe(false);
    expect(isDueSoon('2026-11-20', 'in_progress', at('2026-11-24T00:00:00Z'))).toBe(false);
  });
});
