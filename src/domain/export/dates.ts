// Calendar helpers for exported tables. Dates are ISO calendar dates (yyyy-mm-dd) with no time
// zone; instants are read in China Standard Time (UTC+8, no daylight saving), as deadlines are.

export const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface IsoWeek {
  /** The ISO week-numbering year, which differs from the calendar year around New Year. */
  year: number;
  week: number;
  /** Monday, ISO date. */
  start: string;
  /** Sunday, ISO date. */
  end: string;
}

/** UTC midnight of an ISO date, or null when it is not a real yyyy-mm-dd date. */
function parseIsoDate(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? t : null;
}

function toIsoDate(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

/** The ISO week (weeks start on Monday; week 1 holds the year's first Thursday) of an ISO date. */
export function isoWeek(date: string): IsoWeek {
  const t = parseIsoDate(date);
  if (t === null) throw new RangeError(`Not an ISO date: ${date}`);
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;
  const thursday = monday + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week, start: toIsoDate(monday), end: toIsoDate(monday + 6 * DAY_MS) };
}

/** The calendar date in China at an instant, e.g. to find "this week" whatever the browser's zone. */
export function chinaDate(instant: Date): string {
  return toIsoDate(instant.getTime() + CHINA_UTC_OFFSET_MS);
}

/**
 * 2026-11-20 → 2026年11月20日, the form government tables use. Anything else is returned as
 * given: one odd value should show up in the table rather than fail the whole export.
 */
export function chineseDate(date: string): string {
  const t = parseIsoDate(date);
  if (t === null) return date;
  const d = new Date(t);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
