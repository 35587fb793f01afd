import { describe, expect, it } from 'vitest';
import { chinaDate, chineseDate, isoWeek } from './dates';

describe('isoWeek', () => {
  it.each([
    ['2026-11-16', { year: 2026, week: 47, start: '2026-11-16', end: '2026-11-22' }],
    ['2026-11-22', { year: 2026, week: 47, start: '2026-11-16', end: '2026-11-22' }],
    ['2026-11-23', { year: 2026, week: 48, start: '2026-11-23', end: '2026-11-29' }],
    // Week 1 holds the first Thursday, so it may start in the previous calendar year...
    ['2026-01-01', { year: 2026, week: 1, start: '2025-12-29', end: '2026-01-04' }],
    ['2024-12-30', { year: 2025, week: 1, start: '2024-12-30', end: '2025-01-05' }],
    // ...and early January may belong to the previous year's last week.
    ['2021-01-03', { year: 2020, week: 53, start: '2020-12-28', end: '2021-01-03' }],
    ['2027-01-01', { year: 2026, week: 53, start: '2026-12-28', end: '2027-01-03' }],
    ['2024-02-29', { year: 2024, week: 9, start: '2024-02-26', end: '2024-03-03' }],
  ])('%s', (date, expected) => {
    expect(isoWeek(date)).toEqual(expected);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-5', '2026-11-16T00:00:00Z', ''])('rejects %j', (date) => {
    expect(() => isoWeek(date)).toThrow(RangeError);
  });
});

describe('chinaDate', () => {
  it('reads the calendar date in UTC+8', () => {
    expect(chinaDate(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(chinaDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
});

describe('chineseDate', () => {
  it('writes 年月日 without leading zeros', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(chineseDate('2026-11-20')).toBe('2026年11月20日');
  });

  it.each(['年底前', '2026-02-30', '2026/11/20'])('returns %j as given', (text) => {
    expect(chineseDate(text)).toBe(text);
  });
});
