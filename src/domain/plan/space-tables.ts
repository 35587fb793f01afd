// Task tables that a web page's text rendering flattened to one line per row, with nothing between
// cells but a space — and a space too wherever the page wrapped a narrow cell's text ("加强水资源保
// 护"). Where one cell ends cannot be read from the spaces alone, so each row's pieces are laid
// into the header's columns the way that fits them best: unit names under the unit columns, dates
// under 时限, sentences under 措施, and a wrapped cell's pieces no longer than the ones before.
// An empty cell leaves two spaces; a merged cell (rowspan) leaves nothing and takes the value of
// the row above.
import { fold } from './normalize-text';
import { columnOf, isHeader, TASK_NUMBER, withTaskTables, type Column } from './task-table';
import { isUnitList } from './unit-lines';

const SPACE = /[ \u3000]/;
const ROW_START = /^\s*\d{1,3}[.、．]?[ \u3000]/;
/** A group heading across the table ("一、加强水资源保护"), followed by its rows. */
const GROUP_ROW =
  /^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])[^。；;]{1,30}$/;
const DATE_LIKE = /\d{1,2}月|年底|年末|年内|半年|季度|长期|持续|常态|每[年月季周]|\d{4}年/;
const SENTENCE_END = /[。；;！!？?]$/;
const LIST_END = /[、，,；;]$/;
/**
 * What it costs that a row has no cell in a column, by how often a rowspan merges it: 类别 most, then
 * 责任单位 (the same townships answer for many tasks), 配合单位, 时限 and a task over several rows'
 * measures (试点任务 over its 细化措施); a task's lead is its own more often than not, a row
 * without its text is unlikely and one without its 序号 is no row.
 */
const MISSING: Partial<Record<Column, number>> = {
  category: 1.5,
  task: 2.5,
  responsible: 2,
  cooperating: 2.1,
  deadline: 2.3,
  lead: 2.4,
  number: Number.POSITIVE_INFINITY,
};
/** What an empty cell costs: a task without a lead, a title or someone responsible is rarer than
 *  one without help. */
const EMPTY: Partial<Record<Column, number>> = {
  lead: 0.5,
  task: 1,
  responsible: 0.2,
  number: Number.POSITIVE_INFINITY,
};
const MISSING_OTHER = 4;
const IMPOSSIBLE = Number.POSITIVE_INFINITY;

function readsAsUnits(cell: string): boolean {
  if (/^[-—－/／无]$/.test(cell)) return true;
  // No unit's name is a sentence or this long: most candidate cells are told at once.
  if (/[。:：!！?？]/.test(cell) || cell.split(/[、，,；;]/).some((name) => name.length > 40)) return false;
  return isUnitList(fold(cell));
}

type Kind = 'number' | 'units' | 'deadline' | 'measures' | 'text';

function kindOf(column: Column | null): Kind {
  if (column === 'number' || column === 'deadline' || column === 'measures') return column;
  return column === 'lead' || column === 'cooperating' || column === 'responsible' ? 'units' : 'text';
}

/** How unlikely a cell of this kind reads as `cell`. */
function contentCost(
  kind: Kind,
  cell: string,
  pieces: number,
  looksLikeUnits: boolean,
  whole: boolean,
): number {
  // A whole cell of unit names is no text cell that a wrap left short.
  const unitsAsText = whole ? MISSING_OTHER : 2;
  switch (kind) {
    case 'number':
      return pieces === 1 && TASK_NUMBER.test(cell) ? 0 : IMPOSSIBLE;
    case 'units':
      return looksLikeUnits ? 0 : 6;
    case 'deadline':
      return DATE_LIKE.test(fold(cell)) ? 0 : 4;
    case 'measures':
      return looksLikeUnits && !/[，,。；;]/.test(cell) ? unitsAsText : 0;
    default:
      return looksLikeUnits ? unitsAsText : 0;
  }
}

/** The pieces from t to u as one cell: its text, how unlikely its joins are, and its extra spaces. */
interface Group {
  cell: string;
  pieces: number;
  joins: number;
  spaces: number;
}

function groups(pieces: string[], separator: string): Group[][] {
  return pieces.map((_, t) => {
    const out: Group[] = [];
    let group: Group = { cell: '', pieces: 0, joins: 0, spaces: 0 };
    let last = '';
    for (let u = t; u < pieces.length; u++) {
      const piece = pieces[u]!;
      if (!piece) group = { ...group, spaces: group.spaces + 1 };
      else {
        // After a list separator or a sentence a cell may go on; where a wrap broke a cell, each
        // piece is as wide as the column, the last one no wider.
        const join = !last
          ? 0
          : LIST_END.test(last) || SENTENCE_END.test(last) || last.length >= piece.length
            ? 0.5
            : 2;
        group = {
          cell: group.cell ? `${group.cell}${separator}${piece}` : piece,
          pieces: group.pieces + 1,
          joins: group.joins + join,
          spaces: group.spaces,
        };
        last = piece;
      }
      out[u + 1 - t] = group;
    }
    return out;
  });
}

export interface RowContext {
  /** The cells of the row above (merged cells filled in): a cell that repeats the one above it is
   *  likelier in that column than in another. */
  above?: readonly string[];
  /** What each cell read as (units or not): a table's rows repeat their units. */
  units?: Map<string, boolean>;
  /** Each piece is a whole cell (a table whose cells are delimited, only its merged cells
   *  missing): pieces are not joined, and a list of units under a text column is unlikely. */
  whole?: boolean;
  /** Each piece is a paragraph (a line of its own): pieces of one cell keep their breaks. */
  paragraphs?: boolean;
}

/** Whether two cells hold the same text, spaces aside. */
const same = (a: string, b: string | undefined) =>
  b !== undefined && a.replace(/ /g, '') === b.replace(/ /g, '');

/**
 * A row's cells: its pieces (split at every space, so that "" marks an extra one) laid into the
 * columns at the least cost; a column given no piece is null (merged into the row above).
 */
export function alignRow(
  columns: (Column | null)[],
  pieces: string[],
  { above = [], units = new Map<string, boolean>(), whole = false, paragraphs = false }: RowContext = {},
): (string | null)[] | null {
  const n = columns.length;
  const m = pieces.length;
  const spans = groups(pieces, paragraphs ? '\n' : ' ');
  // The same cell is weighed for several columns.
  const looksLikeUnits = (cell: string): boolean => {
    let known = units.get(cell);
    if (known === undefined)
      units.set(cell, (known = readsAsUnits(cell.replace(/ /g, '').replace(/\n/g, '、'))));
    return known;
  };
  const costOf = (c: number, t: number, u: number): number => {
    const column = columns[c]!;
    // Of two columns equally likely merged, the one further left: rowspans group rows from the left.
    // Under nothing (a table's or a group's first row) a cell left out is empty, not merged.
    if (t === u && whole && !above[c]) return ((column && EMPTY[column]) ?? 0) + c / 1000;
    if (t === u) return ((column && MISSING[column]) ?? MISSING_OTHER) + (whole ? c / 1000 : 0);
    if (whole && u - t > 1) return IMPOSSIBLE;
    const group = spans[t]![u - t]!;
    // A lone extra space is an empty cell; extra spaces inside a cell are possible, not likely.
    if (!group.pieces) return group.spaces === 1 ? ((column && EMPTY[column]) ?? 0) : IMPOSSIBLE;
    const kind = kindOf(column);
    const units = kind === 'number' || kind === 'deadline' ? false : looksLikeUnits(group.cell);
    const repeated = same(group.cell, above[c]) ? -1 : 0;
    // Text under a column of no known name ("一季度") is likelier text of a named one left empty.
    const unnamed = column === null ? 1 : 0;
    return (
      group.joins +
      group.spaces +
      repeated +
      unnamed +
      contentCost(kind, group.cell, group.pieces, units, whole)
    );
  };
  // best[c][t]: the least cost of laying the first t pieces into the first c columns.
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(IMPOSSIBLE));
  const from = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-1));
  best[0]![0] = 0;
  for (let c = 0; c < n; c++) {
    for (let t = 0; t <= m; t++) {
      const start = best[c]![t]!;
      if (start === IMPOSSIBLE) continue;
      for (let u = t; u <= m; u++) {
        const cost = start + costOf(c, t, u);
        if (cost < best[c + 1]![u]!) {
          best[c + 1]![u] = cost;
          from[c + 1]![u] = t;
        }
      }
    }
  }
  if (best[n]![m] === IMPOSSIBLE) return null;
  const cells: (string | null)[] = [];
  for (let c = n, u = m; c > 0; c--) {
    const t = from[c]![u]!;
    cells.unshift(t === u ? null : spans[t]![u - t]!.cell);
    u = t;
  }
  return cells;
}

/**
 * A reader of a table's rows of delimited cells: a row short of cells is laid into the columns, its
 * missing (merged) cells repeating the row above; a row of more pieces than columns (a cell of
 * several paragraphs, one a line) has its pieces grouped into the columns; null for a row that
 * fits no way.
 */
export function mergedRows(
  columns: (Column | null)[],
  paragraphs = false,
): (cells: string[]) => string[] | null {
  const units = new Map<string, boolean>();
  let above: string[] = [];
  return (cells) => {
    const whole = cells.length < columns.length;
    const aligned =
      cells.length === columns.length ? cells : alignRow(columns, cells, { above, units, whole, paragraphs });
    if (!aligned) return null;
    above = aligned.map((cell, c) => cell ?? above[c] ?? '');
    return above;
  };
}

/** The header's columns when `line` is a row of column names only, 序号 first. */
function headerColumns(line: string): (Column | null)[] | null {
  const names = line.trim().split(/[ \u3000]+/);
  if (names.length < 3 || !isHeader(names)) return null;
  const columns = names.map(columnOf);
  return columns[0] === 'number' && columns.every(Boolean) ? columns : null;
}

/** The rows of the table whose header is `lines[at]`, and the index of the line after it. */
function tableRows(
  lines: string[],
  at: number,
  columns: (Column | null)[],
): { rows: string[][]; next: number } {
  const rows: string[][] = [];
  const units = new Map<string, boolean>();
  let above: string[] = [];
  let next = at + 1;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    if (GROUP_ROW.test(line) && ROW_START.test(lines.slice(i + 1).find((l) => l.trim()) ?? '')) {
      rows.push([line.trim()]);
      above = [];
      next = i + 1;
      continue;
    }
    if (!ROW_START.test(line)) break;
    const cells = alignRow(columns, line.trim().split(SPACE), { above, units });
    if (!cells) break;
    above = cells.map((cell, c) => cell ?? above[c] ?? '');
    rows.push(above);
    next = i + 1;
  }
  return { rows, next };
}

/** The text with every space-separated task table turned into task lines; other lines unchanged. */
export function withSpaceTables(text: string): string {
  return withTaskTables(text, (lines, i) => {
    const columns = SPACE.test(lines[i]!) ? headerColumns(lines[i]!) : null;
    if (!columns) return null;
    const { rows, next } = tableRows(lines, i, columns);
    return { rows: [lines[i]!.trim().split(/[ \u3000]+/), ...rows], next };
  });
}
