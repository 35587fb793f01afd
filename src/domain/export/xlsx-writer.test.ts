// Round trip: write with writeXlsx, read back with ExcelJS (an independent implementation) and
// check what a user opening the file would get.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDispatchTable } from './dispatch-table';
import type { SheetSpec } from './spreadsheet';
import { DISPATCH_HEADERS, WEEKLY_HEADERS, YES_NO, dispatchRow, weeklyItem } from './test-fixtures';
import { buildWeeklyReport } from './weekly-report';
import { writeXlsx } from './xlsx-writer';

const { ValueType } = ExcelJS;
const WARN_FONT = 'FF9C0006';
const WARN_FILL = 'FFFFC7CE';
const HEADER_FILL = 'FFD9E1F2';

async function readBack(bytes: Uint8Array<ArrayBuffer>): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const values: unknown[] = [];
  for (let col = 1; col <= sheet.columnCount; col++) values.push(sheet.getCell(row, col).value);
  return values;
}

function fillColor(cell: ExcelJS.Cell): string | undefined {
  return cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
}

function expectNoFormulas(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) =>
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        expect(cell.type, cell.address).not.toBe(ValueType.Formula);
        expect(cell.formula, cell.address).toBeUndefined();
      }),
    ),
  );
}

describe('writeXlsx', () => {
  it('returns the bytes of a zip archive', async () => {
    const bytes = await writeXlsx([{ name: 'a', columns: [{ header: 'h' }], rows: [] }]);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('refuses an empty workbook', async () => {
    await expect(writeXlsx([])).rejects.toThrow('at least one sheet');
  });

  describe('dispatch table', async () => {
    const spec = buildDispatchTable({
      sheetName: '攻坚台账',
      title: '2026年秋冬季大气污染防治攻坚任务台账',
      headers: DISPATCH_HEADERS,
      rows: [
        dispatchRow(),
        dispatchRow({
          number: '13',
          title: '推进柴油货车治理',
          leadUnits: ['区生态环境分局', '区交通局'],
          responsibleUnits: [],
          deadline: '2026-11-01',
          progress: '=1+1',
          statusLabel: '已逾期',
          overdue: true,
        }),
        dispatchRow({ number: '14', title: '@SUM(A1)', deadline: null, progress: '－HYPERLINK("x")\u0007' }),
      ],
    });
    const workbook = await readBack(await writeXlsx([spec]));
    const sheet = sheetOf(workbook, '攻坚台账');

    it('has the sheet, the title merged across the columns and the header', () => {
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['攻坚台账']);
      const title = sheet.getCell('A1');
      expect(title.value).toBe('2026年秋冬季大气污染防治攻坚任务台账');
      expect(title.font?.bold).toBe(true);
      expect(sheet.model.merges).toEqual(['A1:G1']);
      expect(sheet.getCell('G1').master.address).toBe('A1');
      expect(rowValues(sheet, 2)).toEqual([
        '序号',
        '任务',
        '牵头单位',
        '责任单位',
        '时限',
        '进展情况',
        '状态',
      ]);
    });

    it('styles the header bold on a fill and freezes everything above the data', () => {
      for (let col = 1; col <= 7; col++) {
        const cell = sheet.getCell(2, col);
        expect(cell.font?.bold).toBe(true);
        expect(fillColor(cell)).toBe(HEADER_FILL);
      }
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    });

    it('sets the column widths', () => {
      expect(sheet.columns.map((c) => c.width)).toEqual(spec.columns.map((c) => c.width));
    });

    it('reads back every cell, user text as plain strings', () => {
      expect(sheet.rowCount).toBe(5);
      expect(rowValues(sheet, 3)).toEqual([
        1,
        '12 加强扬尘污染治理',
        '区住建局',
        '区城管局、各乡镇（街道）',
        '2026年11月30日',
        '已完成裸土覆盖85%',
        '推进中',
      ]);
      expect(rowValues(sheet, 4)).toEqual([
        2,
        '13 推进柴油货车治理',
        '区生态环境分局、区交通局',
        null,
        '2026年11月1日',
        "'=1+1",
        '已逾期',
      ]);
      expect(rowValues(sheet, 5)).toEqual([
        3,
        '14 @SUM(A1)',
        '区住建局',
        '区城管局、各乡镇（街道）',
        null,
        '\'－HYPERLINK("x")',
        '推进中',
      ]);
      expect(sheet.getCell('A3').type).toBe(ValueType.Number);
      for (const address of ['B3', 'E3', 'F4', 'F5']) {
        expect(sheet.getCell(address).type, address).toBe(ValueType.String);
        expect(sheet.getCell(address).numFmt, address).toBe('@');
      }
      expectNoFormulas(workbook);
    });

    it('marks the overdue deadline and status in red, and nothing else', () => {
      const red = (address: string) => {
        const cell = sheet.getCell(address);
        return cell.font?.color?.argb === WARN_FONT && fillColor(cell) === WARN_FILL;
      };
      expect(['E4', 'G4'].filter(red)).toEqual(['E4', 'G4']);
      const others = ['A4', 'B4', 'C4', 'D4', 'F4', 'E3', 'G3', 'E5', 'G5'];
      expect(others.filter(red)).toEqual([]);
    });
  });

  describe('weekly report', async () => {
    const title = '古荥镇 2026年第47周 攻坚任务周报 (2026-11-16 至 2026-11-22)';
    const spec = buildWeeklyReport({
      sheetName: '古荥镇 第47周',
      title,
      headers: WEEKLY_HEADERS,
      overdueLabels: YES_NO,
      rows: [
        weeklyItem({ latestAt: '2026-11-20T16:30:00Z' }),
        weeklyItem({
          taskNumber: '13',
          taskTitle: '推进柴油货车治理',
          featureName: null,
          deadline: '2026-11-01',
          statusLabel: '已逾期',
          latestNote: '+86 371 1234 联系人',
          latestAt: null,
          overdue: true,
        }),
      ],
    });
    const workbook = await readBack(await writeXlsx([spec]));
    const sheet = sheetOf(workbook, '古荥镇 第47周');

    it('has the title row, the header and frozen panes', () => {
      expect(sheet.getCell('A1').value).toBe(title);
      expect(sheet.model.merges).toEqual(['A1:I1']);
      expect(rowValues(sheet, 2)).toEqual([
        '序号',
        '任务',
        '要素/点位',
        '责任单位',
        '时限',
        '状态',
        '进展情况',
        '最近更新',
        '逾期',
      ]);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    });

    it('writes the latest update as a date-time in China time', () => {
      const cell = sheet.getCell('H3');
      expect(cell.type).toBe(ValueType.Date);
      expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm');
      // Spreadsheet dates have no zone: ExcelJS hands back the wall-clock time as UTC.
      const wallClock = cell.value as Date;
      expect(Math.round(wallClock.getTime() / 60_000)).toBe(Date.parse('2026-11-21T00:30:00Z') / 60_000);
    });

    it('reads back every cell', () => {
      expect(rowValues(sheet, 3).slice(0, 7)).toEqual([
        1,
        '12 加强扬尘污染治理',
        '岗李水库',
        '古荥镇',
        '2026年11月30日',
        '推进中',
        '已完成裸土覆盖',
      ]);
      expect(rowValues(sheet, 3)[8]).toBe('否');
      expect(rowValues(sheet, 4)).toEqual([
        2,
        '13 推进柴油货车治理',
        null,
        '古荥镇',
        '2026年11月1日',
        '已逾期',
        "'+86 371 1234 联系人",
        null,
        '是',
      ]);
      expectNoFormulas(workbook);
    });

    it('marks the overdue deadline, status and 逾期 in red', () => {
      for (const address of ['E4', 'F4', 'I4']) {
        expect(sheet.getCell(address).font?.color?.argb, address).toBe(WARN_FONT);
        expect(fillColor(sheet.getCell(address)), address).toBe(WARN_FILL);
      }
      expect(sheet.getCell('I3').font?.color?.argb).toBeUndefined();
    });
  });

  it('writes several sheets, making their names valid and unique', async () => {
    const sheet = (name: string): SheetSpec => ({ name, columns: [{ header: '任务' }], rows: [['=A1']] });
    const workbook = await readBack(await writeXlsx([sheet('周报'), sheet('周报'), sheet('a/b:c')]));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['周报', '周报 (2)', 'a_b_c']);
    const only = sheetOf(workbook, 'a_b_c');
    expect(rowValues(only, 1)).toEqual(['任务']);
    expect(rowValues(only, 2)).toEqual(["'=A1"]);
    expect(only.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expectNoFormulas(workbook);
  });
});
