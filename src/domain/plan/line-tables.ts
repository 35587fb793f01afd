// Task tables that a web page's text left one cell a line (a blank line between cells, often):
// the column names one under another, then each row's cells, the first its number ("1", "2", …).
// A row runs from its number to the next one; a row short of cells (a merged or empty one) is laid
// into the columns as a space-flattened row is (space-tables' alignRow), a missing cell repeating
// the one above, and a row of more lines than columns has a cell of several paragraphs.
import { mergedRows } from './space-tables';
import { columnOf, isHeader, TASK_NUMBER, taskTableLines } from './task-table';

/** A column name: short, one phrase, no sentence. */
const NAME = /^[\u4e00-\u9fff（）()、/或及和]{2,12}$/;

interface Cell {
  text: string;
  line: number;
}

/** The non-blank lines, each with its index. */
function cellsOf(lines: string[]): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.trim()) out.push({ text: lines[i]!.trim(), line: i });
  return out;
}

/** Lines a row may take, per column: a cell may list a dozen measures, one a line. */
const ROW_CELLS = 6;

/** Whether cells[j] numbers row k. */
const numbered = (cells: Cell[], j: number, k: number) =>
  TASK_NUMBER.exec(cells[j]?.text ?? '')?.[1] === String(k);

/** A group's row before row k: its number alone ("一", "二、") over its name, then row k. */
const GROUP_MARK = /^[一二三四五六七八九十]{1,3}[、.]?$/;
const groupAt = (cells: Cell[], j: number, k: number) =>
  GROUP_MARK.test(cells[j]?.text ?? '') &&
  !TASK_NUMBER.test(cells[j + 1]?.text ?? '1') &&
  numbered(cells, j + 2, k);

/**
 * The column names above the table's first row (at `cells[at]`, "1" at `cells[one]`), or null when
 * they do not head a task table: as many as the first row has cells (up to its "2"), else every
 * name-like line above.
 */
function headerBefore(cells: Cell[], at: number, one: number): Cell[] | null {
  let start = at;
  while (start > 0 && at - start < 12 && NAME.test(cells[start - 1]!.text.replace(/\s/g, ''))) start--;
  const second = cells.findIndex((c, i) => i > one && i - one <= 12 && TASK_NUMBER.exec(c.text)?.[1] === '2');
  // A line above the names (a title like "重点任务清单") is no column; a known name is one, though
  // the rows have fewer cells (a merged one).
  while (second > 0 && at - start > second - one && columnOf(cells[start]!.text) === null) start++;
  const names = cells.slice(start, at).map((c) => c.text);
  const known = names.filter((name) => columnOf(name) !== null).length;
  return names.length >= 3 && known >= 2 && isHeader(names) ? cells.slice(start, at) : null;
}

/** The rows of the table whose first row starts at `cells[at]`, and the cell after the table. */
function rowsFrom(cells: Cell[], at: number, header: string[]): { rows: string[][]; next: number } {
  const columns = header.map(columnOf);
  const readRow = mergedRows(columns, true);
  const n = header.length;
  // A group's row ("一" over its name) gives its number and its name to the first text column.
  const named = Math.max(
    0,
    columns.findIndex((c) => c === 'category' || c === 'task' || c === 'measures'),
  );
  const numberColumn = Math.max(0, columns.indexOf('number'));
  const rows: string[][] = [];
  /** Where row k starts, at cells[j] or after its group's row. */
  const starts = (j: number, k: number) => numbered(cells, j, k) || groupAt(cells, j, k);
  // The name of the group over the rows: a cell merged down over them, left out of each row.
  let group: string | null = null;
  let i = at;
  for (let number = 1; starts(i, number); number++) {
    if (groupAt(cells, i, number)) {
      group = cells[i + 1]!.text;
      rows.push(columns.map((_, c) => (c === numberColumn ? cells[i]!.text : c === named ? group! : '')));
      i += 2;
    }
    // A row ends where the next number starts it, once it has half its cells (a count cell of "2"
    // is no row), and may hold a cell of several paragraphs; the last row takes a full row's cells.
    let end = i + Math.ceil(n / 2);
    while (end < Math.min(cells.length, i + ROW_CELLS * n) && !starts(end, number + 1)) end++;
    if (!starts(end, number + 1)) end = Math.min(cells.length, i + n);
    const pieces = cells.slice(i, end).map((c) => c.text);
    if (group !== null && pieces.length === n - 1) pieces.splice(named, 0, group);
    const row = readRow(pieces);
    if (!row) break;
    rows.push(row);
    i = end;
  }
  return { rows, next: i };
}

/** The text with every one-cell-a-line task table turned into task lines; other lines unchanged. */
export function withLineTables(text: string): string {
  const lines = text.split(/\r?\n/);
  const cells = cellsOf(lines);
  const out: string[] = [];
  let copied = 0;
  for (let c = 0; c < cells.length; c++) {
    const one = numbered(cells, c, 1) ? c : groupAt(cells, c, 1) ? c + 2 : -1;
    if (one < 0) continue;
    const header = headerBefore(cells, c, one);
    if (!header) continue;
    const names = header.map((h) => h.text);
    const { rows, next } = rowsFrom(cells, c, names);
    const tasks = rows.length ? taskTableLines([names, ...rows], { fillDown: false }) : null;
    if (!tasks) continue;
    out.push(...lines.slice(copied, header[0]!.line), ...tasks);
    copied = next < cells.length ? cells[next]!.line : lines.length;
    c = next - 1;
  }
  return copied ? [...out, ...lines.slice(copied)].join('\n') : text;
}
