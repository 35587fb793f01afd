// Renders SheetSpecs as an .xlsx workbook with write-excel-file (its "universal" build runs in
// browsers and in Node, and depends on fflate only). The UI imports this module dynamically, so
// the library stays in its own chunk.
import writeXlsxFile, {
  type Cell as XlsxCell,
  type CellObject,
  type Sheet,
} from 'write-excel-file/universal';
import { CHINA_UTC_OFFSET_MS } from './dates';
import { safeCellValue, safeSheetNames, safeText } from './safe-cell';
import { cellValue, isWarn, type Cell, type SheetSpec } from './spreadsheet';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Dates carry the time of day: the only Date cells are "last updated" timestamps.
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

const border: CellObject = { borderStyle: 'thin', borderColor: '#808080' };
const titleStyle: CellObject = { fontWeight: 'bold', fontSize: 14, align: 'center', alignVertical: 'center' };
const headerStyle: CellObject = {
  ...border,
  fontWeight: 'bold',
  backgroundColor: '#D9E1F2',
  align: 'center',
  alignVertical: 'center',
  wrap: true,
};
// Excel's own "Bad" cell style, which readers of these tables know as "needs attention".
const warnStyle: CellObject = { textColor: '#9C0006', backgroundColor: '#FFC7CE' };

function bodyCell(cell: Cell): CellObject {
  const style: CellObject = { ...border, alignVertical: 'top', ...(isWarn(cell) ? warnStyle : {}) };
  const { value } = safeCellValue(cellValue(cell));
  if (typeof value === 'string') return { ...style, ...textCell(value), wrap: true };
  if (typeof value === 'number') return { ...style, value, type: Number, align: 'center' };
  if (value instanceof Date) {
    // A spreadsheet date has no time zone: write China's wall-clock time.
    const wallClock = new Date(value.getTime() + CHINA_UTC_OFFSET_MS);
    return { ...style, value: wallClock, type: Date, format: DATE_FORMAT };
  }
  return style;
}

// `text` has been through safeText. Typed as a string and formatted as Text ("@") on top of its
// prefix, so neither the file nor a later edit in Excel turns the text into a formula.
function textCell(text: string): CellObject {
  return { value: text, type: String, format: '@' };
}

function toSheet(spec: SheetSpec, name: string): Sheet<Blob> {
  const header: XlsxCell[] = spec.columns.map((column) => ({
    ...headerStyle,
    ...textCell(safeText(column.header).text),
  }));
  const data: XlsxCell[][] = [header, ...spec.rows.map((row) => row.map(bodyCell))];
  if (spec.title) {
    const title: XlsxCell = {
      ...titleStyle,
      ...textCell(safeText(spec.title).text),
      columnSpan: spec.columns.length,
      height: 28,
    };
    data.unshift([title, ...spec.columns.slice(1).map(() => null)]);
  }
  return {
    data,
    sheet: name,
    columns: spec.columns.map((column) => ({ width: column.width })),
    stickyRowsCount: spec.title ? 2 : 1,
  };
}

export async function writeXlsx(sheets: SheetSpec[]): Promise<Uint8Array<ArrayBuffer>> {
  if (sheets.length === 0) throw new Error('writeXlsx needs at least one sheet');
  const names = safeSheetNames(sheets.map((sheet) => sheet.name));
  const blob = await writeXlsxFile(sheets.map((sheet, i) => toSheet(sheet, names[i] ?? ''))).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
