// A Word 97 table as rows of cells with its merged cells expanded, as task-table.ts takes tables:
// the text gives each row's cells in order, the row's properties give their edges and merges. A
// cell spanning columns (its edges wider than one column of the other rows) fills each of them; a
// cell merged down from the one above, or merged into the one on its left, repeats its text.
import type { CellDef } from './word97-paragraphs';

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
