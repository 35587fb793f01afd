// Task tables written with "|" between cells: Markdown tables (one row a line, a |---| rule under
// the header, <br> for a line break inside a cell), and the same rows as some web-page-to-text
// renderings leave them, one cell per line between lines holding only "|" (a row's closing "|"
// followed by the next row's opening one). Blank cells are empty: neither form can merge cells.
// Other renderings put the "|" inside the lines: between cells (" | ", or opening each cell but the
// first, "| 责任单位") and closing each row at a line's end, with a cell's own line breaks kept. Those
// leave a merged cell out of the rows below its first, so each such row's cells are laid into the
// header's columns (space-tables' alignRow) and a missing one repeats the cell above.
import { alignRow, mergedRows } from './space-tables';
import { type Column, columnOf, isHeader, TASK_NUMBER, withTaskTables } from './task-table';

const MARKDOWN_ROW = /^\s*\|.*\|\s*$/;
const MARKDOWN_RULE = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$/;
const BAR = /^\s*\|\s*$/;

function markdownCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) =>
      cell
        .replace(/\\\|/g, '|')
        .replace(/<br\s*\/?>/gi, '\n')
        .trim(),
    );
}

/**
 * The rows of a one-cell-per-line table whose first "|" line is `lines[at]`, and the line after it.
 * The first row (a header, every cell filled) ends at the first empty cell, where its closing "|"
 * meets the next row's opening one; every later row takes as many cells, so that an empty cell
 * inside it ("|" right after "|") is read as one.
 */
function barRows(lines: string[], at: number): { rows: string[][]; next: number } {
  let bar = at;
  /** The lines from the current "|" to the next one, which becomes current; null at the end. */
  const cell = (): string | null => {
    let j = bar + 1;
    while (j < lines.length && !BAR.test(lines[j]!)) j++;
    if (j >= lines.length) return null;
    const text = lines.slice(bar + 1, j).map((l) => l.trim());
    bar = j;
    return text.join('\n');
  };
  const header: string[] = [];
  for (;;) {
    const closing = bar;
    const text = cell();
    if (!text) {
      bar = closing;
      break;
    }
    header.push(text);
  }
  const rows = [header];
  while (bar + 1 < lines.length && BAR.test(lines[bar + 1]!)) {
    const closing = bar;
    bar++;
    const row: string[] = [];
    while (row.length < header.length) {
      const text = cell();
      if (text === null) break;
      row.push(text);
    }
    if (row.length < header.length) {
      bar = closing;
      break;
    }
    rows.push(row);
  }
  return { rows, next: bar + 1 };
}

/** A cell's lines trimmed, blank ones dropped. */
const cellText = (cell: string) =>
  cell
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');

/** The cells of a row whose lines, joined, end with its closing "|". */
const inlineCells = (text: string) =>
  text
    .replace(/\|\s*$/, '')
    .split('|')
    .map(cellText);

/**
 * The last line of the header of an inline-bar table starting at `lines[i]`: that line itself when
 * it ends with "|" and has another one inside ("序号 | 任务 | 责任单位 |"); the bare "|" line after
 * lines each opening a cell ("序号", "| 任务", "| 责任单位", "|").
 */
function inlineHeaderEnd(lines: string[], i: number): number | null {
  const line = lines[i]!.trim();
  if (!line || line.startsWith('|')) return null;
  if (line.endsWith('|')) return line.slice(0, -1).includes('|') ? i : null;
  let j = i + 1;
  while (j < lines.length && /^\s*\|/.test(lines[j]!) && !BAR.test(lines[j]!)) j++;
  return j > i + 1 && j < lines.length && BAR.test(lines[j]!) ? j : null;
}

/** Lines a row may run to before its closing "|": a table's cells are paragraphs, not pages. */
const ROW_LINES = 40;

/**
 * A row that goes on with the task above, its 序号 merged down ("新增国家卫生乡镇2个。 | 白石镇… |
 * 已完成 | |||"): some renderings print such a row's own cells first and an empty one for each
 * merged cell at its end. Its cells are laid into the columns after the number, the number empty.
 */
function continuation(columns: (Column | null)[], cells: string[]): string[] | null {
  let own = cells.length;
  while (own > 0 && !cells[own - 1]) own--;
  if (cells.length - own < 2 || columns[0] !== 'number' || TASK_NUMBER.test(cells[0]!)) return null;
  const laid = alignRow(columns.slice(1), cells.slice(0, own), { whole: true });
  return laid && ['', ...laid.map((cell) => cell ?? '')];
}

/** The rows of the inline-bar table whose header ends at `lines[end]`, and the line after them. */
function inlineRows(header: string[], lines: string[], end: number): { rows: string[][]; next: number } {
  const columns = header.map(columnOf);
  const readRow = mergedRows(columns);
  const rows = [header];
  let next = end + 1;
  for (;;) {
    let close = next;
    while (close < lines.length && close - next < ROW_LINES && !/\|\s*$/.test(lines[close]!)) close++;
    if (close >= lines.length || close - next >= ROW_LINES) break;
    const cells = inlineCells(lines.slice(next, close + 1).join('\n'));
    if (cells.length < 2 || cells.length > header.length) break;
    const continued = continuation(columns, cells);
    if (continued) {
      rows.push(continued);
      next = close + 1;
      continue;
    }
    const row = readRow(cells);
    if (!row) break;
    rows.push(row);
    next = close + 1;
  }
  return { rows, next };
}

/** A record printed as field rows, label and value in cells of their own ("牵头单位: | 市城市管理综合执法局 |"). */
const FIELD_ROW = /^\s*([^|:：]{2,24}?)\s*[:：]\s*\|\s*(.*?)\s*\|?\s*$/;

/** Field rows as the field lines they stand for ("牵头单位:…"); the row of the work itself numbered
 *  ("重点工作: | 135.统筹…。 |") as the task's own line. */
function withFieldRows(text: string): string {
  return text.replace(/^.*\|.*$/gm, (line) => {
    const m = FIELD_ROW.exec(line);
    if (!m || m[2]!.includes('|')) return line;
    const work = ['task', 'measures'].includes(columnOf(m[1]!) ?? '') && /^\d{1,3}[.、．]/.test(m[2]!);
    return work ? m[2]! : `${m[1]}:${m[2]}`;
  });
}

/** A cell a line closed by its bar ("湘北大道 |"), or a bar alone for an empty cell: no bar before
 *  the closing ones. */
function isCellLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.endsWith('|') && !trimmed.replace(/\|+$/, '').includes('|');
}

/**
 * A table some renderings print one cell a line, each closed by " |" ("序号 |" / "路段名称 |" / … /
 * "1 |" / "湘北大道 |" / "|"): the cells without their bars, empty ones left out, for the one-cell-a-
 * line tables to read (line-tables), when the names above the first row head a task table.
 */
function withCellLines(text: string): string {
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    let end = i;
    while (end < lines.length && isCellLine(lines[end]!)) end++;
    const cells = lines.slice(i, end).map((l) => l.replace(/\s*\|+\s*$/, '').trim());
    const first = cells.findIndex((c) => TASK_NUMBER.test(c));
    if (end - i >= 6 && first >= 3 && isHeader(cells.slice(0, first))) {
      lines.splice(i, end - i, ...cells.filter(Boolean));
      changed = true;
    }
    i = end;
  }
  return changed ? lines.join('\n') : text;
}

/** The text with every pipe task table turned into task lines; other lines unchanged. */
export function withPipeTables(text: string): string {
  if (!text.includes('|')) return text;
  return withTaskTables(withFieldRows(withCellLines(text)), (lines, i) => {
    if (MARKDOWN_ROW.test(lines[i]!) && !BAR.test(lines[i]!)) {
      const rows: string[][] = [];
      let next = i;
      for (; next < lines.length && MARKDOWN_ROW.test(lines[next]!); next++)
        if (!MARKDOWN_RULE.test(lines[next]!)) rows.push(markdownCells(lines[next]!));
      return { rows, next };
    }
    if (BAR.test(lines[i]!)) return barRows(lines, i);
    if (!lines[i]!.includes('|') && !/^\s*\|/.test(lines[i + 1] ?? '')) return null;
    const end = inlineHeaderEnd(lines, i);
    return end === null ? null : inlineRows(inlineCells(lines.slice(i, end + 1).join('\n')), lines, end);
  });
}
