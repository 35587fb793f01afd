// A task table whose cells and rows a Word copy ran together with no separator at all: "…责任分工表序号
// 工作内容目标任务责任单位备注1将生活垃圾分类…。2021年2月底前,…。市委宣传部(市文明办)、…,各区(市)县
// 政府(管委会)2完善…". Its header is the column names run together after 序号; a row starts with its
// number, the next of the run, right after the unit that ends the row before ("(管委会)2完善"); a row
// sorted into groups by a row across the table starts a group with "一、"; a row's units are its words
// after its last full stop, the rest its text. Read so, it is a task table like any.
import { physicalLines, type Line } from './normalize-text';
import { columnOf, GLUED_UNITS, isUnitColumn, taskTableLines, type Column } from './task-table';
import { isUnitList } from './unit-lines';

/** A line this long may hold a whole table. */
const TABLE_LENGTH = 200;
/** A schedule's year columns ("2018年2019年2023年") have no name the task table knows. */
const YEAR_COLUMN = /^\d{4}年/;
/** What ends the unit cell before a row's number. */
const UNIT_END = /[局委办府院队所站处室会部心司街镇等)]$/;
const GROUP = /^[一二三四五六七八九十]{1,3}、/;

/** The length of the column name at `at`, the longest after which another name, a year or the first
 *  row follows ("任务分解及实施进度" before "牵头单位", not "任务分解及实施进度牵"); 0 for none. */
function nameAt(key: string, at: number, last = false): number {
  const year = YEAR_COLUMN.exec(key.slice(at))?.[0];
  if (year) return year.length;
  for (let length = 10; length >= 2; length--) {
    if (columnOf(key.slice(at, at + length)) === null) continue;
    const next = key.slice(at + length);
    if (
      last ||
      /^(?:\d(?!\d{3}年)|[一二三四五六七八九十]{1,3}、)/.test(next) ||
      nameAt(key, at + length, true)
    )
      return length;
  }
  return 0;
}

/** The column names run together after 序号, as printed, and where the first row starts. */
function header(key: string, from: number): { names: string[]; end: number } | null {
  const names = ['序号'];
  let at = from + 2;
  for (let length = nameAt(key, at); length; length = nameAt(key, at)) {
    names.push(key.slice(at, at + length));
    at += length;
  }
  const columns = names.map(columnOf);
  const text = columns.some((c) => c === 'task' || c === 'measures');
  return text && columns.some(isUnitColumn) ? { names, end: at } : null;
}

/** Where the row numbered `n` (or a group) starts after the unit ending the row before, or -1. */
function nextRow(key: string, from: number, n: number): number {
  const row = new RegExp(`(?<![\\d.])${n}(?=[\\u4e00-\\u9fff“《])|[一二三四五六七八九十]{1,3}、`, 'g');
  row.lastIndex = from;
  for (let m = row.exec(key); m; m = row.exec(key)) if (UNIT_END.test(key.slice(0, m.index))) return m.index;
  return -1;
}

/** A row's cells in the header's columns: its text in the first text column, its units after its
 *  last full stop shared out over the unit columns where one name runs into the next. */
function cells(text: string, key: string, columns: (Column | null)[]): string[] | null {
  const stop = Math.max(key.lastIndexOf('。'), key.lastIndexOf(';'));
  const unitsKey = key.slice(stop + 1);
  if (stop < 0 || !isUnitList(unitsKey.replace(GLUED_UNITS, '、'))) return null;
  const unitColumns = columns.flatMap((c, i) => (isUnitColumn(c) ? [i] : []));
  const glued = [...unitsKey.matchAll(GLUED_UNITS)].map((m) => stop + 1 + m.index);
  // One run-on per cell boundary shares the units out; any other number leaves them in the first.
  const cuts = glued.length === unitColumns.length - 1 ? glued : [];
  const row = columns.map(() => '');
  const number = /^\d+/.exec(key)![0];
  row[0] = number;
  row[columns.findIndex((c) => c === 'task' || c === 'measures')] = text.slice(number.length, stop + 1);
  [stop + 1, ...cuts].forEach((from, i) => {
    row[unitColumns[i]!] = text.slice(from, cuts[i] ?? text.length);
  });
  return row;
}

/** The task lines of a table run together in one line, with the words before its header; null when
 *  the line holds no such table. */
function gluedTable(line: Line): string[] | null {
  const { key, text } = line;
  const at = key.indexOf('序号');
  const head = at >= 0 ? header(key, at) : null;
  if (!head) return null;
  const columns = head.names.map(columnOf);
  const rows: string[][] = [head.names];
  let from = head.end;
  let n = 1;
  while (from < key.length) {
    const group = GROUP.test(key.slice(from));
    if (!group && !key.startsWith(String(n), from)) return null;
    // A group's row runs to the first row's number; a row to the next row's, or the line's end.
    const next = group ? key.indexOf(String(n), from) : nextRow(key, from + 1, n + 1);
    const end = next < 0 && !group ? key.length : next;
    if (end <= from) return null;
    if (group) rows.push([text.slice(from, end), ...columns.slice(1).map(() => '')]);
    else {
      const row = cells(text.slice(from, end), key.slice(from, end), columns);
      if (!row) return null;
      rows.push(row);
      n++;
    }
    from = end;
  }
  const tasks = n > 1 ? taskTableLines(rows, { fillDown: false }) : null;
  return tasks && [text.slice(0, at), ...tasks].filter(Boolean);
}

/** Lines holding a table run together become its task lines, which keep the line's place in the
 *  source; other lines are kept as they are. */
export function withGluedTables(lines: Line[]): Line[] {
  return lines.flatMap((line) => {
    const table = line.key.length >= TABLE_LENGTH && !line.chrome ? gluedTable(line) : null;
    if (!table) return [line];
    return physicalLines(table.join('\n')).map((l) => ({ ...l, start: line.start, end: line.end }));
  });
}
