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

/**
 * The column names above the first row ("1" at `cells[at]`), or null when they do not head a task
 * table: as many as the first row has cells (up to its "2"), else every name-like line above.
 */
function headerBefore(cells: Cell[], at: number): Cell[] | null {
  let start = at;
  while (start > 0 && at - start < 12 && NAME.test(cells[start - 1]!.text.replace(/\s/g, ''))) start--;
  const second = cells.findIndex((c, i) => i > at && i - at <= 12 && TASK_NUMBER.exec(c.text)?.[1] === '2');
  // A line above the names (a title like "重点任务清单") is no column.
  if (second > 0 && at - start > second - at) start = at - (second - at);
  const names = cells.slice(start, at).map((c) => c.text);
  const known = names.filter((name) => columnOf(name) !== null).length;
  return names.length >= 3 && known >= 2 && isHeader(names) ? cells.slice(start, at) : null;
}

/** The rows of the table whose first row starts at `cells[at]`, and the cell after the table. */
function rowsFrom(cells: Cell[], at: number, header: string[]): { rows: string[][]; next: number } {
  const readRow = mergedRows(header.map(columnOf));
  const n = header.length;
  /** Whether cells[j] is the number of row k. */
  const numbers = (j: number, k: number) => TASK_NUMBER.exec(cells[j]?.text ?? '')?.[1] === String(k);
  const rows: string[][] = [];
  let i = at;
  for (let number = 1; numbers(i, number); number++) {
    // A row ends where the next number starts it, once it has half its cells (a count cell of "2"
    // is no row), and may hold a cell of several paragraphs; the last row takes a full row's cells.
    let end = i + Math.ceil(n / 2);
    while (end < Math.min(cells.length, i + 3 * n) && !numbers(end, number + 1)) end++;
    if (!numbers(end, number + 1)) end = Math.min(cells.length, i + n);
    const row = readRow(cells.slice(i, end).map((c) => c.text));
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
    if (TASK_NUMBER.exec(cells[c]!.text)?.[1] !== '1') continue;
    const header = headerBefore(cells, c);
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
