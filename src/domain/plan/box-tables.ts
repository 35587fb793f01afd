// Task tables drawn with box characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘), as law databases and Word's "text
// with line breaks" keep them: a row's cells run over as many lines as its longest cell needs, a
// rule line (├──┼──┤) between rows. A cell merged down over rows has text where the rule crosses
// the other columns ("│ 违章├────┤"), so rows end column by column: a rule piece ends the cell above
// it, text goes on in the same cell, and every row under a merged cell shares its text.
import { withTaskTables } from './task-table';

/** Box characters that bound cells: every one but the horizontal strokes. */
const BOUNDARY = /[\u2502\u2503\u250c-\u254b\u2551-\u256c]/;
const BOUNDARIES = new RegExp(BOUNDARY.source, 'g');
/** A piece of a rule line: horizontal strokes only. */
const RULE_PIECE = /^[\u2500\u2501\u2504-\u250b\u254c-\u254f\u2550\u2574-\u257f]+$/;

/** The pieces between a table line's boundaries; null for a line that is not one. */
function piecesOf(line: string): string[] | null {
  const text = line.trim();
  if (!BOUNDARY.test(text[0] ?? '')) return null;
  const pieces = text
    .slice(1)
    .replace(new RegExp(`${BOUNDARY.source}$`), '')
    .split(BOUNDARIES);
  return pieces.map((p) => p.trim());
}

/** Text wrapped inside a box: Chinese runs on, Latin words keep a space. */
const joinPieces = (a: string, b: string) =>
  a && b && /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;

/** The rows of the table starting at `lines[at]` (merged cells expanded), and the line after it. */
function boxRows(lines: string[], at: number): { rows: string[][]; next: number } {
  const width = piecesOf(lines[at]!)!.length;
  const rows: { text: string }[][] = [];
  // The cell each column is filling; a new row starts at the first text under a rule.
  let open: ({ text: string } | null)[] = new Array(width).fill(null);
  let ruled = true;
  let next = at;
  for (; next < lines.length; next++) {
    let pieces = piecesOf(lines[next]!);
    // A cell across the table (a group heading) is one piece.
    if (pieces?.length === 1 && !RULE_PIECE.test(pieces[0]!))
      pieces = new Array<string>(width).fill(pieces[0]!);
    if (!pieces || pieces.length !== width) break;
    const rule = pieces.map((p) => RULE_PIECE.test(p));
    if (rule.some(Boolean)) {
      open = open.map((cell, c) => (rule[c] ? null : cell));
      pieces = pieces.map((p, c) => (rule[c] ? '' : p));
      ruled = true;
      if (rule.every(Boolean)) continue;
    }
    if (ruled) {
      ruled = false;
      open = open.map((cell) => cell ?? { text: '' });
      rows.push([...(open as { text: string }[])]);
    }
    pieces.forEach((p, c) => {
      const cell = open[c]!;
      cell.text = joinPieces(cell.text, p);
    });
  }
  return { rows: rows.map((row) => row.map((cell) => cell.text)), next };
}

/** The text with every box-drawn task table turned into task lines; other lines unchanged. */
export function withBoxTables(text: string): string {
  if (!/[\u2502\u2503\u2551]/.test(text)) return text;
  return withTaskTables(text, (lines, i) =>
    (piecesOf(lines[i]!)?.length ?? 0) > 1 ? boxRows(lines, i) : null,
  );
}
