// Task tables pasted as plain text: Word, WPS and Excel put a copied table on the clipboard as
// tab-separated rows. Excel quotes a cell holding a line break, a tab or a quote ("…""…"); a quote
// that does not close such a cell is read as an ordinary character.
import { taskTableLines } from './task-table';

/** One row starting at `at`: its cells and where the next row starts. */
function readRow(text: string, at: number): { cells: string[]; next: number } {
  const cells: string[] = [];
  let pos = at;
  for (;;) {
    let cell: string | null = null;
    if (text[pos] === '"') {
      let value = '';
      let i = pos + 1;
      for (; i < text.length; i++) {
        if (text[i] !== '"') value += text[i];
        else if (text[i + 1] === '"') value += text[i++];
        else break;
      }
      if (i < text.length && /^(?:\t|\r?\n|$)/.test(text.slice(i + 1, i + 3))) {
        cell = value.replace(/\r\n/g, '\n');
        pos = i + 1;
      }
    }
    if (cell === null) {
      const end = text.slice(pos).search(/\t|\r?\n/);
      cell = end < 0 ? text.slice(pos) : text.slice(pos, pos + end);
      pos = end < 0 ? text.length : pos + end;
    }
    cells.push(cell);
    if (text[pos] !== '\t') break;
    pos++;
  }
  if (text[pos] === '\r') pos++;
  if (text[pos] === '\n') pos++;
  return { cells, next: pos };
}

/** The text with every tab-separated task table turned into task lines; other lines unchanged. */
export function withTsvTables(text: string): string {
  if (!text.includes('\t')) return text;
  const out: string[] = [];
  let changed = false;
  let pos = 0;
  while (pos < text.length) {
    const lineEnd = text.indexOf('\n', pos);
    const line = text.slice(pos, lineEnd < 0 ? text.length : lineEnd);
    if (!line.includes('\t')) {
      out.push(line.replace(/\r$/, ''));
      pos = lineEnd < 0 ? text.length : lineEnd + 1;
      continue;
    }
    // A block: consecutive rows whose first line holds a tab.
    const start = pos;
    const rows: string[][] = [];
    while (pos < text.length) {
      const end = text.indexOf('\n', pos);
      if (!text.slice(pos, end < 0 ? text.length : end).includes('\t')) break;
      const row = readRow(text, pos);
      rows.push(row.cells);
      pos = row.next;
    }
    const lines = taskTableLines(rows, { fillDown: true });
    if (lines) changed = true;
    out.push(
      ...(lines ??
        text
          .slice(start, pos)
          .replace(/\r?\n$/, '')
          .split(/\r?\n/)),
    );
  }
  return changed ? out.join('\n') : text;
}
