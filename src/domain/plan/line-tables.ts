// Task tables that a web page's text left one cell a line (a blank line between cells, often):
// the column names one under another, then each row's cells, the first its number ("1", "2", …).
// A row runs from its number to the next one; a row short of cells (a merged or empty one) is laid
// into the columns as a space-flattened row is (space-tables' alignRow), a missing cell repeating
// the one above, and a row of more lines than columns has a cell of several paragraphs.
// Where a blank line parts every cell, a cell is a paragraph: its lines are one cell's (units one
// a line, measures "1." "2." one a line, a category printed a character a line).
import { fold } from './normalize-text';
import { mergedRows } from './space-tables';
import { isUnitList } from './unit-lines';
import {
  chineseNumber,
  type Column,
  columnOf,
  isHeader,
  isUnitColumn,
  TASK_NUMBER,
  taskTableLines,
} from './task-table';

/** A table's title ("重点任务清单"), not a column's name. */
const TABLE_TITLE = /(?:清单|方案|计划|要点)$/;
/** A column name: short, one phrase, no sentence. */
const NAME = /^[\u4e00-\u9fff（）()、/或及和]{2,12}$/;

interface Cell {
  text: string;
  line: number;
}

/** A paragraph's lines as one cell; a word printed a character a line ("分\n类\n投\n放") is one line. */
function paragraphCell(lines: string[]): string {
  const single = (l: string) => [...l].length === 1;
  if (lines.length < 3 || !lines.slice(1).every(single)) return lines.join('\n');
  return single(lines[0]!) ? lines.join('') : `${lines[0]}\n${lines.slice(1).join('')}`;
}

/** The cells, each with the index of its first line: every non-blank line, or every paragraph. Among
 *  paragraphs, one blank line more than parts two cells is an empty cell between them; a longer run
 *  of blank lines (empty columns) leaves the columns to be told by what the cells hold. */
function cellsOf(lines: string[], paragraphs: boolean): Cell[] {
  const out: Cell[] = [];
  let blanks = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) {
      blanks++;
      continue;
    }
    if (paragraphs && blanks === 2 && out.length) out.push({ text: '', line: i - 1 });
    blanks = 0;
    let end = i + 1;
    if (paragraphs) while (end < lines.length && lines[end]!.trim()) end++;
    out.push({ text: paragraphCell(lines.slice(i, end).map((l) => l.trim())), line: i });
    i = end - 1;
  }
  return out;
}

/** Lines a row may take, per column: a cell may list a dozen measures, one a line. */
const ROW_CELLS = 6;

/** Whether cells[j] numbers row k. */
const numbered = (cells: Cell[], j: number, k: number) =>
  TASK_NUMBER.exec(cells[j]?.text ?? '')?.[1] === String(k);

/** A group's row before row k: its number and its name, and how many cells they take. */
interface Group {
  mark: string;
  name: string;
  size: number;
  /** A part's heading printed across the table ("一、持续强化规划引领"): a line of the plan's own. */
  part?: string;
}
const GROUP_MARK = /^[一二三四五六七八九十]{1,3}[、.]?$/;
/** A category cell holding its number and its name ("1.\n分类投放"), printed once or twice. */
const GROUP_CELL = /^(\d{1,2}|[一二三四五六七八九十]{1,3})[、.．]?\n([^\n]{2,30})$/;

/** A part's heading printed across the table: "一、持续强化规划引领", "行动一：再造发展新极行动（…）". */
const PART_ROW =
  /^(?:[一二三四五六七八九十]{1,3}、\s*[^\s\d、]{2,30}|(?:行动|专项行动|板块)[一二三四五六七八九十]{1,3}[:：]\s*[^\n]{2,40})$/;
/** A category cell printed where the category changes, before its row's number ("旧区改造" / "4"):
 *  a few words, no sentence and no unit's name (a row's last cell, "区绿化市容局", before the next
 *  row's number is no category). */
const CATEGORY = /^[^\s\d。，,；;、]{2,14}$/;
const categoryBefore = (cells: Cell[], j: number, k: number) =>
  CATEGORY.test(cells[j]?.text ?? '') && !isUnitList(fold(cells[j]!.text)) && numbered(cells, j + 1, k);

/** The group whose row comes before row k at cells[j]: "一" over its name, or one category cell. */
function groupAt(cells: Cell[], j: number, k: number): Group | null {
  const cell = cells[j]?.text ?? '';
  if (GROUP_MARK.test(cell) && !TASK_NUMBER.test(cells[j + 1]?.text ?? '1') && numbered(cells, j + 2, k))
    return { mark: cell, name: cells[j + 1]!.text, size: 2 };
  const part = PART_ROW.exec(cell);
  if (part)
    return numbered(cells, j + 1, k) || categoryBefore(cells, j + 1, k)
      ? { mark: '', name: '', size: 1, part: part[0] }
      : null;
  const own = GROUP_CELL.exec(cell);
  if (!own) return null;
  let size = 1;
  while (cells[j + size]?.text === cell) size++;
  if (!numbered(cells, j + size, k)) return null;
  return { mark: /\d/.test(own[1]!) ? chineseNumber(Number(own[1])) : own[1]!, name: own[2]!, size };
}

/** A group's row before row k, or before a row 1 that starts its numbering again. */
const groupBefore = (cells: Cell[], j: number, k: number) =>
  groupAt(cells, j, k) ?? (k > 1 ? groupAt(cells, j, 1) : null);

/**
 * The column names above the table's first row (at `cells[at]`, "1" at `cells[one]`), or null when
 * they do not head a task table: as many as the first row has cells (up to its "2"), else every
 * name-like line above.
 */
function headerBefore(cells: Cell[], at: number, one: number): Cell[] | null {
  let start = at;
  // A table's title over its names ("重点任务清单") is none of them.
  const name = (text: string) =>
    NAME.test(text.replace(/\s/g, '')) && !(TABLE_TITLE.test(text) && columnOf(text) === null);
  while (start > 0 && at - start < 12 && name(cells[start - 1]!.text)) start--;
  const second = cells.findIndex((c, i) => i > one && i - one <= 12 && TASK_NUMBER.exec(c.text)?.[1] === '2');
  // A line above the names (a title like "重点任务清单") is no column; a known name is one, though
  // the rows have fewer cells (a merged one).
  while (second > 0 && at - start > second - one && columnOf(cells[start]!.text) === null) start++;
  const names = cells.slice(start, at).map((c) => c.text);
  const known = names.filter((name) => columnOf(name) !== null).length;
  return names.length >= 3 && known >= 2 && isHeader(names) ? cells.slice(start, at) : null;
}

/**
 * The column names as the rows have cells: a name broken in two ("完成" / "时限") joined, and a
 * second header row of a series ("一季度" … "四季度", after every known name) standing for the
 * unknown name it is printed under ("工作绩效目标").
 */
function headerColumns(names: string[]): string[] {
  const joined: string[] = [];
  for (const name of names) {
    const last = joined.at(-1);
    if (last !== undefined && !columnOf(last) && columnOf(last + name))
      joined[joined.length - 1] = last + name;
    else joined.push(name);
  }
  const known = joined.map((name) => columnOf(name) !== null);
  const lastKnown = known.lastIndexOf(true);
  const series = joined.slice(lastKnown + 1).map((name) => SERIES.exec(name)?.[1]);
  const spanning = known.lastIndexOf(false, lastKnown);
  if (series.length < 2 || spanning < 0 || series.some((s) => !s || s !== series[0])) return joined;
  return [
    ...joined.slice(0, spanning),
    ...joined.slice(lastKnown + 1),
    ...joined.slice(spanning + 1, lastKnown + 1),
  ];
}

/** A name of a series: an ordinal, then what it counts ("二季度", "2019年"). */
const SERIES = /^(?:[一二三四五六七八九十]{1,2}|\d{1,4})(\D{1,4})$/;

/** A sub-row's first cell: a year or years ("2018年", "2018—2020年"), as a 节点 column prints them. */
const SUB_ROW_KEY = /^\d{4}\s*年?(?:\s*[-—–~～至到]\s*\d{4}\s*年?)?$/;

/** Where a row's text ends: after its last task or measures column. */
const textEndOf = (columns: (Column | null)[]) =>
  Math.max(columns.lastIndexOf('task'), columns.lastIndexOf('measures')) + 1;

/** The cells after a row's text, one sub-row each from every year cell on ("2018年", "345个", …). */
function subRowCells(tail: string[], width: number): string[][] | null {
  if (tail.length <= width || !SUB_ROW_KEY.test(tail[0]!)) return null;
  const groups: string[][] = [];
  for (const cell of tail) {
    if (SUB_ROW_KEY.test(cell)) groups.push([cell]);
    else groups.at(-1)!.push(cell);
  }
  return groups.every((g) => g.length <= width) ? groups : null;
}

/**
 * A row whose cells after its text run on in sub-rows ("2018年 / 345个 / 各街道办事处 / 区文明办",
 * "2019年 / 440个"): the row, then a row of units only for each sub-row whose units differ. A
 * sub-row's cells are laid from the left; one that a later sub-row leaves out repeats the one above
 * (merged down), one the first leaves out is empty. Null when the row has no such sub-rows.
 */
function subRows(columns: (Column | null)[], pieces: string[]): string[][] | null {
  const text = textEndOf(columns);
  const groups = text > 0 ? subRowCells(pieces.slice(text), columns.length - text) : null;
  if (!groups) return null;
  const rows: string[][] = [];
  const seen = new Set<string>();
  let above: string[] = [];
  for (const group of groups) {
    above = columns.slice(text).map((_, c) => group[c] ?? (rows.length ? above[c]! : ''));
    const units = JSON.stringify(above.filter((_, c) => isUnitColumn(columns[text + c]!)));
    if (seen.has(units)) continue;
    seen.add(units);
    rows.push([...pieces.slice(0, text).map((p) => (rows.length ? '' : p)), ...above]);
  }
  return rows;
}

/** A sub-row's value (a count, a year, units): short, no sentence. */
const SUB_ROW_VALUE = /^[^。；;]{1,30}$/;

/** Where the table's last row (its cells from `i`, `width` of them) ends: after its sub-rows, the
 *  text after the table (a sentence) left out. */
function lastRowEnd(cells: Cell[], i: number, width: number, text: number): number {
  let end = i + text;
  if (!SUB_ROW_KEY.test(cells[end]?.text ?? '')) return Math.min(cells.length, i + width);
  const tail = width - text;
  const value = (j: number) => SUB_ROW_VALUE.test(cells[j]!.text) && !SUB_ROW_KEY.test(cells[j]!.text);
  while (SUB_ROW_KEY.test(cells[end]?.text ?? '')) {
    const start = end++;
    while (end < cells.length && end - start < tail && value(end)) end++;
  }
  return end;
}

/** A text cell's lines run on as one, but for measures numbered one a line ("1. …", "（2）…"). */
const joinWrapped = (cell: string) =>
  cell.replace(/\n(?!\s*(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）]|[①-⑳]))/g, '');

/** The rows of the table whose first row starts at `cells[at]` (and the lines of parts' headings
 *  printed across it), and the cell after the table. */
function rowsFrom(
  cells: Cell[],
  at: number,
  header: string[],
): { rows: (string[] | string)[]; next: number } {
  const columns = header.map(columnOf);
  let readRow = mergedRows(columns, true);
  const n = header.length;
  // A group's row ("一" over its name) gives its number and its name to the first text column.
  const named = Math.max(
    0,
    columns.findIndex((c) => c === 'category' || c === 'task' || c === 'measures'),
  );
  const numberColumn = Math.max(0, columns.indexOf('number'));
  const textEnd = textEndOf(columns);
  const rows: (string[] | string)[] = [];
  /** Where row k starts, at cells[j] or after its group's row. */
  const categoryFirst = columns[0] === 'category' && columns[1] === 'number';
  const starts = (j: number, k: number) =>
    numbered(cells, j, k) ||
    groupBefore(cells, j, k) !== null ||
    (categoryFirst && categoryBefore(cells, j, k));
  // The name of the group over the rows: a cell merged down over them, left out of each row.
  let group: string | null = null;
  let i = at;
  for (let number = 1; starts(i, number); number++) {
    const opened = numbered(cells, i, number) ? null : groupBefore(cells, i, number);
    if (opened?.part) {
      if (!numbered(cells, i + 1, number) && !categoryBefore(cells, i + 1, number)) number = 1;
      rows.push(opened.part);
      i += 1;
    } else if (opened) {
      if (!numbered(cells, i + opened.size, number)) number = 1;
      group = opened.name;
      // No merged cell reaches across a group's row.
      readRow = mergedRows(columns, true);
      rows.push(columns.map((_, c) => (c === numberColumn ? opened.mark : c === named ? group! : '')));
      i += opened.size;
    }
    const width = group === null ? n : n - 1;
    // A row ends where the next number starts it, once it has half its cells (a count cell of "2"
    // is no row), and may hold a cell of several paragraphs; the last row takes a full row's cells.
    let end = i + Math.ceil(n / 2);
    while (end < Math.min(cells.length, i + ROW_CELLS * n) && !starts(end, number + 1)) end++;
    if (!starts(end, number + 1)) end = lastRowEnd(cells, i, width, textEnd - (group === null ? 0 : 1));
    const pieces = cells.slice(i, end).map((c) => c.text);
    if (group !== null) pieces.splice(named, 0, group);
    const split = subRows(columns, pieces);
    const read = split ?? [readRow(pieces)];
    if (read.some((row) => !row)) break;
    rows.push(
      ...read.map((row) =>
        row!.map((cell, c) => (columns[c] && !isUnitColumn(columns[c]) ? joinWrapped(cell) : cell)),
      ),
    );
    i = end;
  }
  return { rows, next: i };
}

/** The task lines of a table's rows, a part's heading printed across it kept as its line. */
function tableLines(names: string[], rows: (string[] | string)[]): string[] | null {
  const out: string[] = [];
  let found = false;
  for (let from = 0; from < rows.length;) {
    let to = from;
    while (to < rows.length && typeof rows[to] !== 'string') to++;
    const tasks =
      to > from
        ? taskTableLines([names, ...(rows.slice(from, to) as string[][])], { fillDown: false })
        : null;
    if (tasks) found = true;
    out.push(...(tasks ?? []));
    if (to < rows.length) out.push(rows[to] as string);
    from = to + 1;
  }
  return found ? out : null;
}

/** The text with every table read with cells as `paragraphs` or lines turned into task lines. */
function readTables(text: string, paragraphs: boolean): string {
  const lines = text.split(/\r?\n/);
  const cells = cellsOf(lines, paragraphs);
  const out: string[] = [];
  let copied = 0;
  for (let c = 0; c < cells.length; c++) {
    // Row 1 at cells[c], or after its group's row there.
    const group = numbered(cells, c, 1) ? 0 : groupAt(cells, c, 1)?.size;
    if (group === undefined) continue;
    const one = c + group;
    const header = headerBefore(cells, c, one);
    if (!header) continue;
    const names = headerColumns(header.map((h) => h.text));
    const { rows, next } = rowsFrom(cells, c, names);
    const tasks = tableLines(names, rows);
    if (!tasks) continue;
    out.push(...lines.slice(copied, header[0]!.line), ...tasks);
    copied = next < cells.length ? cells[next]!.line : lines.length;
    c = next - 1;
  }
  return copied ? [...out, ...lines.slice(copied)].join('\n') : text;
}

/** The text with every one-cell-a-line task table turned into task lines; other lines unchanged. */
export function withLineTables(text: string): string {
  return readTables(readTables(text, true), false);
}
