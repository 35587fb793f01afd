// One-off deadlines of a task, resolved to ISO dates from the plan year: "8月底前" in a 2017 plan is
// 2017-08-31, "年底前" is 2017-12-31, "2019年10月底前" is 2019-10-31, "9月30日前" is 2017-09-30.
// Recurring dates ("每月25日前", "每年3月底前") and start dates ("自2019年3月1日起") are not deadlines.

const DATE =
  /(?:(\d{4}|今|本|明)年)?(\d{1,2})月(?:份)?(?:(\d{1,2})日|(上旬|中旬|下旬|底|末))(之前|以前|前)?|(\d{4}|今|本|明)?年(?:年)?(底|末)(之前|以前|前)?/g;
const RECURRING_BEFORE = /(?:每|次|逐|按|下|隔|当)(?:年|月|季度?|半年|周)?$/;
const START_AFTER = /^(?:起|开始|以来|之后|以后)/;

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The year last named before `at` in the same sentence ("2019年9月底前…，10月底前" → 2019). */
function yearInSentence(key: string, at: number): number | null {
  const start = Math.max(key.lastIndexOf('。', at - 1), key.lastIndexOf(';', at - 1)) + 1;
  let year: number | null = null;
  for (const m of key.slice(start, at).matchAll(/(\d{4})年/g)) year = Number(m[1]);
  return year;
}

function resolveYear(
  word: string | undefined,
  planYear: number | null,
  key: string,
  at: number,
): number | null {
  if (word && /^\d{4}$/.test(word)) return Number(word);
  if (!word) return yearInSentence(key, at) ?? planYear;
  if (planYear === null) return null;
  return word === '明' ? planYear + 1 : planYear;
}

/** Deadlines in a task's folded text, in order of first mention, without repeats. */
export function findDeadlines(key: string, planYear: number | null): string[] {
  const found: string[] = [];
  for (const m of key.matchAll(DATE)) {
    const at = m.index;
    const before = key.slice(Math.max(0, at - 3), at);
    const after = key.slice(at + m[0].length);
    if (RECURRING_BEFORE.test(before) || /(?:自|从)$/.test(before) || START_AFTER.test(after)) continue;
    const yearWord = m[1] ?? m[6];
    const explicit = yearWord !== undefined && /^\d{4}$/.test(yearWord);
    const isEnd = m[4] === '底' || m[4] === '末' || m[7] !== undefined;
    // Without 前 only an explicit year-end or month-end is a deadline ("2019年底，…达到85%").
    if (!(m[5] ?? m[8]) && !(isEnd && explicit)) continue;
    const year = resolveYear(yearWord, planYear, key, at);
    if (year === null) continue;
    const date = m[7] ? iso(year, 12, 31) : monthDate(year, Number(m[2]), m[3], m[4]);
    if (date && !found.includes(date)) found.push(date);
  }
  return found;
}

function monthDate(
  year: number,
  month: number,
  day: string | undefined,
  part: string | undefined,
): string | null {
  if (month < 1 || month > 12) return null;
  if (day) return iso(year, month, Number(day));
  return iso(year, month, part === '上旬' ? 10 : part === '中旬' ? 20 : lastDay(year, month));
}
