// A Word document's body as lines, for Word 97–2003 and RTF files alike: its paragraphs, and its
// tables as rows of cells with merged cells expanded, as task-table.ts takes tables. The text gives
// each row's cells in order, the row's properties give their edges and merges. A cell spanning
// columns (its edges wider than one column of the other rows) fills each of them; a cell merged down
// from the one above, or merged into the one on its left, repeats its text.
import { taskTableLines } from './task-table';

export type VerticalMerge = 'none' | 'restart' | 'continue';

export interface CellDef {
  /** Left and right edges, in twips from the table's origin. */
  left: number;
  right: number;
  vMerge: VerticalMerge;
  /** Continues the cell on its left (a horizontal merge, the cell still in the text). */
  hMerged: boolean;
}

export interface TableRow {
  /** Each cell's paragraphs, "\n"-separated. */
  cells: string[];
  /** The row's cell definitions; empty when its properties were not found. */
  defs: CellDef[];
}

/** Edges this close (in twips, 1/1440 inch) are one: rows drawn by hand rarely line up exactly. */
const SNAP = 30;

/** The table's column edges: every row's cell edges, near ones taken as one. */
function columnEdges(rows: TableRow[]): number[] {
  const all = rows.flatMap((row) => row.defs.flatMap((d) => [d.left, d.right])).sort((a, b) => a - b);
  const edges: number[] = [];
  for (const x of all) if (edges.length === 0 || x - edges[edges.length - 1]! > SNAP) edges.push(x);
  return edges;
}

export function tableGrid(rows: TableRow[]): string[][] {
  const edges = columnEdges(rows);
  const column = (x: number) => edges.findIndex((e) => Math.abs(x - e) <= SNAP);
  const grid: string[][] = [];
  for (const row of rows) {
    // Without a definition for each cell, the cells stand in order.
    if (row.defs.length !== row.cells.length) {
      grid.push([...row.cells]);
      continue;
    }
    const out: string[] = [];
    const above = grid[grid.length - 1] ?? [];
    row.cells.forEach((text, i) => {
      const def = row.defs[i]!;
      const from = column(def.left);
      const to = Math.max(from + 1, column(def.right));
      let value = text;
      if (def.hMerged && from > 0) value = out[from - 1] ?? text;
      if (def.vMerge === 'continue') value = above[from] ?? text;
      for (let c = from; c < to; c++) out[c] = value;
    });
    grid.push(out);
  }
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** A paragraph (its line breaks "\n") or a table. */
type Block = { paragraph: string } | { rows: TableRow[] };

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim());
}

/** A task table (重点任务清单) becomes task lines; any other table gives its cells' paragraphs, one
 *  per line. */
function blockLines(block: Block): string[] {
  if ('paragraph' in block) return lines(block.paragraph);
  return (
    taskTableLines(tableGrid(block.rows), { fillDown: false }) ??
    block.rows.flatMap((row) => row.cells.flatMap(lines))
  );
}

/** A document's body as its reader meets the marks in its text: the end of a paragraph (in a table
 *  cell or not), of a cell and of a row. */
export function documentBody() {
  const blocks: Block[] = [];
  let cell: string[] = [];
  let cells: string[] = [];
  let rows: TableRow[] = [];
  const endTable = () => {
    if (cells.length) rows.push({ cells, defs: [] });
    if (rows.length) blocks.push({ rows });
    [cell, cells, rows] = [[], [], []];
  };
  return {
    /** A paragraph inside a table cell, or in the body (which ends any table). */
    paragraph(text: string, inTable: boolean): void {
      if (inTable) cell.push(text);
      else {
        endTable();
        blocks.push({ paragraph: text });
      }
    },
    /** A cell ends with its last paragraph. */
    cell(text: string): void {
      cells.push([...cell, text].join('\n'));
      cell = [];
    },
    /** A row ends, its cells defined by `defs` (empty when unknown). */
    row(defs: CellDef[]): void {
      rows.push({ cells, defs });
      cells = [];
    },
    /** The body's lines; `rest` is text after the last mark. */
    lines(rest: string): string[] {
      endTable();
      if (rest) blocks.push({ paragraph: rest });
      return blocks.flatMap(blockLines);
    },
  };
}
