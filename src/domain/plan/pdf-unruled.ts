// Task tables drawn without vertical rules (a three-line table, or no rules at all), found from
// their text: a line of column names only (序号 工作任务 牵头单位 …) heads one, its columns are the
// whitespace that runs down through it and the lines below, and a row starts where the number
// column has text. The table is given as the rulings a ruled one would have, so the ruled path
// (findTables, partRows) reads it. A table that runs to the foot of a page goes on at the top of the
// next in its columns, with or without its header printed again, until a line crosses them.
import { fontHeight, type PdfTextItem } from './pdf-lines';
import type { Ruling } from './pdf-rulings';
import { isPageNumber } from './normalize-text';
import { columnOf, isHeader } from './task-table';

interface Span {
  left: number;
  right: number;
}

interface Segment extends Span {
  text: string;
}

/** A line as printed: items on one baseline, whatever order they are drawn in. */
interface PrintedRow {
  baseline: number;
  height: number;
  segments: Segment[];
}

const left = (item: PdfTextItem) => item.transform[4] ?? 0;
const baseline = (item: PdfTextItem) => item.transform[5] ?? 0;

/**
 * Runs of items on a line; a gap of half a character parts them: a line of prose is drawn in runs
 * that touch, while cells are apart by their padding (a character or so in a dense table).
 */
function segments(items: PdfTextItem[], height: number): Segment[] {
  const out: Segment[] = [];
  for (const item of [...items].sort((a, b) => left(a) - left(b))) {
    const last = out.at(-1);
    const span = { left: left(item), right: left(item) + item.width };
    if (last && span.left - last.right < height / 2) {
      last.right = Math.max(last.right, span.right);
      last.text += item.str;
    } else out.push({ ...span, text: item.str });
  }
  return out;
}

/** The page's lines top to bottom: a table's cells are drawn cell by cell, not line by line. */
function printedRows(items: readonly PdfTextItem[]): PrintedRow[] {
  const inked = items.filter((item) => item.str.trim()).sort((a, b) => baseline(b) - baseline(a));
  const groups: PdfTextItem[][] = [];
  for (const item of inked) {
    const group = groups.at(-1);
    if (group && baseline(group[0]!) - baseline(item) <= fontHeight(item) / 2) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const height = Math.max(...group.map(fontHeight));
    return { baseline: baseline(group[0]!), height, segments: segments(group, height) };
  });
}

/** Spans closer than `tolerance` run together; ascending. */
function union(spans: Span[], tolerance: number): Span[] {
  const out: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.left - b.left)) {
    const last = out.at(-1);
    if (last && span.left - last.right < tolerance) last.right = Math.max(last.right, span.right);
    else out.push({ ...span });
  }
  return out;
}

/**
 * The gaps between columns: between each two header names, the widest gap in the text below. Null
 * when text bridges one of them. Headers are often centred over left-aligned cells, so the names
 * only say which gap is whose.
 */
function columnGaps(header: Segment[], spans: Span[], tolerance: number): Span[] | null {
  const inked = union(spans, tolerance);
  const gaps = inked.slice(1).map((span, i) => ({ left: inked[i]!.right, right: span.left }));
  const out: Span[] = [];
  for (const [i, name] of header.slice(1).entries()) {
    const between = gaps.filter((gap) => gap.left >= header[i]!.right && gap.right <= name.left);
    if (!between.length) return null;
    out.push(between.reduce((a, b) => (b.right - b.left > a.right - a.left ? b : a)));
  }
  return out;
}

/** A row of the page that heads a task table: three or more column names, nothing else. */
function isHeaderRow(row: PrintedRow): boolean {
  const names = row.segments.map((s) => s.text);
  return names.length >= 3 && names.every((name) => columnOf(name) !== null) && isHeader(names);
}

/** A table found on a page, as the next page may continue it: its column edges (left to right,
 *  outer ones included), the column of its task numbers and its text height. */
export interface UnruledColumns {
  xs: number[];
  numberColumn: number;
  height: number;
}

interface Found {
  rulings: Ruling[];
  /** The row after the table. */
  end: number;
  columns: UnruledColumns;
}

/**
 * The rulings of a table over rows[first..end) (its body) with the given columns: a row border
 * wherever a rule is drawn across the body, else where the number column has text; `top` is the
 * table's top edge, `bodyTop` where its body starts (below a header).
 */
function bodyRulings(
  rows: PrintedRow[],
  first: number,
  end: number,
  { xs, numberColumn, height }: UnruledColumns,
  top: number,
  bodyTop: number | null,
  rules: readonly Ruling[],
): Ruling[] {
  const inner = xs.slice(1, -1);
  const columnOfSpan = (s: Span) => inner.filter((x) => x < (s.left + s.right) / 2).length;
  // A row border midway between two lines, measured where itemCell places a line (a third up).
  const between = (above: PrintedRow, below: PrintedRow) =>
    (above.baseline + below.baseline) / 2 + height / 3;
  const [x1, x2] = [xs[0]!, xs.at(-1)!];
  const bottom = rows[end - 1]!.baseline - height / 2;
  const upper = bodyTop ?? top;
  // Rules across the table between body lines part its rows (cells there may be centred
  // vertically); without them a row starts where the number column has text.
  const drawn = rules
    .filter((r) => r.y2 - r.y1 < 1 && r.x2 - r.x1 > (x2 - x1) / 2 && r.x1 < x2 && r.x2 > x1)
    .map((r) => r.y1)
    .filter((y) => y < upper && y > bottom);
  const ys = bodyTop === null ? [top] : [top, bodyTop];
  if (drawn.length) ys.push(...drawn.sort((a, b) => b - a));
  else
    for (let r = first + 1; r < end; r++)
      if (rows[r]!.segments.some((s) => columnOfSpan(s) === numberColumn))
        ys.push(between(rows[r - 1]!, rows[r]!));
  ys.push(bottom);
  return [
    ...ys.map((y) => ({ x1, y1: y, x2, y2: y })),
    ...xs.map((x) => ({ x1: x, y1: bottom, x2: x, y2: top })),
  ];
}

/** The table headed by rows[at]. */
function tableAt(rows: PrintedRow[], at: number, rules: readonly Ruling[]): Found | null {
  const header = rows[at]!;
  const height = header.height;
  const tolerance = height / 4;
  const spans: Span[] = [...header.segments];
  let end = at + 1;
  // Rows run on until a line crosses a column (a paragraph) or a blank band of three lines.
  for (; end < rows.length; end++) {
    const row = rows[end]!;
    if (rows[end - 1]!.baseline - row.baseline > 3 * height) break;
    if (!columnGaps(header.segments, [...spans, ...row.segments], tolerance)) break;
    spans.push(...row.segments);
  }
  if (end === at + 1) return null;
  const gaps = columnGaps(header.segments, spans, tolerance)!;
  const names = header.segments.map((s) => columnOf(s.text));
  // Cell padding, equal on both sides as partRows takes it: half the narrowest column gap.
  const padding = Math.min(...gaps.map((gap) => (gap.right - gap.left) / 2));
  const columns = {
    xs: [
      Math.min(...spans.map((s) => s.left)) - padding,
      ...gaps.map((gap) => (gap.left + gap.right) / 2),
      Math.max(...spans.map((s) => s.right)) + padding,
    ],
    numberColumn: Math.max(0, names.indexOf('number')),
    height,
  };
  const first = rows[at + 1]!;
  const bodyTop = (header.baseline + first.baseline) / 2 + height / 3;
  const rulings = bodyRulings(rows, at + 1, end, columns, header.baseline + height, bodyTop, rules);
  return { rulings, end, columns };
}

/** Whether a row's text keeps to the columns: no run crosses an edge between two of them. */
function fitsColumns(row: PrintedRow, { xs, height }: UnruledColumns): boolean {
  const tolerance = height / 4;
  return row.segments.every(
    (s) =>
      s.left >= xs[0]! - tolerance &&
      s.right <= xs.at(-1)! + tolerance &&
      xs.slice(1, -1).every((x) => s.right <= x + tolerance || s.left >= x - tolerance),
  );
}

/** The part of a table from the page before that the top of this page carries on, if any; a page
 *  number printed at the head of the page comes before it. */
function continuationAt(rows: PrintedRow[], columns: UnruledColumns, rules: readonly Ruling[]): Found | null {
  let start = 0;
  while (start < rows.length && isPageNumber(rowText(rows[start]!))) start++;
  let end = start;
  for (; end < rows.length; end++) {
    const row = rows[end]!;
    if (isPageNumber(rowText(row)) || isHeaderRow(row)) break;
    if (end > start && rows[end - 1]!.baseline - row.baseline > 3 * columns.height) break;
    if (!fitsColumns(row, columns)) break;
  }
  if (end === start) return null;
  const top = rows[start]!.baseline + columns.height;
  return { rulings: bodyRulings(rows, start, end, columns, top, null, rules), end, columns };
}

const rowText = (row: PrintedRow) =>
  row.segments
    .map((s) => s.text)
    .join(' ')
    .trim();

/**
 * The rulings of the task tables among a page's text items that no ruled table holds; `rules` are
 * the page's rulings (horizontal ones may part the rows). `carried`: the columns of a table that
 * ran to the foot of the page before, which the top of this page may continue without a header.
 * `open` is such a table of this page, for the next.
 */
export function unruledRulings(
  items: readonly PdfTextItem[],
  rules: readonly Ruling[],
  carried: UnruledColumns | null = null,
): { rulings: Ruling[]; open: UnruledColumns | null } {
  const rows = printedRows(items);
  const rulings: Ruling[] = [];
  let open: UnruledColumns | null = null;
  const take = (table: Found) => {
    rulings.push(...table.rulings);
    // A table followed by nothing but the page number runs on to the next page.
    open = rows.slice(table.end).every((row) => isPageNumber(rowText(row))) ? table.columns : null;
    return table.end;
  };
  const continued = carried && continuationAt(rows, carried, rules);
  for (let r = continued ? take(continued) : 0; r < rows.length;) {
    const table = isHeaderRow(rows[r]!) ? tableAt(rows, r, rules) : null;
    r = table ? take(table) : r + 1;
  }
  return { rulings, open };
}
