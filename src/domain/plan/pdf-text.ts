// The plan text of a PDF: its lines, page after page, with every table read as a table where it
// first appears: a ruled one, or a task table without vertical rules. A task table (重点任务清单)
// becomes task lines as a Word file's does; any other table gives its cells' paragraphs, one per
// line. A table continued on the next page (nothing but a page number between the parts, the same
// columns) is read as one.
import { fontHeight, pdfLines, type PdfTextItem } from './pdf-lines';
import type { Ruling } from './pdf-rulings';
import { appendPart, continues, partRows, type TableRows } from './pdf-table-rows';
import { cellAt, findTables, type TableGrid } from './pdf-tables';
import { isPageNumber } from './normalize-text';
import { taskTableLines } from './task-table';
import { unruledRulings, type UnruledColumns } from './pdf-unruled';

export interface PdfPage {
  items: readonly PdfTextItem[];
  rulings: readonly Ruling[];
}

type Block = { line: string } | { table: TableRows; page: number };

/** Where an item prints: the middle of its first character cell. */
function itemCell(tables: TableGrid[], item: PdfTextItem): [number, number] | null {
  const x = (item.transform[4] ?? 0) + item.width / 2;
  const y = (item.transform[5] ?? 0) + fontHeight(item) / 3;
  for (const [t, table] of tables.entries()) {
    const cell = cellAt(table, x, y);
    if (cell !== null) return [t, cell];
  }
  return null;
}

/** One page's blocks: runs of lines, and each table where its first item is drawn; `carried`, the
 *  columns of a table without vertical rules that the page before ended in. */
function pageBlocks(
  page: PdfPage,
  n: number,
  carried: UnruledColumns | null,
): { blocks: Block[]; open: UnruledColumns | null } {
  const ruled = findTables(page.rulings);
  // Tables without vertical rules are found in the text the ruled ones leave.
  const loose = page.items.filter((item) => item.str.trim() && !itemCell(ruled, item));
  const unruled = unruledRulings(loose, page.rulings, carried);
  const grids = [...ruled, ...findTables(unruled.rulings)];
  const cells = grids.map((grid) => grid.cells.map((): PdfTextItem[] => []));
  const blocks: (Block | { part: number })[] = [];
  let run: PdfTextItem[] = [];
  const endRun = () => {
    blocks.push(...pdfLines([run]).map((line) => ({ line })));
    run = [];
  };
  for (const item of page.items) {
    const at = item.str.trim() ? itemCell(grids, item) : null;
    if (!at) {
      run.push(item);
      continue;
    }
    const [t, cell] = at;
    if (!cells[t]!.some((items) => items.length)) {
      endRun();
      blocks.push({ part: t });
    }
    cells[t]![cell]!.push(item);
  }
  endRun();
  return {
    blocks: blocks.map((block) =>
      'part' in block
        ? { table: partRows({ grid: grids[block.part]!, items: cells[block.part]! }), page: n }
        : block,
    ),
    open: unruled.open,
  };
}

/** The table a part on page `page` continues: the last block before it, across page numbers. */
function continued(blocks: Block[], part: TableRows, page: number): TableRows | null {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if ('line' in block) {
      if (isPageNumber(block.line)) continue;
      return null;
    }
    return block.page === page - 1 && continues(block.table, part) ? block.table : null;
  }
  return null;
}

/** A table that is not a task table: each cell's paragraphs once, row by row. */
function cellLines({ rows, ids }: TableRows): string[] {
  const seen = new Set<number>();
  return rows.flatMap((row, r) =>
    row.flatMap((cell, c) => {
      const id = ids[r]![c]!;
      if (seen.has(id)) return [];
      seen.add(id);
      return cell.split('\n').filter((p) => p.trim());
    }),
  );
}

/** The lines of a PDF's text, tables read as tables. */
export function pdfText(pages: readonly PdfPage[]): string[] {
  const blocks: Block[] = [];
  let open: UnruledColumns | null = null;
  pages.forEach((page, n) => {
    const read = pageBlocks(page, n, open);
    open = read.open;
    for (const block of read.blocks) {
      const table = 'table' in block ? continued(blocks, block.table, n) : null;
      if (table && 'table' in block) {
        appendPart(table, block.table);
        // The part is now the table's end on this page.
        const index = blocks.findIndex((b) => 'table' in b && b.table === table);
        blocks[index] = { table, page: n };
      } else blocks.push(block);
    }
  });
  return blocks.flatMap((block) =>
    'line' in block
      ? [block.line]
      : (taskTableLines(block.table.rows, { fillDown: false }) ?? cellLines(block.table)),
  );
}
