// The rows of a ruled PDF table as the task-table reader takes them: every slot holds the text of
// the cell covering it (merged cells expanded), a cell's lines joined where the writer wrapped them
// and "\n" where a paragraph ended. A table that runs on over the next page is one table: its
// repeated header is dropped, a row broken by the page break is joined again, and a merged cell
// that crosses the break keeps its text below it.
import { fontHeight, lineGroups, lineText, type PdfTextItem } from './pdf-lines';
import type { CellBox, TableGrid } from './pdf-tables';
import { TASK_NUMBER } from './task-table';

export interface TablePart {
  grid: TableGrid;
  /** items[cell]: the text items inside each cell, in drawing order. */
  items: PdfTextItem[][];
}

export interface TableRows {
  /** Column borders of the first part: a part on the next page continues the table if they match. */
  xs: number[];
  rows: string[][];
  /** ids[r][c]: which cell covers that slot; a merged cell's slots share its id. */
  ids: number[][];
}

interface PrintedLine {
  text: string;
  left: number;
  right: number;
  height: number;
  /** How wide the line's first word is: a line is wrapped when that would not fit after the line above. */
  firstWord: number;
}

function printedLine(group: PdfTextItem[]): PrintedLine | null {
  const inked = group.filter((item) => item.str.trim());
  if (!inked.length) return null;
  const first = inked[0]!;
  // What must start the line: a word or one character, with the punctuation that may not end a
  // line before it and that may not begin one after it ("号。", "（街" move down whole).
  const word =
    /^\s*[（《「『“‘([]*(?:[\x21-\x7e]+|.)[，。、；：！？）》」』”’,.;:!?)\]%％…]*/u
      .exec(first.str)?.[0]
      .trim() ?? '';
  return {
    text: lineText(group),
    left: Math.min(...inked.map((i) => i.transform[4] ?? 0)),
    right: Math.max(...inked.map((i) => (i.transform[4] ?? 0) + i.width)),
    height: Math.max(...inked.map(fontHeight)),
    firstWord: (first.width * [...word].length) / Math.max(1, [...first.str].length),
  };
}

/**
 * A cell's text. A line runs on into the next when the next one's first word would not have fit
 * in what is left of it (the writer wrapped it); otherwise a paragraph ends there. `padding` is the
 * table's cell padding, taken as equal on both sides.
 */
function cellText(items: PdfTextItem[], box: CellBox, padding: number): string {
  const lines = lineGroups(items).flatMap((group) => printedLine(group) ?? []);
  return lines
    .map((line, i) => {
      const next = lines[i + 1];
      if (!next) return line.text;
      const wrapped = next.firstWord > box.right - padding - line.right - line.height / 4;
      return wrapped ? line.text : `${line.text}\n`;
    })
    .join('');
}

/** The rows of one page's part of a table. */
export function partRows({ grid, items }: TablePart): TableRows {
  const inked = grid.cells.flatMap((box, i) =>
    items[i]!.filter((item) => item.str.trim()).map((item) => (item.transform[4] ?? 0) - box.left),
  );
  const padding = inked.length ? Math.max(0, Math.min(...inked)) : 0;
  const texts = grid.cells.map((box, i) => cellText(items[i]!, box, padding));
  return {
    xs: grid.xs,
    rows: grid.slots.map((row) => row.map((id) => texts[id]!)),
    ids: grid.slots,
  };
}

/** Whether a part on the next page carries the table on: the same columns. */
export function continues(table: TableRows, part: TableRows): boolean {
  return table.xs.length === part.xs.length && table.xs.every((x, i) => Math.abs(x - part.xs[i]!) <= 3);
}

const key = (row: string[]) => row.map((cell) => cell.replace(/\s+/g, '')).join('|');

/** The table with the next page's part appended (the table is changed in place). */
export function appendPart(table: TableRows, part: TableRows): void {
  // A header row repeated at the top of the page.
  const header = new Set(table.rows.slice(0, 3).map(key));
  let skip = 0;
  while (skip < part.rows.length && header.has(key(part.rows[skip]!))) skip++;
  const rows = part.rows.slice(skip).map((row) => [...row]);
  // The part's cells are new cells of the table.
  const offset = Math.max(-1, ...table.ids.flat()) + 1;
  const ids = part.ids.slice(skip).map((row) => row.map((id) => id + offset));
  const last = table.rows.at(-1);
  const first = rows[0];
  if (last && first) {
    const lastIds = table.ids.at(-1)!;
    const above = table.ids.at(-2);
    // A row broken by the page break: its number column (the first holding a task number above)
    // is empty below, and the row's cells run on.
    const numberColumn = last.findIndex((cell) => TASK_NUMBER.test(cell));
    const broken = numberColumn >= 0 && !first[numberColumn]!.trim() && first.some((cell) => cell.trim());
    first.forEach((cell, c) => {
      const merged = above?.[c] === lastIds[c] || ids[1]?.[c] === ids[0]![c];
      // A cell merged across the break prints its text above it only: the empty cell that
      // continues it below takes that text.
      if (!broken && (cell.trim() || !merged)) return;
      // The page break ends a paragraph only after a sentence's end.
      const text = !cell.trim() ? last[c]! : last[c]! + (/[。；;！!？?]$/.test(last[c]!) ? '\n' : '') + cell;
      rows.forEach((row, r) => {
        if (ids[r]![c] === ids[0]![c]) row[c] = text;
      });
    });
    if (broken) {
      table.rows.pop();
      table.ids.pop();
    }
  }
  table.rows.push(...rows);
  table.ids.push(...ids);
}
