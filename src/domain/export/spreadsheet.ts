// A format-neutral table model: the builders produce it, the xlsx writer renders it. Headers,
// titles and labels arrive already translated, so this folder never needs i18n.

/** A Date is an instant; the writer shows it in China Standard Time. */
export type CellValue = string | number | Date | null;

/** `warn` marks what needs attention (an overdue deadline), rendered in red. */
export interface StyledCell {
  value: CellValue;
  warn?: boolean;
}

export type Cell = CellValue | StyledCell;

export interface SheetColumn {
  header: string;
  /** In characters, as spreadsheet programs count column width. */
  width?: number;
}

export interface SheetSpec {
  name: string;
  /** A title row above the header, spanning all columns. */
  title?: string;
  columns: SheetColumn[];
  rows: Cell[][];
}

function isStyled(cell: Cell): cell is StyledCell {
  return cell !== null && typeof cell === 'object' && !(cell instanceof Date);
}

export function cellValue(cell: Cell): CellValue {
  return isStyled(cell) ? cell.value : cell;
}

export function isWarn(cell: Cell): boolean {
  return isStyled(cell) && cell.warn === true;
}
