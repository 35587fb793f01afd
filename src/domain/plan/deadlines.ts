// One-off deadlines of a task, resolved to ISO dates from the plan year: "8月底前" in a 2017 plan is
// 2017-08-31, "年底前" is 2017-12-31, "2019年10月底前" is 2019-10-31, "9月30日前" is 2017-09-30, and a
// quarter or half-year ends on its last day ("一季度前" 03-31, "上半年前" 06-30).
// Recurring dates ("每月25日前", "每年3月底前") and start dates ("自2019年3月1日起") are not deadlines.
// A date given as the value of a 完成时限 field, or in a 时限 column, is one with or without 前.
import { fold } from './normalize-text';

const YEAR_WORD = '(\\d{4}|今|本|明)';
// A month end typed without 月 after a year ("2016年6底前") is read as one too.
const MONTH_DATE = new RegExp(
  `(?:${YEAR_WORD}年)?(\\d{1,2})(?:月(?:份)?(?:(\\d{1,2})日|(上旬|中旬|下旬|底|末))|(?<=\\d{4}年\\d{1,2})(底|末))(之前|以前|前)?`,
  'g',
);
// "2007年内,完成…" and "…,年内完成21个…" set the end of that year as well ("三年内完成" does not:
// only a clause's opening date counts without 前).
const YEAR_END = new RegExp(
  `${YEAR_WORD}?年(?:年)?(?:底|末|内(?=[,，]|(?:全面|全部|基本)?(?:完成|建成|实现|新增|新建)))(之前|以前|前)?`,
  'g',
);
const PERIOD = new RegExp(
  `(?:${YEAR_WORD}年)?(上半年|下半年|第?[一二三四1-4]季度)(?:末|底)?(之前|以前|前)?`,
  'g',
);
const YEAR_DONE =
  /(?<=[于在])(\d{4})年(?=(?:全面|基本|全部|彻底|正式)?(?:实现|完成|建成|达到|达标|投运|投入运行|实施))/g;
const RECURRING_BEFORE = /(?:每|次|逐|按|下|隔|当)(?:年|月|季度?|半年|周)?$/;
const START_WORDS = '起|开始|以来|之后|以后';
const START_AFTER = new RegExp(`^(?:${START_WORDS})`);
/** What follows a date that already says it is a deadline (…前) or a start (…起). */
export const IS_DEADLINE_OR_START = new RegExp(`^(?:之前|以前|前|${START_WORDS})`);
/** "4月底,全面完成…": a date that opens a clause sets the time of what follows. */
const CLAUSE_START = /(?:^|[。;,:!?])(?:到|于|在)?$/;

/** A date mention: where it is, its year word, whether 前 follows, whether it ends a period. */
interface Mention {
  at: number;
  length: number;
  yearWord: string | undefined;
  before: boolean;
  periodEnd: boolean;
  date: (year: number) => string | null;
}

export function lastDay(year: number, month: number): number {
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

function periodMonth(period: string): number {
  const quarter = /([一二三四1-4])季度/.exec(period)?.[1];
  if (!quarter) return period === '上半年' ? 6 : 12;
  return 3 * ('一二三四'.indexOf(quarter) + 1 || Number(quarter));
}

function mention(
  m: RegExpMatchArray,
  yearWord: string | undefined,
  before: string | undefined,
  periodEnd: boolean,
  date: Mention['date'],
): Mention {
  return { at: m.index!, length: m[0].length, yearWord, before: Boolean(before), periodEnd, date };
}

/** Every date mention, in order; where two overlap, the one that starts first wins. */
function mentions(key: string): Mention[] {
  const found: Mention[] = [];
  for (const m of key.matchAll(MONTH_DATE)) {
    const [, yearWord, month, day, monthPart, typedPart, before] = m;
    const part = monthPart ?? typedPart;
    const periodEnd = part === '底' || part === '末';
    found.push(mention(m, yearWord, before, periodEnd, (year) => monthDate(year, Number(month), day, part)));
  }
  for (const m of key.matchAll(YEAR_END)) {
    found.push(mention(m, m[1], m[2], true, (year) => iso(year, 12, 31)));
  }
  // "必须于2009年实现…": a year by which the work is done ends with that year.
  for (const m of key.matchAll(YEAR_DONE)) {
    found.push(mention(m, m[1], '前', true, (year) => iso(year, 12, 31)));
  }
  for (const m of key.matchAll(PERIOD)) {
    const month = periodMonth(m[2]!);
    found.push(mention(m, m[1], m[3], true, (year) => iso(year, month, lastDay(year, month))));
  }
  found.sort((a, b) => a.at - b.at || b.length - a.length);
  return found.filter((m, i) => i === 0 || found.slice(0, i).every((p) => p.at + p.length <= m.at));
}

/** The dates of a 完成时限 value as deadlines: "12月31日" → "12月31日前" (a bare day is not one), and
 *  a bare month means its end: "2019年10月" → "2019年10月底前". */
const DUE_DATE =
  /\d{1,2}月份?(?:\d{1,2}日|上旬|中旬|下旬|底|末|(?![\d上中下底末]))|年(?:底|末)|[上下]半年|季度(?:末|底)?/g;

/** "2023.10.31", "2023-10", "2023/10/31": a date in figures, as a form's field may give it. */
const FIGURE_DATE = /(?<!\d)(\d{4})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?(?![\d.万亿千百元吨%])/g;

export function asDeadline(printed: string): string {
  const text =
    fold(printed).search(FIGURE_DATE) < 0
      ? printed
      : fold(printed).replace(
          FIGURE_DATE,
          (_, year: string, month: string, day?: string) =>
            `${year}年${Number(month)}月${day ? `${Number(day)}日` : ''}`,
        );
  // Matched on the folded text (full-width digits), which has the same length as the text.
  const key = fold(text);
  let out = '';
  let at = 0;
  for (const m of key.matchAll(DUE_DATE)) {
    const end = m.index + m[0].length;
    out += text.slice(at, end);
    if (/月份?$/.test(m[0])) out += '底';
    if (!IS_DEADLINE_OR_START.test(key.slice(end))) out += '前';
    at = end;
  }
  return out + text.slice(at);
}

/** "完成时限:2023年9月30日", "时间节点:2022年10月": a field whose value is when the task is due. */
/** The label of a field stating when the work is due. */
export const DUE_LABEL = '(?:完成|整改|办结)?(?:时限|时间|期限)(?:节点|要求|安排)?';
const DUE_FIELD = new RegExp(`(${DUE_LABEL}\\s*:\\s*)([^。;]*)`, 'g');

/** Deadlines in a task's folded text, in order of first mention, without repeats. */
export function findDeadlines(taskKey: string, planYear: number | null): string[] {
  const found: string[] = [];
  const key = taskKey.includes(':')
    ? taskKey.replace(DUE_FIELD, (_, label: string, value: string) => label + asDeadline(value))
    : taskKey;
  const all = mentions(key);
  // "分别于2018年10月8日、10月12日前": dates listed before one 前 all take it.
  for (let i = all.length - 2; i >= 0; i--) {
    const [m, next] = [all[i]!, all[i + 1]!];
    if (next.before && /^\s*[、和及与或]\s*$/.test(key.slice(m.at + m.length, next.at))) m.before = true;
  }
  for (const m of all) {
    const before = key.slice(Math.max(0, m.at - 3), m.at);
    const after = key.slice(m.at + m.length);
    // "围绕2020年底前…达到…要求": the horizon of the goal the work serves, not the work's deadline.
    // "截至2020年底,全区县道总里程427公里": a count as it stood then, not work due.
    if (RECURRING_BEFORE.test(before) || /(?:自|从|围绕|截至)$/.test(before) || START_AFTER.test(after))
      continue;
    const explicit = m.yearWord !== undefined && /^\d{4}$/.test(m.yearWord);
    // Without 前 only the end of a month, quarter or year counts, and only with an explicit year
    // ("2019年底，…达到85%") or opening a clause ("4月底,全面完成…").
    if (!m.before && !(m.periodEnd && (explicit || CLAUSE_START.test(key.slice(0, m.at))))) continue;
    const year = resolveYear(m.yearWord, planYear, key, m.at);
    const date = year === null ? null : m.date(year);
    if (date && !found.includes(date)) found.push(date);
  }
  return found;
}
