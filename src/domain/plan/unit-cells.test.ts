import { describe, expect, it } from 'vitest';
import { physicalLines } from './normalize-text';
import { parsePlan } from './plan-parser';
import { unitCells } from './unit-cells';

const isRow = (l: { key: string }) => /^\d+、/.test(l.key);
const cellsOf = (...lines: string[]) =>
  [...unitCells(physicalLines(lines.join('\n')), isRow)].map(([l, names]) => [l.text, names]);
const tasks = (...lines: string[]) =>
  parsePlan(['镇环境卫生整治任务分解表', ...lines].join('\n')).plans[0]!.tasks.map((t) => [
    t.number,
    t.title,
    t.assignments.map((a) => a.responsible_units),
  ]);

const row = (n: number, title: string) => `${n}、${title}。加强对农村中小河流的治理,促进人与自然和谐。`;

describe('unitCells', () => {
  it("reads a row's unit cells, one a line, closed by the person answering for the row", () => {
    expect(cellsOf(row(1, '整治河流'), '镇创卫办', '各村(居、场)', '林玉铭', row(2, '清运垃圾'))).toEqual([
      ['镇创卫办', ['镇创卫办', '各村(居、场)']],
      ['各村(居、场)', null],
      ['林玉铭', null],
    ]);
    // The last row closes on the person and the end of the text; two persons may answer.
    expect(cellsOf(row(2, '清运垃圾'), '达标率达97%。', '镇区管理中心', '林玉铭、苏荣义')).toEqual([
      ['镇区管理中心', ['镇区管理中心']],
      ['林玉铭、苏荣义', null],
    ]);
  });

  it('reads no cells without the person, or with more text after the person than a row', () => {
    // A signature: the issuer, then the date.
    expect(cellsOf(row(1, '整治河流'), '郭坑镇人民政府', '2020年3月1日')).toEqual([]);
    expect(cellsOf(row(1, '整治河流'), '镇创卫办', '各村(居、场)')).toEqual([]);
    expect(cellsOf(row(1, '整治河流'), '镇创卫办', '林玉铭', '此项工作长期坚持。')).toEqual([]);
    // A run at the very start has no row's text before it.
    expect(cellsOf('镇创卫办', '林玉铭', row(1, '整治河流'))).toEqual([]);
  });
});

describe('a header-less one-cell-a-line table in a plan', () => {
  it("gives each row its unit cells as responsible units, the person's name no unit", () => {
    expect(
      tasks(
        row(5, '整治农村河流保障饮水安全'),
        '各村(居、场)',
        '苏荣义',
        row(6, '开展农村环境连片整治活动'),
        '镇创卫办',
        '各村(居、场)',
        '林玉铭',
      ),
    ).toEqual([
      ['5', '整治农村河流保障饮水安全', [['各村(居、场)']]],
      ['6', '开展农村环境连片整治活动', [['镇创卫办', '各村(居、场)']]],
    ]);
  });
});
