// Task tables written with "|" between cells: Markdown tables (one row a line, a |---| rule under
// the header, <br> for a line break inside a cell), and the same rows as some web-page-to-text
// renderings leave them, one cell per line between lines holding only "|" (a row's closing "|"
// followed by the next row's opening one). Blank cells are empty: neither form can merge cells.
import { taskTableLines } from './task-table';

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

/** The text with every pipe task table turned into task lines; other lines unchanged. */
export function withPipeTables(text: string): string {
  if (!text.includes('|')) return text;
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < lines.length;) {
    let rows: string[][] = [];
    let next = i + 1;
    if (MARKDOWN_ROW.test(lines[i]!) && !BAR.test(lines[i]!)) {
      next = i;
      while (next < lines.length && MARKDOWN_ROW.test(lines[next]!)) {
        if (!MARKDOWN_RULE.test(lines[next]!)) rows.push(markdownCells(lines[next]!));
        next++;
      }
    } else if (BAR.test(lines[i]!)) ({ rows, next } = barRows(lines, i));
    const tasks = rows.length > 1 ? taskTableLines(rows, { fillDown: false }) : null;
    if (tasks) {
      out.push(...tasks);
      changed = true;
      i = next;
    } else out.push(lines[i++]!);
  }
  return changed ? out.join('\n') : text;
}
